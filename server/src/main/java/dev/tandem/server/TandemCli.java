package dev.tandem.server;

import dev.tandem.server.dualwrite.MapsCommand;
import dev.tandem.server.reconcile.ReconcileCommand;
import dev.tandem.server.run.RunCommand;
import dev.tandem.server.run.SampleCommand;
import org.springframework.core.NestedExceptionUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code tandem} command line, main class of the server jar.
 *
 * <p>Exit codes: 0 success; 1 the command failed (one line {@code tandem: <reason>} on stderr, the details in the
 * log); 2 the command line is wrong (picocli's message and usage on stderr). No stack trace reaches the terminal.
 * Without a subcommand it prints its usage.
 */
@Command(name = "tandem", mixinStandardHelpOptions = true, versionProvider = TandemVersion.class,
        description = "Project invoice integration: Project Operations, Finance and the dual-write runtime between "
                + "their databases.",
        subcommands = {RunCommand.class, SampleCommand.class, ReconcileCommand.class, ServeCommand.class,
                MapsCommand.class, dev.tandem.server.security.UsersCommand.class, VersionCommand.class,
                HelpCommand.class})
public final class TandemCli implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; {@link #main} executes it, tests too. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TandemCli());
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            failed.getErr().println("tandem: " + reason(exception));
            failed.getErr().flush();
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
    }

    /** The innermost message, which names what went wrong (e.g. the port in use), not the wrapping layers. */
    private static String reason(Exception exception) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
