package dev.tandem.monthend.input;

import dev.tandem.monthend.input.RunInput.Company;
import dev.tandem.monthend.input.RunInput.Contract;
import dev.tandem.monthend.input.RunInput.Customer;
import dev.tandem.monthend.input.RunInput.Price;
import dev.tandem.monthend.input.RunInput.WorkRow;
import dev.tandem.monthend.input.time.TimeExports;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads and checks a whole input folder of {@code tandem run} (docs/input-format.md): every file in full, every
 * problem of every file, before anything is written. The files that define things (customers, resources, projects,
 * price lists) are read before those that refer to them (contracts, expenses, time), so references resolve.
 */
public final class InputFolder {

    private InputFolder() {
    }

    /**
     * The folder as read.
     *
     * @param input    the folder's content; null when there is any problem
     * @param problems every problem found, sorted by file, line, column and rule; empty when {@code input} is set
     */
    public record Result(RunInput input, List<InputProblem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads {@code folder} as {@link #read(Path, LocalDate)} without an invoice date: the exchange rates are checked
     * for the dates of work and of every milestone.
     */
    public static Result read(Path folder) {
        return read(folder, null);
    }

    /**
     * Reads {@code folder}. Never throws for bad input: unreadable or missing files are problems too.
     *
     * @param folder the input folder; problems name files relative to it
     * @param asOf   the run's invoice date ({@code --as-of}): the exchange rates must cover it and the milestones
     *               due by it; null when not known
     */
    public static Result read(Path folder, LocalDate asOf) {
        List<InputProblem> problems = new ArrayList<>();
        CompanyFile.Read companyRead = CompanyFile.read(folder, problems);
        Company company = companyRead == null ? null : companyRead.company();
        String accountingCurrency = company == null ? null : company.accountingCurrency();
        CustomersFile customers = CustomersFile.read(folder, problems);
        ResourcesFile resources = ResourcesFile.read(folder, problems);
        ProjectsFile projects = ProjectsFile.read(folder, customers.numbers, problems);
        PriceListsFile priceLists = PriceListsFile.read(folder, resources.roles, accountingCurrency, problems);
        ContractsFile contracts = ContractsFile.read(folder, customers.numbers, projects.numbers, priceLists, problems);
        FolderReferences references = new FolderReferences(projects, resources, priceLists);
        // Time rows are checked and summed up as they are read, not kept (WorkRows): the run reads them again when
        // it loads them. Time before expenses: the conversions are collected in the order the rows come.
        RateNeeds.Collector needs = new RateNeeds.Collector(priceLists.prices, contracts.contracts);
        String clockifyDateFormat = companyRead == null ? null : companyRead.clockifyDateFormat();
        WorkRows.Summary timeSummary = new WorkRows.Summary();
        List<TimeExports.ExportFile> timeFiles = TimeExports.read(folder, references, clockifyDateFormat, problems,
                timeSummary.andThen(needs));
        List<WorkRow> expenses = ExpensesFile.read(folder, references, problems);
        expenses.forEach(needs);
        EcbFile.Checked rates = EcbFile.check(folder, usedCurrencies(customers.customers, priceLists.prices,
                contracts.contracts, expenses), accountingCurrency, needs.needs(asOf), asOf, problems);
        if (!problems.isEmpty()) {
            return new Result(null, problems.stream().sorted().toList());
        }
        WorkRows time = WorkRows.reread(timeSummary, each -> TimeExports.reread(folder, references,
                clockifyDateFormat, timeFiles, each));
        return new Result(new RunInput(folder, company, customers.customers, resources.resources, projects.projects,
                priceLists.prices, contracts.contracts, time, WorkRows.of(expenses), rates.file(), rates.scope()),
                List.of());
    }

    /** The currencies amounts of the folder are in: those need exchange rates unless they are the accounting one. */
    private static Set<String> usedCurrencies(List<Customer> customers, List<Price> prices, List<Contract> contracts,
                                              List<WorkRow> expenses) {
        return Stream.of(customers.stream().map(Customer::currency), prices.stream().map(Price::currency),
                        contracts.stream().map(Contract::currency), expenses.stream().map(WorkRow::currency))
                .flatMap(s -> s).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
    }
}
