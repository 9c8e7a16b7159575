package dev.tandem.monthend.input;

import dev.tandem.monthend.input.PriceListsFile.PriceList;
import dev.tandem.monthend.input.RunInput.Contract;
import dev.tandem.monthend.input.RunInput.ContractLine;
import dev.tandem.monthend.input.RunInput.PriceContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code contracts.yaml} (docs/input-format.md, "contracts.yaml"): project contracts with their customer,
 * currency, sales price list and optional not-to-exceed limit; their lines are read by {@link ContractLinesReader}.
 * The checks are those Project Operations makes when the contracts are created (Contracts.create, addLine,
 * setLineCustomers, setMilestones, confirm), so that a bad contract is reported here, before anything is written.
 */
final class ContractsFile {

    static final String FILE = "contracts.yaml";

    private static final Set<String> ROOT_KEYS = Set.of("contracts");
    private static final Set<String> CONTRACT_KEYS = Set.of("number", "name", "customer", "currency",
            "salesPriceList", "nteLimit", "lines");

    final List<Contract> contracts = new ArrayList<>();

    private ContractsFile() {
    }

    static ContractsFile read(Path folder, KeySet customers, KeySet projects, PriceListsFile priceLists,
                              List<InputProblem> problems) {
        ContractsFile result = new ContractsFile();
        YamlMapping root = YamlFile.read(folder, FILE, ROOT_KEYS, problems);
        if (root == null) {
            return result;
        }
        KeySet numbers = new KeySet();
        ContractLinesReader lines = new ContractLinesReader(customers, projects);
        for (Node item : root.list("contracts", true)) {
            YamlMapping contract = root.mapping(item, "a contract", CONTRACT_KEYS);
            if (contract != null) {
                result.contracts.add(contract(contract, numbers, customers, priceLists, lines));
            }
        }
        return result;
    }

    private static Contract contract(YamlMapping yaml, KeySet numbers, KeySet customers, PriceListsFile priceLists,
                                     ContractLinesReader lines) {
        String number = numbers.define(yaml.cell("number"), "contract number");
        String name = yaml.cell("name").required();
        Cell customerCell = yaml.cell("customer");
        customerCell.required();
        String customer = customers.resolve(customerCell, "UNKNOWN_CUSTOMER", "is not a customer number of "
                + CustomersFile.FILE);
        String currency = yaml.cell("currency").currency(true);
        String priceList = salesPriceList(yaml.cell("salesPriceList"), currency, priceLists);
        BigDecimal nteLimit = yaml.cell("nteLimit").amount(false, currency);
        List<ContractLine> contractLines = yaml.list("lines", true).stream()
                .map(line -> lines.read(yaml, line, number, currency)).filter(Objects::nonNull).toList();
        return new Contract(yaml.source(), number, name, customer, currency, priceList, nteLimit, contractLines);
    }

    /** The sales price list: one of price-lists.csv, of context sales, in the contract's currency. */
    private static String salesPriceList(Cell cell, String currency, PriceListsFile priceLists) {
        String name = cell.required();
        if (name == null || !priceLists.complete()) {
            return name;
        }
        Optional<PriceList> list = priceLists.list(name);
        if (list.isEmpty()) {
            cell.problem("UNKNOWN_PRICE_LIST", "\"" + name + "\" is not a price list of " + PriceListsFile.FILE);
            return name;
        }
        if (list.get().context() == PriceContext.COST) {
            cell.problem("INVALID", "price list \"" + name + "\" is the cost price list; a contract names a sales "
                    + "price list");
        }
        if (currency != null && list.get().currency() != null && !currency.equals(list.get().currency())) {
            cell.problem("INVALID", "price list \"" + name + "\" is in " + list.get().currency()
                    + " but the contract is in " + currency);
        }
        return list.get().name();
    }
}
