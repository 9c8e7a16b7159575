package dev.tandem.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tandem version}: prints {@code tandem <version>}. */
@Command(name = "version", description = "Print Tandem's version.", mixinStandardHelpOptions = true,
        versionProvider = TandemVersion.class)
final class VersionCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println("tandem " + TandemVersion.current());
        spec.commandLine().getOut().flush();
    }
}
