package dev.tandem.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.monthend.input.InputFolder;
import dev.tandem.monthend.sample.SampleFolder;
import dev.tandem.server.TandemCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tandem sample} as a user runs it. */
class SampleCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void writesAFolderThatTandemRunAcceptsAndSaysHowToRunIt() {
        Path folder = temp.resolve("meridian");

        int exitCode = sample("--time-rows", "120", "--seed", "5", folder.toString());

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("120 time rows").contains("45 contracts")
                .contains("tandem run " + folder + " --as-of 2025-04-30");
        InputFolder.Result read = InputFolder.read(folder, SampleFolder.AS_OF);
        assertThat(read.problems()).isEmpty();
        assertThat(read.input().time().toList()).hasSize(120);
    }

    @Test
    void aFolderThatIsNotEmptyExitsWithOneAndItsReason() throws IOException {
        Files.writeString(temp.resolve("notes.txt"), "mine");

        int exitCode = sample("--time-rows", "10", temp.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("tandem: " + temp + " is not empty" + System.lineSeparator());
    }

    @Test
    void theRowCountIsRequired() {
        assertThat(sample(temp.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--time-rows");
    }

    private int sample(String... args) {
        CommandLine commandLine = TandemCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "sample";
        System.arraycopy(args, 0, all, 1, args.length);
        return commandLine.execute(all);
    }
}
