package dev.tandem.server.dualwrite;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.map.MapLoadException;
import dev.tandem.dualwrite.map.MapProblem;
import dev.tandem.dualwrite.map.TableMap;
import dev.tandem.dualwrite.map.TableMapLoader;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.Views.MapStatus;
import dev.tandem.finance.sync.FinanceSyncEntities;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.server.CommandContexts;
import dev.tandem.server.TandemVersion;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code tandem maps list|validate|state} (DESIGN §5): the table maps of a folder and, from the configured databases,
 * their states. {@code list} and {@code validate} need no database: a map is checked against the data entities both
 * apps declare ({@link OperationsDataEntities#ALL}, {@link FinanceSyncEntities#DEFINITIONS}), by the same
 * {@link TableMapLoader} the runtime uses, so a folder that validates here loads in {@code tandem serve}.
 *
 * <p>Exit codes: 0 success; 1 a map does not validate (every problem printed as {@code file:line: rule message}) or a
 * database cannot be read; 2 a wrong command line.
 */
@Command(name = "maps", mixinStandardHelpOptions = true, versionProvider = TandemVersion.class,
        description = "The table maps: list a folder's maps, validate them, or show their states.",
        subcommands = {MapsCommand.ListMaps.class, MapsCommand.Validate.class, MapsCommand.State.class,
                HelpCommand.class})
public final class MapsCommand implements Runnable {

    /** The folder of the repository's maps, relative to the working directory. */
    static final String DEFAULT_FOLDER = "maps";

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
    }

    /** The loader over both apps' declared entities. */
    static TableMapLoader loader() {
        Map<String, Map<String, DataEntityDefinition>> entities = new LinkedHashMap<>();
        entities.put("operations", byName(OperationsDataEntities.ALL));
        entities.put("finance", byName(FinanceSyncEntities.DEFINITIONS));
        return new TableMapLoader(entities);
    }

    private static Map<String, DataEntityDefinition> byName(List<DataEntityDefinition> definitions) {
        Map<String, DataEntityDefinition> all = new LinkedHashMap<>();
        definitions.forEach(d -> all.put(d.name(), d));
        return all;
    }

    /** @throws ParameterException when the folder does not exist */
    static Path folder(CommandSpec spec, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "No folder " + folder.toAbsolutePath()
                    + ": give the folder of the table maps, e.g. maps");
        }
        return folder;
    }

    /** {@code tandem maps list [FOLDER]}: one line per map, {@code id  version  source → target  name}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = TandemVersion.class,
            description = "List the table maps of a folder: id, version, source → target entity, name.")
    static final class ListMaps implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", defaultValue = DEFAULT_FOLDER,
                description = "Folder of *.yaml table maps (default: ${DEFAULT-VALUE}).")
        private Path folder;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<TableMap> maps;
            try {
                maps = loader().loadDirectory(folder(spec, folder));
            } catch (MapLoadException e) {
                print(e.problems(), spec.commandLine().getErr());
                return 1;
            }
            int idWidth = maps.stream().mapToInt(m -> m.id().length()).max().orElse(0);
            int routeWidth = maps.stream().mapToInt(m -> route(m).length()).max().orElse(0);
            for (TableMap m : maps) {
                out.printf("%-" + idWidth + "s  %-10s  %-" + routeWidth + "s  %s%n", m.id(), m.version(), route(m),
                        m.name());
            }
            out.flush();
            return 0;
        }

        private static String route(TableMap m) {
            return m.sourceApp() + "/" + m.sourceEntity() + " → " + m.targetApp() + "/" + m.targetEntity();
        }
    }

    /** {@code tandem maps validate [FOLDER]}: every problem as {@code file:line: rule message} and exit 1, else OK. */
    @Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = TandemVersion.class,
            description = {"Check the table maps of a folder as the runtime would load them.",
                    "Prints every problem as file:line: rule message and exits 1; else one line and exits 0."})
    static final class Validate implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", defaultValue = DEFAULT_FOLDER,
                description = "Folder of *.yaml table maps (default: ${DEFAULT-VALUE}).")
        private Path folder;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                List<TableMap> maps = loader().loadDirectory(folder(spec, folder));
                out.println("maps: " + maps.size() + " table maps in " + folder + " are valid");
                out.flush();
                return 0;
            } catch (MapLoadException e) {
                print(e.problems(), out);
                return 1;
            }
        }
    }

    /**
     * {@code tandem maps state}: each map's state, queue and open errors, from the databases {@code tandem serve}
     * uses ({@code --name=value} settings as for {@code reconcile}). Maps that never ran are shown Not running: the
     * command starts the runtime without {@code auto-run}.
     */
    @Command(name = "state", mixinStandardHelpOptions = true, versionProvider = TandemVersion.class,
            description = {"Show each table map's state, queue depth and open errors from the databases.",
                    "Databases as for serve; settings may follow as --name=value."})
    static final class State implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Unmatched
        private List<String> settings = new ArrayList<>();

        @Override
        public Integer call() {
            for (String setting : settings) {
                if (!setting.startsWith("--") || !setting.contains("=")) {
                    throw new ParameterException(spec.commandLine(), "Unknown argument '" + setting + "': settings "
                            + "are given as --name=value, e.g. --tandem.operations.datasource.url=jdbc:h2:file:./ops");
                }
            }
            List<String> arguments = new ArrayList<>(settings);
            arguments.add("--" + DualWriteProperties.PREFIX + ".auto-run=false");
            arguments.add("--" + DualWriteProperties.PREFIX + ".poll-interval=PT0S");
            List<MapStatus> maps;
            try (ConfigurableApplicationContext context = CommandContexts.start(arguments.toArray(String[]::new))) {
                maps = context.getBean(DualWriteRuntime.class).maps();
            }
            PrintWriter out = spec.commandLine().getOut();
            int idWidth = maps.stream().mapToInt(m -> m.id().length()).max().orElse(0);
            for (MapStatus m : maps) {
                out.printf("%-" + idWidth + "s  %-12s  queued %d, open errors %d%s%n", m.id(), m.state(),
                        m.queueDepth(), m.openErrors(), m.reason() == null ? "" : "  (" + m.reason() + ")");
            }
            out.flush();
            return 0;
        }
    }

    private static void print(List<MapProblem> problems, PrintWriter to) {
        problems.forEach(to::println);
        to.flush();
    }
}
