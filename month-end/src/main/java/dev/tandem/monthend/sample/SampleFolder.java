package dev.tandem.monthend.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a realistic input folder for {@code tandem run} (docs/input-format.md) of any number of time rows, the
 * same files and formats as {@code examples/northwind}: a consulting firm of {@value #PEOPLE} people, 30 customers
 * (8 invoiced in USD, the rest in EUR), {@value #CONTRACTS} project contracts on 50 projects, and one month of
 * tracked time, April 2025, in the three tracker formats (Clockify, Harvest, Toggl Track: each person's team uses
 * one), to be run with {@code --as-of 2025-04-30} ({@link #AS_OF}).
 *
 * <p>The contracts mix what a month end meets (ms-project-invoicing.md §3.5, §4.4–§4.6): Time and Material lines
 * billed to one customer or split between two or three (60/40, 70/30, 50/30/20), not-to-exceed limits on a line that
 * the month's work exceeds (60 % of the line's billable value, so part of the work is held back, §4.5) or does not
 * reach (on a line or on the contract), and Fixed Price lines invoiced by milestones, some due in the month and one
 * after it (§4.6). A reached limit is at least 2,000, more than any one row bills, so that at a few hundred time rows
 * or more every invoice has something to charge. About one time row in ten is not billable (Non Chargeable, §4.4),
 * and there is about one expense per {@value #TIME_ROWS_PER_EXPENSE} time rows. Rates: the ECB reference rates of
 * 24 March to 30 April 2025, as the ECB publishes them ({@code rates/eurofxref-hist.csv}).
 *
 * <p>The rows are spread evenly over the month's 22 working days, in date order in each export; people, projects,
 * hours (a quarter of an hour to 4 hours; Toggl to the second), tasks and descriptions are drawn from a
 * {@link Random} of the given seed, so the same seed and row count give byte-identical files. Files are written as
 * the rows are drawn: a million rows need no more memory than ten.
 */
public final class SampleFolder {

    /** The month the time is tracked in. */
    public static final YearMonth MONTH = YearMonth.of(2025, 4);
    /** The {@code --as-of} date that closes {@link #MONTH}. */
    public static final LocalDate AS_OF = MONTH.atEndOfMonth();
    /** The seed of {@code tandem sample} when none is given. */
    public static final long DEFAULT_SEED = 13L;
    /** People (resources) of the firm. */
    public static final int PEOPLE = 200;
    /** Project contracts. */
    public static final int CONTRACTS = 45;
    /** On average one expense per this many time rows. */
    public static final int TIME_ROWS_PER_EXPENSE = 50;

    private static final int CUSTOMERS = 30;
    private static final String RATES = "eurofxref-2025-04.csv";
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);
    private static final DateTimeFormatter US_TIME = DateTimeFormatter.ofPattern("hh:mm:ss a", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private static final String[] FIRST_NAMES = {"Anna", "Thomas", "Julia", "Markus", "Laura", "Daniel", "Sophie",
        "Lukas", "Emily", "Jonas", "Lea", "Felix", "Hannah", "Paul", "Mia", "Leon", "Clara", "Noah", "Marie", "Elias",
        "Olivia", "Ben", "Emma", "Finn", "Lina", "David", "Sarah", "Max", "Nora", "Jakob", "Amelie", "Samuel",
        "Charlotte", "Oskar", "Ida", "Henry", "Lisa", "Anton", "Greta", "Moritz"};
    private static final String[] LAST_NAMES = {"Becker", "Wagner", "Schmidt", "Hoffmann", "Fischer", "Keller",
        "Richter", "Braun", "Carter", "Weber", "Meyer", "Schulz", "Koch", "Bauer", "Wolf", "Schröder", "Neumann",
        "Schwarz", "Zimmermann", "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Maier",
        "Walter", "König", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Vogel", "Jung", "Otto",
        "Sommer"};
    private static final String[] COMPANIES = {"Contoso", "Fabrikam", "Litware", "Adatum", "Tailspin", "Wingtip",
        "Proseware", "Woodgrove", "Alpine", "Coho", "Fourth Coffee", "Lucerne", "Margie's Travel", "Trey Research",
        "Wide World", "Blue Yonder", "Humongous", "Datum", "Northwind Traders", "Relecloud", "VanArsdel", "Munson's",
        "Southridge", "Lamna", "Consolidated Messenger", "Bellows College", "Graphic Design", "City Power",
        "Nod Publishers", "First Up"};
    private static final String[] TOPICS = {"ERP rollout", "Data platform", "Core banking upgrade", "Web shop",
        "Cloud migration", "CRM integration", "Payroll replacement", "Analytics portal", "Mobile app",
        "Security review", "Supply chain planning", "Billing redesign", "Customer portal", "Warehouse automation",
        "Reporting suite", "API gateway", "Document management", "Treasury system", "HR self-service",
        "Pricing engine"};
    private static final String[] DESCRIPTIONS = {"Workshop with the business owners", "Requirements analysis",
        "Steering committee preparation", "Architecture review", "Data mapping, source to target",
        "Implementation of the interface", "Code review and fixes", "Test case design", "UAT support, defect triage",
        "Cutover planning", "Status report and planning", "Training session for key users",
        "Performance tuning of batch jobs", "Documentation update", "Stakeholder interviews", "Migration dry run",
        "Release preparation", "Incident analysis, root cause", "Backlog refinement", "Estimate for change request"};
    private static final String[] TASKS = {"Consulting", "Advisory", "Development", "Project Management", "Testing"};
    private static final String[] CATEGORIES = {"Travel", "Hotel", "Meals"};
    /** Role names with their hourly cost (EUR), sales price in EUR and sales price in USD, as price-lists.csv. */
    private static final String[][] ROLES = {{"Principal", "95.00", "220.00", "240.00"},
        {"Project Manager", "80.00", "180.00", "195.00"}, {"Senior Consultant", "75.00", "160.00", "175.00"},
        {"Consultant", "60.00", "130.00", "140.00"}, {"Developer", "65.00", "140.00", "150.00"}};

    /** The kinds of contract, in the order contracts cycle through them. */
    private enum Kind {
        SINGLE, SPLIT_60_40, NTE_REACHED, WITH_MILESTONES, NTE_NOT_REACHED, SPLIT_70_30_NTE_REACHED, FIXED_PRICE,
        SPLIT_50_30_20, CONTRACT_NTE
    }

    private enum Tracker { CLOCKIFY, HARVEST, TOGGL }

    private record Customer(String number, String name, String currency) {
    }

    private record Person(String name, String email, List<String> roles, Tracker tracker, List<Project> projects) {
    }

    /** A project and the billable sales value (contract currency) of its Time and Material work drawn so far. */
    private static final class Project {
        final String number;
        final String name;
        final Customer customer;
        final boolean timeAndMaterial;
        BigDecimal billable = BigDecimal.ZERO;

        Project(String number, String name, Customer customer, boolean timeAndMaterial) {
            this.number = number;
            this.name = name;
            this.customer = customer;
            this.timeAndMaterial = timeAndMaterial;
        }
    }

    private record Contract(String number, Kind kind, Customer customer, List<Customer> split, Project tm,
                            Project fixed) {
    }

    /** What was written. */
    public record Written(Path folder, int timeRows, int expenses, int people, int customers, int projects,
                          int contracts) {
    }

    private final Random random;
    private final int peopleCount;
    private final int contractCount;
    private final List<Customer> customers = new ArrayList<>();
    private final List<Person> people = new ArrayList<>();
    private final List<Project> projects = new ArrayList<>();
    private final List<Contract> contracts = new ArrayList<>();
    private final List<LocalDate> workdays = new ArrayList<>();

    private SampleFolder(long seed, int people, int contracts) {
        this.random = new Random(seed);
        this.peopleCount = people;
        this.contractCount = contracts;
    }

    /**
     * Writes the folder.
     *
     * @param folder   where to write; created if missing; must not hold files of its own already (an empty folder
     *                 is fine)
     * @param timeRows the number of time rows over the three exports, 0 or more
     * @param seed     the seed of the random draws; the same seed and row count write byte-identical files
     * @return what was written
     * @throws IllegalArgumentException when {@code timeRows} is negative or the folder is not empty
     * @throws UncheckedIOException     when a file cannot be written
     */
    public static Written write(Path folder, int timeRows, long seed) {
        return write(folder, timeRows, seed, PEOPLE, CONTRACTS);
    }

    /**
     * Writes the folder of a firm of another size: tests use a small one, whose fixed part (master data, one
     * invoice per contract and customer) is small beside the rows that grow with the time rows.
     *
     * @param people    people of the firm, 1 to 1,600 (names are drawn from 40 first and 40 last names)
     * @param contracts project contracts, 1 or more; they cycle through the nine kinds of the class comment, so 9
     *                  gives one of each
     * @throws IllegalArgumentException when a count is out of range or the folder is not empty
     * @see #write(Path, int, long)
     */
    public static Written write(Path folder, int timeRows, long seed, int people, int contracts) {
        if (timeRows < 0) {
            throw new IllegalArgumentException("time rows must be 0 or more, not " + timeRows);
        }
        if (people < 1 || people > FIRST_NAMES.length * LAST_NAMES.length || contracts < 1) {
            throw new IllegalArgumentException("a firm needs 1 to 1,600 people and 1 or more contracts, not "
                    + people + " and " + contracts);
        }
        try {
            if (Files.exists(folder)) {
                try (var entries = Files.list(folder)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(folder + " is not empty");
                    }
                }
            }
            Files.createDirectories(folder.resolve("time"));
            Files.createDirectories(folder.resolve("rates"));
            return new SampleFolder(seed, people, contracts).writeAll(folder, timeRows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Written writeAll(Path folder, int timeRows) throws IOException {
        drawFirm();
        writeCompany(folder.resolve("company.yaml"));
        writeMasterFiles(folder);
        int expenses = writeWork(folder, timeRows);
        writeContracts(folder.resolve("contracts.yaml"));
        try (InputStream rates = SampleFolder.class.getResourceAsStream(RATES)) {
            Files.copy(rates, folder.resolve("rates/eurofxref-hist.csv"));
        }
        return new Written(folder, timeRows, expenses, people.size(), customers.size(), projects.size(),
                contracts.size());
    }

    /** Customers, projects, contracts and people with their roles, tracker and projects. */
    private void drawFirm() {
        for (int i = 0; i < CUSTOMERS; i++) {
            boolean usd = i % 4 == 1;
            customers.add(new Customer("C-" + (1001 + i), COMPANIES[i] + (usd ? " Inc." : i % 3 == 0 ? " AG" : " GmbH"),
                    usd ? "USD" : "EUR"));
        }
        Set<String> projectNames = new HashSet<>();
        for (int i = 0; i < contractCount; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            Customer customer = customers.get(i % CUSTOMERS);
            Project tm = kind == Kind.FIXED_PRICE ? null : project(customer, true, projectNames);
            Project fixed = kind == Kind.FIXED_PRICE || kind == Kind.WITH_MILESTONES
                    ? project(customer, false, projectNames) : null;
            int shares = switch (kind) {
                case SPLIT_60_40, SPLIT_70_30_NTE_REACHED -> 2;
                case SPLIT_50_30_20 -> 3;
                default -> 1;
            };
            contracts.add(new Contract("PC-" + (1001 + i), kind, customer, partners(customer, shares), tm, fixed));
        }
        for (int i = 0; i < peopleCount; i++) {
            String first = FIRST_NAMES[i % FIRST_NAMES.length];
            String last = LAST_NAMES[(i % FIRST_NAMES.length * 3 + i / FIRST_NAMES.length * 7) % LAST_NAMES.length];
            Tracker tracker = i % 10 < 4 ? Tracker.CLOCKIFY : i % 10 < 7 ? Tracker.HARVEST : Tracker.TOGGL;
            List<Project> staffed = new ArrayList<>(2);
            staffed.add(projects.get(random.nextInt(projects.size())));
            if (random.nextBoolean()) {
                Project second = projects.get(random.nextInt(projects.size()));
                if (second != staffed.getFirst()) {
                    staffed.add(second);
                }
            }
            people.add(new Person(first + " " + last, email(first, last), roles(i), tracker, List.copyOf(staffed)));
        }
        LocalDate day = MONTH.atDay(1);
        while (!day.isAfter(AS_OF)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                workdays.add(day);
            }
            day = day.plusDays(1);
        }
    }

    private Project project(Customer customer, boolean timeAndMaterial, Set<String> names) {
        String number = "P-" + (2001 + projects.size());
        String name = customer.name().substring(0, customer.name().lastIndexOf(' ')) + " "
                + TOPICS[projects.size() % TOPICS.length];
        if (!names.add(name)) {
            name = name + " " + number;
            names.add(name);
        }
        Project project = new Project(number, name, customer, timeAndMaterial);
        projects.add(project);
        return project;
    }

    /** The contract customer and the next customers of the same currency, {@code shares} in all. */
    private List<Customer> partners(Customer customer, int shares) {
        List<Customer> same = customers.stream().filter(c -> c.currency().equals(customer.currency())).toList();
        List<Customer> split = new ArrayList<>(shares);
        for (int k = 0; k < shares; k++) {
            split.add(same.get((same.indexOf(customer) + k) % same.size()));
        }
        return split;
    }

    /** Roles by position in a group of 20: 1 principal, 2 project managers, 5 seniors, 6 consultants, 6 developers. */
    private static List<String> roles(int person) {
        int slot = person % 20;
        if (slot == 0) {
            return List.of("Principal", "Project Manager");
        } else if (slot <= 2) {
            return List.of("Project Manager");
        } else if (slot <= 7) {
            return slot == 7 ? List.of("Senior Consultant", "Consultant") : List.of("Senior Consultant");
        } else if (slot <= 13) {
            return List.of("Consultant");
        }
        return slot == 19 ? List.of("Developer", "Consultant") : List.of("Developer");
    }

    private static String email(String first, String last) {
        String local = (first + "." + last).toLowerCase(Locale.ROOT).replace("ö", "oe").replace("ü", "ue")
                .replace("ä", "ae");
        return local + "@meridian.example";
    }

    private static void writeCompany(Path file) throws IOException {
        Files.writeString(file, """
                # Meridian Consulting GmbH: a generated sample (tandem sample), one legal entity, books in EUR.
                legalEntity: MRDN
                name: Meridian Consulting GmbH
                accountingCurrency: EUR
                exchangeRateType: ECB
                contractingUnit: Meridian Consulting
                firstPeriod: 2025-01-01
                periods: 24
                clockifyDateFormat: MM/DD/YYYY
                mainAccounts:
                  - { account: "110000", name: Customer balance, type: ASSET }
                  - { account: "140100", name: WIP sales value, type: ASSET }
                  - { account: "140200", name: WIP invoiced on account, type: LIABILITY }
                  - { account: "220000", name: Sales tax payable, type: LIABILITY }
                  - { account: "401000", name: Invoiced revenue, type: REVENUE }
                  - { account: "401100", name: Accrued revenue, type: REVENUE }
                  - { account: "401200", name: Invoiced revenue on account, type: REVENUE }
                  - { account: "600100", name: Project cost, type: EXPENSE }
                  - { account: "600900", name: Payroll allocation, type: EXPENSE }
                  - { account: "999999", name: Rounding, type: EXPENSE }
                postingProfile:
                  id: TM
                  accrueRevenue: true
                  cost: "600100"
                  costOffset: "600900"
                  wipSalesValue: "140100"
                  accruedRevenue: "401100"
                  invoicedRevenue: "401000"
                  onAccountRevenue: "401200"
                  wipOnAccount: "140200"
                  customerBalance: "110000"
                  salesTaxPayable: "220000"
                  rounding: "999999"
                numberSequences:
                  voucher: GJ-
                  journal: PIJ-
                  proposal: PP-
                  customerInvoice: CI-
                """, StandardCharsets.UTF_8);
    }

    private void writeMasterFiles(Path folder) throws IOException {
        try (CSVPrinter csv = printer(folder.resolve("customers.csv"))) {
            csv.printRecord("number", "name", "currency", "payment_terms_days");
            for (int i = 0; i < customers.size(); i++) {
                Customer c = customers.get(i);
                csv.printRecord(c.number(), c.name(), c.currency(), List.of(14, 30, 45).get(i % 3));
            }
        }
        try (CSVPrinter csv = printer(folder.resolve("resources.csv"))) {
            csv.printRecord("name", "email", "roles");
            for (Person p : people) {
                csv.printRecord(p.name(), p.email(), String.join(";", p.roles()));
            }
        }
        try (CSVPrinter csv = printer(folder.resolve("projects.csv"))) {
            csv.printRecord("number", "name", "customer");
            for (Project p : projects) {
                csv.printRecord(p.number, p.name, p.customer.number());
            }
        }
        try (CSVPrinter csv = printer(folder.resolve("price-lists.csv"))) {
            csv.printRecord("price_list", "context", "currency", "valid_from", "valid_to", "kind", "item", "price");
            String[][] lists = {{"Cost EUR 2025", "cost", "EUR"}, {"Sales EUR 2025", "sales", "EUR"},
                {"Sales USD 2025", "sales", "USD"}};
            for (int l = 0; l < lists.length; l++) {
                for (String[] role : ROLES) {
                    csv.printRecord(lists[l][0], lists[l][1], lists[l][2], "2025-01-01", "", "role", role[0],
                            role[1 + l]);
                }
                for (String category : CATEGORIES) {
                    csv.printRecord(lists[l][0], lists[l][1], lists[l][2], "2025-01-01", "", "category", category,
                            "1.00");
                }
            }
        }
    }

    /** The three exports and expenses.csv, row by row; returns the number of expenses. */
    private int writeWork(Path folder, int timeRows) throws IOException {
        String month = MONTH.toString();
        Map<Tracker, CSVPrinter> exports = new LinkedHashMap<>();
        try (CSVPrinter clockify = printer(folder.resolve("time/clockify-" + month + ".csv"));
             CSVPrinter harvest = printer(folder.resolve("time/harvest-" + month + ".csv"));
             CSVPrinter toggl = printer(folder.resolve("time/toggl-" + month + ".csv"));
             CSVPrinter expenses = printer(folder.resolve("expenses.csv"))) {
            clockify.printRecord("Project", "Client", "Description", "Task", "User", "Group", "Email", "Tags",
                    "Billable", "Start Date", "Start Time", "End Date", "End Time", "Duration (h)",
                    "Duration (decimal)", "Billable Rate (EUR)", "Billable Amount (EUR)");
            harvest.printRecord("Date", "Client", "Project", "Project Code", "Task", "Notes", "Hours", "Hours Rounded",
                    "Billable?", "Invoiced?", "Approved?", "First Name", "Last Name", "Employee?", "Roles",
                    "Billable Rate", "Billable Amount", "Cost Rate", "Cost Amount", "Currency",
                    "External Reference URL");
            toggl.printRecord("User", "Email", "Client", "Project", "Task", "Description", "Billable", "Start date",
                    "Start time", "End date", "End time", "Duration", "Tags", "Amount (EUR)");
            expenses.printRecord("date", "project", "resource", "category", "quantity", "unit_price", "currency",
                    "description");
            exports.put(Tracker.CLOCKIFY, clockify);
            exports.put(Tracker.HARVEST, harvest);
            exports.put(Tracker.TOGGL, toggl);
            int expenseRows = 0;
            for (int r = 0; r < timeRows; r++) {
                LocalDate date = workdays.get((int) ((long) r * workdays.size() / timeRows));
                Person person = people.get(random.nextInt(people.size()));
                Project project = person.projects().get(random.nextInt(person.projects().size()));
                writeTimeRow(exports.get(person.tracker()), person, project, date);
                if (random.nextInt(TIME_ROWS_PER_EXPENSE) == 0) {
                    writeExpense(expenses, person, project, date);
                    expenseRows++;
                }
            }
            return expenseRows;
        }
    }

    private void writeTimeRow(CSVPrinter csv, Person person, Project project, LocalDate date) throws IOException {
        int seconds = (2 + random.nextInt(15)) * 900;
        if (person.tracker() == Tracker.TOGGL) {
            seconds += random.nextInt(600) - 300;
        }
        LocalTime start = LocalTime.of(8, 0).plusMinutes(random.nextInt(8 * 12) * 5L)
                .plusSeconds(person.tracker() == Tracker.TOGGL ? random.nextInt(60) : 0);
        LocalTime end = start.plusSeconds(seconds);
        BigDecimal hours = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        boolean billable = random.nextInt(10) != 0;
        String task = billable ? TASKS[random.nextInt(TASKS.length)] : "Internal";
        String description = DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)];
        String currency = project.customer.currency();
        BigDecimal rate = billable && project.timeAndMaterial ? salesPrice(person.roles().getFirst(), currency)
                : BigDecimal.ZERO;
        BigDecimal amount = rate.multiply(hours).setScale(2, RoundingMode.HALF_UP);
        project.billable = project.billable.add(amount);
        String yesNo = billable ? "Yes" : "No";
        String duration = duration(seconds);
        String client = project.customer.name();
        switch (person.tracker()) {
            case CLOCKIFY -> csv.printRecord(project.name, client, description, task, person.name(), "Delivery",
                    person.email(), "", yesNo, US_DATE.format(date), US_TIME.format(start), US_DATE.format(date),
                    US_TIME.format(end), duration, hours.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    rate.setScale(2).toPlainString(), amount.toPlainString());
            case HARVEST -> {
                String[] name = person.name().split(" ", 2);
                csv.printRecord(date, client, project.name, project.number, task, description, hours.toPlainString(),
                        hours.setScale(2, RoundingMode.HALF_UP).toPlainString(), yesNo, "No", "Yes", name[0], name[1],
                        "Yes", String.join(", ", person.roles()), rate.setScale(2).toPlainString(),
                        amount.toPlainString(), costPrice(person.roles().getFirst()), "", currencyName(currency), "");
            }
            case TOGGL -> csv.printRecord(person.name(), person.email(), client, project.name, task, description,
                    yesNo, date, TIME.format(start), date, TIME.format(end), duration, billable ? "" : "internal",
                    amount.signum() == 0 ? "" : amount.toPlainString());
        }
    }

    private void writeExpense(CSVPrinter csv, Person person, Project project, LocalDate date) throws IOException {
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        BigDecimal quantity = BigDecimal.valueOf(2_000 + random.nextInt(60_000), 2);
        // A receipt is in the contracting unit's currency, the euro: Project Operations costs an expense in it.
        boolean receipt = random.nextInt(8) == 0;
        String currency = "EUR";
        if (project.timeAndMaterial) {
            project.billable = project.billable.add(quantity);
        }
        csv.printRecord(date, project.number, person.name(), category,
                receipt ? "1" : quantity.toPlainString(), receipt ? quantity.toPlainString() : "",
                receipt ? currency : "", category + ", " + project.name);
    }

    private void writeContracts(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# Generated by tandem sample: Time and Material with split billing and not-to-exceed limits,"
                    + " Fixed Price by milestones.\ncontracts:\n");
            for (int i = 0; i < contracts.size(); i++) {
                writeContract(out, contracts.get(i), i);
            }
        }
    }

    private void writeContract(Writer out, Contract c, int index) throws IOException {
        String currency = c.customer().currency();
        out.write("  - number: " + c.number() + "\n");
        out.write("    name: \"" + (c.tm() != null ? c.tm() : c.fixed()).name + ", " + describe(c.kind()) + "\"\n");
        out.write("    customer: " + c.customer().number() + "\n");
        out.write("    currency: " + currency + "\n");
        out.write("    salesPriceList: Sales " + currency + " 2025\n");
        if (c.kind() == Kind.CONTRACT_NTE) {
            out.write("    nteLimit: " + limit(c.tm().billable, 3, 1000) + "\n");
        }
        out.write("    lines:\n");
        if (c.tm() != null) {
            out.write("      - name: Consulting\n");
            out.write("        billingMethod: TIME_AND_MATERIAL\n");
            out.write("        project: " + c.tm().number + "\n");
            out.write("        include: [time, expense]\n");
            switch (c.kind()) {
                // At least 2,000: more than any one row bills, so that some chargeable work is invoiced (an
                // invoice of held-back work only would total 0, and a proposal of 0 has nothing to post).
                case NTE_REACHED, SPLIT_70_30_NTE_REACHED ->
                        out.write("        nteLimit: " + limit(c.tm().billable, 0.6, 2000) + "\n");
                case NTE_NOT_REACHED -> out.write("        nteLimit: " + limit(c.tm().billable, 3, 1000) + "\n");
                default -> {
                }
            }
            if (c.split().size() > 1) {
                int[] shares = c.split().size() == 3 ? new int[] {50, 30, 20}
                        : c.kind() == Kind.SPLIT_60_40 ? new int[] {60, 40} : new int[] {70, 30};
                out.write("        customers:\n");
                for (int k = 0; k < shares.length; k++) {
                    out.write("          - { customer: " + c.split().get(k).number() + ", split: " + shares[k]
                            + (k == 0 && shares.length == 2 ? ", rounding: true" : "") + " }\n");
                }
            }
        }
        if (c.fixed() != null) {
            long contracted = 24_000 + 6_000L * (index % 5);
            out.write("      - name: Delivery\n");
            out.write("        billingMethod: FIXED_PRICE\n");
            out.write("        project: " + c.fixed().number + "\n");
            out.write("        contractedAmount: " + contracted + ".00\n");
            out.write("        milestones:\n");
            long first = contracted * 40 / 100;
            long second = contracted * 35 / 100;
            out.write("          - { name: Design approved, date: " + MONTH.atDay(10) + ", amount: " + first
                    + ".00 }\n");
            out.write("          - { name: Go-live, date: " + MONTH.atDay(25) + ", amount: " + second + ".00 }\n");
            out.write("          - { name: Hypercare done, date: " + MONTH.plusMonths(2).atEndOfMonth() + ", amount: "
                    + (contracted - first - second) + ".00 }\n");
        }
        out.write("\n");
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case SINGLE -> "T&M";
            case SPLIT_60_40, SPLIT_50_30_20 -> "T&M, split billing";
            case NTE_REACHED, NTE_NOT_REACHED, CONTRACT_NTE -> "T&M with NTE";
            case WITH_MILESTONES -> "T&M and milestones";
            case SPLIT_70_30_NTE_REACHED -> "T&M, split billing with NTE";
            case FIXED_PRICE -> "fixed price";
        };
    }

    /** A not-to-exceed limit: {@code factor} times the billable value, at least {@code floor}, 2 decimals. */
    private static String limit(BigDecimal billable, double factor, int floor) {
        BigDecimal limit = billable.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP);
        return limit.max(BigDecimal.valueOf(floor).setScale(2)).toPlainString();
    }

    private static BigDecimal salesPrice(String role, String currency) {
        for (String[] r : ROLES) {
            if (r[0].equals(role)) {
                return new BigDecimal(currency.equals("USD") ? r[3] : r[2]);
            }
        }
        throw new IllegalStateException("no price for " + role);
    }

    private static String costPrice(String role) {
        for (String[] r : ROLES) {
            if (r[0].equals(role)) {
                return r[1];
            }
        }
        throw new IllegalStateException("no cost for " + role);
    }

    private static String currencyName(String currency) {
        return currency.equals("USD") ? "United States Dollar - USD" : "Euro - EUR";
    }

    /** {@code H:MM:SS}, hours not padded beyond two digits, as Toggl and Clockify write durations. */
    private static String duration(int seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static CSVPrinter printer(Path file) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSV);
    }
}
