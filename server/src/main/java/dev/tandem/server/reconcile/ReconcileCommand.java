package dev.tandem.server.reconcile;

import dev.tandem.server.CommandContexts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tandem reconcile}: checks every invariant of DESIGN §4 across both databases and prints one line per
 * invariant with its counts, the samples of a violated one indented below it, and a last line {@code reconcile: ok}
 * or {@code reconcile: N violations}; with {@code --json} the {@link ReconcileReport} as JSON instead. Exit code 0
 * when every invariant holds, 1 otherwise (or when a database can't be read: one line {@code tandem: <reason>}).
 *
 * <p>The databases are those {@code tandem serve} uses: {@code tandem.operations.datasource.*} and
 * {@code tandem.finance.datasource.*} from the environment, system properties or {@code application.properties},
 * or given on the command line as {@code --name=value}, which is passed to the application as it is.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        versionProvider = dev.tandem.server.TandemVersion.class,
        description = {"Check the invariants of both databases: billing, proposals, vouchers, AR, sync, no loss.",
                "Prints one line per invariant; exit code 0 when all hold, 1 on any violation.",
                "Databases as for serve; settings may follow as --name=value, e.g.",
                "  --tandem.operations.datasource.url=jdbc:postgresql://db/operations"})
public final class ReconcileCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the report as JSON instead of lines.")
    private boolean json;

    @Option(names = "--as", paramLabel = "<user>",
            description = "The user to act as (default: the operating-system user).")
    private String as;

    @Unmatched
    private List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        for (String setting : settings) {
            if (!setting.startsWith("--") || !setting.contains("=")) {
                throw new ParameterException(spec.commandLine(), "Unknown argument '" + setting + "': settings are "
                        + "given as --name=value, e.g. --tandem.operations.datasource.url=jdbc:h2:file:./data/ops");
            }
        }
        ReconcileReport report;
        List<String> arguments = new ArrayList<>(settings);
        arguments.add("--" + dev.tandem.server.security.SecurityBeans.ACTING_USER + "="
                + (as != null && !as.isBlank() ? as.trim() : System.getProperty("user.name", "system")));
        try (ConfigurableApplicationContext context = CommandContexts.start(arguments.toArray(String[]::new))) {
            report = context.getBean(Reconciliation.class).check();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(report));
        } else {
            print(report, out);
        }
        out.flush();
        return report.ok() ? 0 : 1;
    }

    /** One line per invariant, e.g. {@code ok    4 invoices = AR = billed actuals   checked 12, violations 0}. */
    static void print(ReconcileReport report, PrintWriter out) {
        int width = report.invariants().stream().mapToInt(i -> i.name().length()).max().orElse(0);
        for (InvariantResult i : report.invariants()) {
            out.printf("%-5s %d %-" + width + "s   checked %d, violations %d%n", i.ok() ? "ok" : "FAIL", i.number(),
                    i.name(), i.checked(), i.violations());
            i.samples().forEach(sample -> out.println("        " + sample));
        }
        out.println(report.ok() ? "reconcile: ok" : "reconcile: " + report.violations() + " violations");
    }
}
