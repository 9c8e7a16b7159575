package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line without starting a server: help, version, and how it fails. */
class TandemCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsTheCommands() {
        int exitCode = run(TandemCli.commandLine(), "--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("Usage: tandem").contains("serve", "version", "help");
    }

    @Test
    void withoutACommandItPrintsHelp() {
        int exitCode = run(TandemCli.commandLine());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("Usage: tandem").contains("serve");
    }

    @Test
    void serveHelpNamesThePortOption() {
        int exitCode = run(TandemCli.commandLine(), "serve", "--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("Usage: tandem serve", "--port", "127.0.0.1:8080");
    }

    @Test
    void versionPrintsTheBuiltVersion() {
        int exitCode = run(TandemCli.commandLine(), "version");

        assertThat(exitCode).isZero();
        assertThat(out.toString().strip()).matches("tandem \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void unknownOptionPrintsUsageAndExitsWithTwo() {
        int exitCode = run(TandemCli.commandLine(), "--frobnicate");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'", "Usage: tandem")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void unknownCommandExitsWithTwo() {
        assertThat(run(TandemCli.commandLine(), "frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate").doesNotContain("Exception");
    }

    @Command(name = "fail")
    static class FailingCommand implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("wrapper", new IllegalArgumentException("disk full"));
        }
    }

    @Test
    void aFailingCommandPrintsOneLineAndExitsWithOne() {
        CommandLine commandLine = TandemCli.commandLine();
        commandLine.addSubcommand(new FailingCommand());

        int exitCode = run(commandLine, "fail");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("tandem: disk full" + System.lineSeparator());
    }

    private int run(CommandLine commandLine, String... args) {
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
