package dev.tandem.server.run;

import dev.tandem.finance.Finance;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.server.CommandContexts;
import dev.tandem.server.TandemVersion;
import dev.tandem.monthend.MonthEndRun;
import dev.tandem.monthend.Progress;
import dev.tandem.monthend.ReconcileCheck;
import dev.tandem.monthend.RunSummary;
import dev.tandem.monthend.input.InputFolder;
import dev.tandem.monthend.input.InputProblem;
import dev.tandem.monthend.report.RunReport;
import dev.tandem.server.reconcile.ReconcileReport;
import dev.tandem.server.reconcile.Reconciliation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tandem run <input-folder> [--out <folder>] [--as-of <date>]}: the main job (docs/run.md). Reads and checks
 * the whole input folder first; with any problem it prints every one as {@code file:line:column: RULE: message} and
 * exits 1 without opening a database. Otherwise it runs the month end ({@link MonthEndRun}, module
 * {@code month-end}), prints the summary and exits 0 when reconcile finds nothing and every proposal posted, 1
 * otherwise. This class is the server's glue only: it starts the Spring context (databases, live sync of the maps)
 * and passes the apps' facades and the server's reconcile to the job.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = TandemVersion.class,
        description = {"Run the month end on a folder of input files (docs/input-format.md):",
                "load, approve, invoice as of a date, confirm, sync, import from staging, post, write back;",
                "then write one PDF per posted invoice, general-ledger.csv and report.json, and reconcile.",
                "Databases: as for serve (H2 files under ./data/ unless tandem.*.datasource.* are set)."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input-folder>", description = "The folder of input files.")
    private Path folder;

    @Option(names = "--out", paramLabel = "<folder>", description = "Where to write PDFs and reports (default: ./out).")
    private Path out = Path.of("out");

    @Option(names = "--as-of", paramLabel = "<date>",
            description = "Invoice work and milestones dated on or before this date, YYYY-MM-DD (default: today, UTC).")
    private LocalDate asOf;

    @Option(names = "-D", paramLabel = "<property>=<value>", mapFallbackValue = "",
            description = "A setting for this run, e.g. -Dtandem.operations.datasource.url=jdbc:postgresql://… "
                    + "(environment variables and ./application.properties work too).")
    private Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--as", paramLabel = "<user>", description = "The user the rows record as their author "
            + "(default: the operating-system user).")
    private String as;

    /**
     * Spring arguments: the maps start Running on a fresh installation whatever the server's own settings say (the
     * run relies on live sync; a map an admin paused or stopped stays so, and the run's reconcile shows it), the
     * acting user ({@code --as}, else the operating-system user), then the {@code -D} settings.
     */
    private String[] arguments() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("tandem.dualwrite.auto-run", "true");
        // Who the run's rows name as author (createdby, approvedby, …; issue 15).
        all.put(dev.tandem.server.security.SecurityBeans.ACTING_USER, as != null && !as.isBlank() ? as.trim()
                : System.getProperty("user.name", dev.tandem.server.security.ActingUser.SYSTEM));
        all.putAll(properties);
        return all.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!Files.isDirectory(folder)) {
            err.println("tandem run: " + folder + " is not a folder");
            err.flush();
            return 1;
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        InputFolder.Result read = InputFolder.read(folder, date);
        if (!read.problems().isEmpty()) {
            for (InputProblem problem : read.problems()) {
                err.println(problem);
            }
            err.println("tandem run: " + read.problems().size() + " problem" + (read.problems().size() == 1 ? "" : "s")
                    + " in " + folder + "; nothing was written");
            err.flush();
            return 1;
        }
        try (ConfigurableApplicationContext context = CommandContexts.start(arguments())) {
            Reconciliation reconciliation = context.getBean(Reconciliation.class);
            ReconcileCheck reconcile = () -> verdict(reconciliation.check());
            MonthEndRun run = new MonthEndRun(context.getBean(ProjectOperations.class), context.getBean(Finance.class),
                    reconcile, Progress.bars(System.err));
            RunReport report = run.run(read.input(), date, out);
            new RunSummary(report, out).print(stdout);
            stdout.flush();
            return report.reconcile().ok() && report.thisRun().proposalIssues().isEmpty() ? 0 : 1;
        }
    }

    /** The server's reconcile report as report.json writes it. */
    static RunReport.Reconcile verdict(ReconcileReport report) {
        return new RunReport.Reconcile(report.ok(), report.invariants().stream().map(i -> new RunReport.Invariant(
                i.number(), i.name(), i.checked(), i.violations(), i.samples())).toList());
    }
}
