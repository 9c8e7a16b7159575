package dev.tandem.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.testing.TestDatabases;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.server.TandemCli;
import dev.tandem.monthend.einvoice.EInvoiceValidation;
import dev.tandem.monthend.input.InputFolder;
import dev.tandem.monthend.input.RunInput;
import dev.tandem.monthend.input.RunInput.WorkRow;
import dev.tandem.monthend.output.InvoicePdfText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6's acceptance on the example of {@code examples/northwind}, through the real command line
 * ({@code tandem run}): end to end on H2 files (the embedded default) and on PostgreSQL, twice on the same input,
 * and on a broken copy.
 */
class RunExampleTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "northwind");
    private static final String AS_OF = "2025-04-30";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    /** A run's outcome: exit code, what it printed, its report and the databases it used. */
    record Outcome(int exitCode, String out, String err, JsonNode report, Map<String, String> databases) {
    }

    @Test
    void theExampleRunsEndToEndOnH2TwiceWithoutBillingTwiceAndGivesTheSameTotalsOnPostgresql() throws Exception {
        Map<String, String> h2 = h2(temp.resolve("data"));

        Outcome first = run(EXAMPLE, temp.resolve("out-h2"), h2);

        assertRanEndToEnd(first, temp.resolve("out-h2"));
        assertNonBillableWorkIsCostedAsNonChargeable(first, temp.resolve("out-h2"));
        Map<String, Long> countsAfterFirst = counts(first.databases());
        Outcome second = run(EXAMPLE, temp.resolve("out-h2-again"), h2);
        assertRanEndToEnd(second, temp.resolve("out-h2-again"));
        // Acceptance 4: the second run bills nothing: same invoices, vouchers and actuals.
        assertThat(counts(second.databases())).isEqualTo(countsAfterFirst);
        assertThat(second.report().at("/thisRun/time/created").asInt()).isZero();
        assertThat(second.report().at("/thisRun/invoicesConfirmed").asInt()).isZero();
        assertThat(totals(second.report())).isEqualTo(totals(first.report()));

        Outcome postgresql = run(EXAMPLE, temp.resolve("out-pg"), postgresqlDatabases());

        assertRanEndToEnd(postgresql, temp.resolve("out-pg"));
        assertNonBillableWorkIsCostedAsNonChargeable(postgresql, temp.resolve("out-pg"));
        // Acceptance 5: the same report totals on PostgreSQL as on H2.
        assertThat(totals(postgresql.report())).isEqualTo(totals(first.report()));
        assertThat(counts(postgresql.databases())).isEqualTo(countsAfterFirst);
    }

    /** Acceptance 3: three problems in three files, each with file:line:column; nothing written. */
    @Test
    void aBrokenCopyListsEveryProblemWithItsPlaceAndWritesNothing() throws IOException {
        Path copy = temp.resolve("broken");
        copyTree(EXAMPLE, copy);
        // A broken time-export row: hours that are not a number (Harvest, the record of line 6, column 7 = Hours).
        List<String> harvest = Files.readAllLines(copy.resolve("time/harvest-2025-02.csv"));
        harvest.set(5, harvest.get(5).replaceFirst(",(\\d+\\.\\d+),(\\d+\\.\\d+),", ",eight,$2,"));
        Files.write(copy.resolve("time/harvest-2025-02.csv"), harvest);
        // An unknown project in the Toggl export (line 3).
        List<String> toggl = Files.readAllLines(copy.resolve("time/toggl-2025-03.csv"));
        String project = toggl.get(2).split(",")[3];
        toggl.set(2, toggl.get(2).replace("," + project + ",", ",Website Relaunch,"));
        Files.write(copy.resolve("time/toggl-2025-03.csv"), toggl);
        // A bad date in the expenses (line 4): 30 February.
        List<String> expenses = Files.readAllLines(copy.resolve("expenses.csv"));
        expenses.set(3, expenses.get(3).replaceFirst("^2025-\\d\\d-\\d\\d", "2025-02-30"));
        Files.write(copy.resolve("expenses.csv"), expenses);
        Path data = temp.resolve("data-broken");
        Map<String, String> h2 = h2(data);

        Outcome outcome = run(copy, temp.resolve("out-broken"), h2);

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).containsPattern("time/harvest-2025-02\\.csv:6:7: NUMBER_FORMAT: ")
                .contains("eight")
                .containsPattern("time/toggl-2025-03\\.csv:3:4: UNKNOWN_PROJECT: .*Website Relaunch")
                .containsPattern("expenses\\.csv:4:1: DATE_FORMAT: .*2025-02-30")
                .contains("3 problems").contains("nothing was written");
        assertThat(outcome.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(data).doesNotExist();
        assertThat(temp.resolve("out-broken")).doesNotExist();
    }

    /**
     * Issue 11 (11): a copy whose ECB file starts after the first work date of the USD contract is refused before a
     * database is opened, with RATE_MISSING naming the first date without a USD rate; nothing is written.
     */
    @Test
    void aCopyWhoseRatesStartAfterTheFirstWorkDateIsRefusedWithRateMissingAndWritesNothing() throws IOException {
        RunInput input = example();
        Set<String> usdProjects = new TreeSet<>();
        input.contracts().stream().filter(c -> c.currency().equals("USD")).forEach(c -> c.lines().forEach(l ->
                usdProjects.add(l.project())));
        LocalDate firstUsdWork = Stream.concat(input.time().toList().stream(), input.expenses().toList().stream())
                .filter(r -> usdProjects.contains(r.project())).map(WorkRow::date).min(LocalDate::compareTo)
                .orElseThrow();
        Path copy = temp.resolve("rates-too-late");
        copyTree(EXAMPLE, copy);
        // Keep the header and the rows after the first USD work date: the file now stops (its oldest row) after it.
        Path rates = copy.resolve("rates/eurofxref-hist.csv");
        List<String> lines = Files.readAllLines(rates);
        List<String> kept = new ArrayList<>(List.of(lines.getFirst()));
        lines.stream().skip(1).filter(l -> LocalDate.parse(l.substring(0, 10)).isAfter(firstUsdWork.plusDays(7)))
                .forEach(kept::add);
        Files.write(rates, kept);
        Path data = temp.resolve("data-rates");

        Outcome outcome = run(copy, temp.resolve("out-rates"), h2(data));

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("rates/eurofxref-hist.csv:1:1: RATE_MISSING: no exchange rate USD → EUR "
                + "on or before " + firstUsdWork + " (").contains("nothing was written");
        assertThat(outcome.err().lines().filter(l -> l.contains("RATE_MISSING"))).hasSize(1);
        assertThat(outcome.err()).doesNotContain("Exception");
        assertThat(data).doesNotExist();
        assertThat(temp.resolve("out-rates")).doesNotExist();
    }

    /**
     * Issue 11 (4): when Finance can't post the proposals (the invoice date has no fiscal period), the invoices are
     * reported Confirmed, not Posted, and the report's status counts add up to its totals; on H2 and PostgreSQL.
     */
    @Test
    void proposalsThatCannotBePostedLeaveTheInvoicesConfirmedAndTheStatusCountsAddUp() throws Exception {
        Path copy = temp.resolve("no-period");
        copyTree(EXAMPLE, copy);
        // February only (a few time rows, its expenses), and fiscal periods for January and February only: the
        // work posts, but an invoice dated in March has no period to post in.
        Files.delete(copy.resolve("time/toggl-2025-03.csv"));
        Files.delete(copy.resolve("time/clockify-2025-04.csv"));
        List<String> harvest = Files.readAllLines(copy.resolve("time/harvest-2025-02.csv"));
        Files.write(copy.resolve("time/harvest-2025-02.csv"), harvest.subList(0, 30));
        List<String> expenses = Files.readAllLines(copy.resolve("expenses.csv"));
        Files.write(copy.resolve("expenses.csv"), Stream.concat(Stream.of(expenses.getFirst()),
                expenses.stream().filter(l -> l.startsWith("2025-02"))).toList());
        String company = Files.readString(copy.resolve("company.yaml"));
        assertThat(company).contains("periods: 24");
        Files.writeString(copy.resolve("company.yaml"), company.replace("periods: 24", "periods: 2"));

        for (Map<String, String> databases : List.of(h2(temp.resolve("data-no-period")), postgresqlDatabases())) {
            Path out = temp.resolve("out-no-period-" + databases.hashCode());
            List<String> args = List.of("run", copy.toString(), "--out", out.toString(), "--as-of", "2025-03-14");
            Outcome outcome = run(args, out, databases);

            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
            JsonNode report = outcome.report();
            long confirmedNow = report.at("/thisRun/invoicesConfirmed").asLong();
            assertThat(confirmedNow).isPositive();
            assertThat(report.at("/thisRun/proposalsPosted").asLong()).isZero();
            assertThat(report.at("/thisRun/proposalIssues").size()).isEqualTo((int) confirmedNow);
            assertThat(report.at("/invoices/total").asLong()).isEqualTo(confirmedNow);
            assertThat(report.at("/invoices/confirmed").asLong()).isEqualTo(confirmedNow);
            assertThat(report.at("/invoices/posted").asLong()).isZero();
            assertThat(report.at("/proposals/open").asLong()).isEqualTo(confirmedNow);
            assertStatusCountsAddUp(report);
            assertThat(outcome.out()).contains("Proforma invoices " + confirmedNow + " (0 posted, " + confirmedNow
                    + " confirmed");
        }
    }

    /** Every status is counted: the invoice and proposal counts add up to their totals. */
    private static void assertStatusCountsAddUp(JsonNode report) {
        for (String member : List.of("/invoices", "/proposals")) {
            JsonNode counts = report.at(member);
            long sum = 0;
            for (var e : counts.properties()) {
                if (!e.getKey().equals("total")) {
                    sum += e.getValue().asLong();
                }
            }
            assertThat(sum).as(member).isEqualTo(counts.get("total").asLong());
        }
    }

    /**
     * Issue 11 (3): a tracker row marked non-billable is work done: it is approved as Non Chargeable (§4.4), with a
     * Cost actual and non-chargeable Unbilled Sales, and its cost reaches the ledger; the report counts its hours.
     */
    private static void assertNonBillableWorkIsCostedAsNonChargeable(Outcome outcome, Path out) throws Exception {
        RunInput input = example();
        Set<String> timeAndMaterialProjects = new TreeSet<>();
        Set<String> billedProjects = new TreeSet<>();
        input.contracts().forEach(c -> c.lines().forEach(l -> {
            billedProjects.add(l.project());
            if (l.billingMethod().equals("TIME_AND_MATERIAL") && l.include().contains("time")) {
                timeAndMaterialProjects.add(l.project());
            }
        }));
        List<WorkRow> nonBillable = input.time().toList().stream().filter(r -> !r.billable()).toList();
        assertThat(nonBillable).isNotEmpty();
        JsonNode report = outcome.report();
        assertThat(report.at("/thisRun/time/nonBillable").asInt()).isEqualTo(nonBillable.size());
        BigDecimal nonChargeableHours = nonBillable.stream().filter(r -> billedProjects.contains(r.project()))
                .map(WorkRow::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(decimal(report, "/hours/nonChargeable")).isEqualByComparingTo(nonChargeableHours);
        assertThat(outcome.out()).contains(" non-chargeable");

        WorkRow row = nonBillable.stream().filter(r -> r.format().equals("harvest")
                && timeAndMaterialProjects.contains(r.project())).findFirst().orElseThrow();
        Map<String, String> databases = outcome.databases();
        try (Connection c = connect(databases, "operations")) {
            UUID entry;
            try (PreparedStatement s = c.prepareStatement("SELECT tdm_workentryid, msdyn_billingtype FROM "
                    + "tdm_workentry WHERE tdm_sourcekey = ?")) {
                s.setString(1, row.sourceKey());
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).as("work entry of %s", row.source()).isTrue();
                    entry = rs.getObject(1, UUID.class);
                    assertThat(rs.getInt(2)).isEqualTo(BillingType.NON_CHARGEABLE.value());
                }
            }
            List<String> costIds = new ArrayList<>();
            BigDecimal cost = BigDecimal.ZERO;
            List<Integer> unbilledTypes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT msdyn_actualid, msdyn_transactiontypecode, "
                    + "msdyn_billingtype, msdyn_quantity, msdyn_amount FROM msdyn_actual WHERE tdm_sourcedocumentid = ?")) {
                s.setObject(1, entry);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getInt(2) == TransactionType.COST.value()) {
                            costIds.add(rs.getString(1));
                            cost = cost.add(rs.getBigDecimal(5));
                            assertThat(rs.getBigDecimal(4)).isEqualByComparingTo(row.quantity());
                            assertThat(rs.getInt(3)).isEqualTo(BillingType.NON_CHARGEABLE.value());
                        } else if (rs.getInt(2) == TransactionType.UNBILLED_SALES.value()) {
                            unbilledTypes.add(rs.getInt(3));
                        }
                    }
                }
            }
            assertThat(costIds).hasSize(1);
            assertThat(cost).isPositive();
            assertThat(unbilledTypes).isNotEmpty().containsOnly(BillingType.NON_CHARGEABLE.value());
            // The cost reaches the ledger: the integration journal's voucher debits the cost account with it.
            String costAccount = input.company().postingProfile().cost();
            List<CSVRecord> ledger;
            try (CSVParser parser = CSVParser.parse(out.resolve("general-ledger.csv"), StandardCharsets.UTF_8,
                    CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
                ledger = parser.getRecords();
            }
            BigDecimal expected = cost;
            assertThat(ledger.stream().filter(r -> r.get("description").contains(costIds.getFirst()))
                    .filter(r -> r.get("main_account").equals(costAccount))
                    .map(r -> new BigDecimal(r.get("accounting_amount"))))
                    .as("ledger rows of cost actual %s", costIds.getFirst())
                    .singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo(expected));
        }
    }

    /** A number of the report as written (not through a double). */
    private static BigDecimal decimal(JsonNode report, String pointer) {
        return new BigDecimal(report.at(pointer).asString());
    }

    private static RunInput example() {
        InputFolder.Result read = InputFolder.read(EXAMPLE);
        assertThat(read.problems()).isEmpty();
        return read.input();
    }

    private static void assertRanEndToEnd(Outcome outcome, Path out) throws IOException {
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("Invoiced per customer").contains("reconcile.ok = true");
        JsonNode report = outcome.report();
        assertThat(report.at("/reconcile/ok").asBoolean()).isTrue();
        assertThat(report.at("/schema").asString()).isEqualTo("tandem-run-report/1");
        long posted = report.at("/invoices/posted").asLong();
        assertThat(posted).isPositive();
        assertStatusCountsAddUp(report);
        assertThat(decimal(report, "/hours/chargeable").add(decimal(report, "/hours/nonChargeable"))
                .add(decimal(report, "/hours/complimentary")).add(decimal(report, "/hours/notAvailable")))
                .isEqualByComparingTo(decimal(report, "/hours/total"));
        assertThat(report.at("/vouchers/count").asLong()).isPositive();
        assertThat(report.at("/vouchers/unbalanced").asLong()).isZero();
        List<Path> pdfs;
        try (Stream<Path> files = Files.list(out)) {
            pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        assertThat(pdfs).hasSize(report.at("/customerInvoices").size());
        assertThat(Files.readAllLines(out.resolve("general-ledger.csv")).size()).isGreaterThan(1);
        // Acceptance 2: per currency, PDF totals read back as text = AR customer transactions = the report's total.
        Map<String, BigDecimal> pdfTotals = new TreeMap<>();
        for (Path pdf : pdfs) {
            var total = InvoicePdfText.total(pdf);
            pdfTotals.merge(total.currency(), total.amount(), BigDecimal::add);
        }
        Map<String, BigDecimal> ar = customerTransactions(outcome.databases());
        Map<String, BigDecimal> invoiced = new TreeMap<>();
        report.at("/totals").forEach(t -> invoiced.put(t.get("currency").asString(),
                new BigDecimal(t.get("invoiced").asString())));
        assertThat(invoiced.keySet()).containsExactlyInAnyOrder("EUR", "USD");
        for (String currency : invoiced.keySet()) {
            assertThat(pdfTotals.get(currency)).as(currency).isEqualByComparingTo(ar.get(currency))
                    .isEqualByComparingTo(invoiced.get(currency));
        }
        assertEInvoicesPassPeppolValidation(outcome, out, pdfs);
    }

    /**
     * Issue 17 (acceptance 1): one {@code <invoice>.xml} beside each PDF, each passing the official Peppol BIS Billing
     * 3.0 and EN 16931 rules with zero errors (warnings printed); the e-invoices' amounts due per currency are the
     * PDFs' totals (a credit note's amount due counting negative).
     */
    private static void assertEInvoicesPassPeppolValidation(Outcome outcome, Path out, List<Path> pdfs)
            throws IOException {
        assertThat(outcome.out()).contains("Wrote " + pdfs.size() + " invoice PDFs, " + pdfs.size() + " e-invoices")
                .doesNotContain("no e-invoice:");
        assertThat(outcome.report().at("/thisRun/eInvoicesWritten").asInt()).isEqualTo(pdfs.size());
        Map<String, BigDecimal> due = new TreeMap<>();
        for (Path pdf : pdfs) {
            Path xml = pdf.resolveSibling(pdf.getFileName().toString().replaceFirst("\\.pdf$", ".xml"));
            assertThat(xml).exists();
            String text = Files.readString(xml);
            boolean creditNote = text.contains("<CreditNote");
            EInvoiceValidation.Result result = EInvoiceValidation.validate(text.getBytes(StandardCharsets.UTF_8),
                    creditNote);
            result.warnings().forEach(w -> System.out.println(xml.getFileName() + ": " + w));
            assertThat(result.errors()).as(() -> xml.getFileName() + " breaks Peppol BIS 3.0 / EN 16931 rules:\n"
                    + result.errors().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(
                    "\n"))).isEmpty();
            // It embeds the very PDF written beside it.
            var embedded = java.util.regex.Pattern.compile("<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]+)<")
                    .matcher(text);
            assertThat(embedded.find()).as(xml.getFileName().toString()).isTrue();
            assertThat(java.util.Base64.getMimeDecoder().decode(embedded.group(1).strip()))
                    .as(xml.getFileName() + " embeds " + pdf.getFileName()).isEqualTo(Files.readAllBytes(pdf));
            var payable = java.util.regex.Pattern.compile("<cbc:PayableAmount currencyID=\"([A-Z]{3})\">([-0-9.]+)<")
                    .matcher(text);
            assertThat(payable.find()).as(xml.getFileName().toString()).isTrue();
            BigDecimal amount = new BigDecimal(payable.group(2));
            due.merge(payable.group(1), creditNote ? amount.negate() : amount, BigDecimal::add);
        }
        Map<String, BigDecimal> pdfTotals = new TreeMap<>();
        for (Path pdf : pdfs) {
            var total = InvoicePdfText.total(pdf);
            pdfTotals.merge(total.currency(), total.amount(), BigDecimal::add);
        }
        assertThat(due.keySet()).isEqualTo(pdfTotals.keySet());
        due.forEach((currency, amount) -> assertThat(amount).as(currency).isEqualByComparingTo(pdfTotals.get(currency)));
    }

    private Outcome run(Path folder, Path out, Map<String, String> databases) throws IOException {
        return run(List.of("run", folder.toString(), "--out", out.toString(), "--as-of", AS_OF), out, databases);
    }

    private Outcome run(List<String> command, Path out, Map<String, String> databases) throws IOException {
        List<String> args = new ArrayList<>(command);
        databases.forEach((k, v) -> args.add("-D" + k + "=" + v));
        var commandLine = TandemCli.commandLine();
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        int exit = commandLine.execute(args.toArray(String[]::new));
        Path reportFile = out.resolve("report.json");
        JsonNode report = Files.exists(reportFile) ? JSON.readTree(reportFile.toFile()) : null;
        return new Outcome(exit, stdout.toString(), stderr.toString(), report, databases);
    }

    /** H2 files in {@code directory}, as the embedded default keeps them. */
    private static Map<String, String> h2(Path directory) {
        return TestDatabases.appDatabaseProperties(directory, "run");
    }

    private static Map<String, String> postgresqlDatabases() {
        return new TreeMap<>(TestDatabases.appDatabaseProperties(null, "run"));
    }

    /** Invoices, vouchers and actuals in both databases. */
    private static Map<String, Long> counts(Map<String, String> databases) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        counts.put("invoices", count(databases, "operations", "SELECT COUNT(*) FROM invoice"));
        counts.put("actuals", count(databases, "operations", "SELECT COUNT(*) FROM msdyn_actual"));
        counts.put("work entries", count(databases, "operations", "SELECT COUNT(*) FROM tdm_workentry"));
        counts.put("proposals", count(databases, "finance", "SELECT COUNT(*) FROM projproposaljour"));
        counts.put("vouchers", count(databases, "finance", "SELECT COUNT(*) FROM ledgervoucher"));
        counts.put("customer transactions", count(databases, "finance", "SELECT COUNT(*) FROM custtrans"));
        counts.put("staging", count(databases, "finance", "SELECT COUNT(*) FROM projcdsactualsimport"));
        return counts;
    }

    private static long count(Map<String, String> databases, String app, String sql) throws SQLException {
        try (Connection c = connect(databases, app); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, BigDecimal> customerTransactions(Map<String, String> databases) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        try (Connection c = connect(databases, "finance"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT currencycode, SUM(amountcur) FROM custtrans GROUP BY currencycode")) {
            while (rs.next()) {
                sums.put(rs.getString(1).trim(), rs.getBigDecimal(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sums;
    }

    private static Connection connect(Map<String, String> databases, String app) throws SQLException {
        String user = databases.getOrDefault("tandem." + app + ".datasource.username", "sa");
        return DriverManager.getConnection(databases.get("tandem." + app + ".datasource.url"), user, "");
    }

    /** Per currency: invoices, invoiced, customer transactions and PDF totals as the report states them. */
    private static Map<String, List<String>> totals(JsonNode report) {
        Map<String, List<String>> totals = new TreeMap<>();
        report.at("/totals").forEach(t -> totals.put(t.get("currency").asString(), List.of(t.get("invoices").asString(),
                t.get("invoiced").asString(), t.get("customerTransactions").asString(), t.get("pdf").asString())));
        return totals;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
