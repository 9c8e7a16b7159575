package dev.tandem.monthend.input;

import dev.tandem.monthend.input.RunInput.ContractLine;
import dev.tandem.monthend.input.RunInput.LineCustomer;
import dev.tandem.monthend.input.RunInput.Milestone;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the lines of the contracts of {@code contracts.yaml} with their customers and milestones, checking what
 * Project Operations refuses later (Contracts.addLine, setLineCustomers, setMilestones, confirm):
 * <ul>
 *   <li>a Time and Material line includes at least one transaction class and has no contracted amount or
 *       milestones; a Fixed Price line has a contracted amount, milestones summing exactly to it (§11 rule 9) and
 *       no not-to-exceed limit;</li>
 *   <li>a line's customers are each named once, their splits are 0 to 100 % and total exactly 100 %, and at most one
 *       takes the rounding (with none flagged, Project Operations gives it to the largest split);</li>
 *   <li>a project's transaction class is billed by one contract line only (§11 rule 11).</li>
 * </ul>
 * One reader serves all contracts of the file, as the last rule spans contracts.
 */
final class ContractLinesReader {

    static final String TIME_AND_MATERIAL = "TIME_AND_MATERIAL";
    static final String FIXED_PRICE = "FIXED_PRICE";

    private static final Set<String> LINE_KEYS = Set.of("name", "billingMethod", "project", "include", "nteLimit",
            "contractedAmount", "customers", "milestones");
    private static final Set<String> CUSTOMER_KEYS = Set.of("customer", "split", "nteLimit", "rounding");
    private static final Set<String> MILESTONE_KEYS = Set.of("name", "date", "amount");
    private static final String[] CLASSES = {"time", "expense", "material", "fee"};
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Split percentages have at most this many decimals, as the database keeps. */
    private static final int SPLIT_DECIMALS = 6;

    /** A line already read that bills {@code include} of its project. */
    private record Billed(String contract, String line, List<String> include) {
    }

    private final KeySet customers;
    private final KeySet projects;
    private final Map<String, List<Billed>> billedByProject = new HashMap<>();

    ContractLinesReader(KeySet customers, KeySet projects) {
        this.customers = customers;
        this.projects = projects;
    }

    /** The line at {@code node} of {@code contract}; null when it is not a mapping (a problem is added). */
    ContractLine read(YamlMapping contract, Node node, String contractNumber, String currency) {
        YamlMapping yaml = contract.mapping(node, "a contract line", LINE_KEYS);
        if (yaml == null) {
            return null;
        }
        String name = yaml.cell("name").required();
        String method = yaml.cell("billingMethod").oneOf(true, TIME_AND_MATERIAL, FIXED_PRICE);
        Cell projectCell = yaml.cell("project");
        projectCell.required();
        String project = projects.resolve(projectCell, "UNKNOWN_PROJECT", "is not a project number of "
                + ProjectsFile.FILE);
        List<String> include = include(yaml, method);
        BigDecimal nteLimit = yaml.cell("nteLimit").amount(false, currency);
        BigDecimal contracted = yaml.cell("contractedAmount").amount(FIXED_PRICE.equals(method), currency);
        List<Milestone> milestones = milestones(yaml, method, currency);
        if (FIXED_PRICE.equals(method)) {
            if (nteLimit != null) {
                yaml.cell("nteLimit").problem("INVALID", "a not-to-exceed limit applies to TIME_AND_MATERIAL lines "
                        + "only; line \"" + name + "\" is FIXED_PRICE");
            }
            checkMilestoneSum(yaml, milestones, contracted, currency);
        } else if (TIME_AND_MATERIAL.equals(method) && yaml.has("contractedAmount")) {
            yaml.cell("contractedAmount").problem("INVALID", "a contracted amount belongs to FIXED_PRICE lines; line \""
                    + name + "\" is TIME_AND_MATERIAL");
        }
        List<LineCustomer> lineCustomers = customers(yaml, currency);
        checkOverlap(yaml, contractNumber, name, project, include);
        return new ContractLine(yaml.source(), name, method, project, include, nteLimit, contracted, lineCustomers,
                milestones);
    }

    /** The transaction classes; at least one on a Time and Material line. */
    private List<String> include(YamlMapping yaml, String method) {
        boolean required = TIME_AND_MATERIAL.equals(method);
        List<String> include = new ArrayList<>();
        KeySet seen = new KeySet();
        for (Node item : yaml.list("include", required)) {
            Cell cell = yaml.cell(item, "include");
            String value = cell.oneOf(true, CLASSES);
            if (value != null && !seen.add(value)) {
                cell.problem("DUPLICATE", "include lists \"" + value + "\" twice");
            } else if (value != null) {
                include.add(value);
            }
        }
        return include;
    }

    private List<Milestone> milestones(YamlMapping yaml, String method, String currency) {
        boolean fixedPrice = FIXED_PRICE.equals(method);
        if (!fixedPrice && yaml.has("milestones")) {
            yaml.problem(yaml.node("milestones"), "milestones exist only on FIXED_PRICE lines");
            return List.of();
        }
        List<Milestone> milestones = new ArrayList<>();
        for (Node item : yaml.list("milestones", fixedPrice)) {
            YamlMapping milestone = yaml.mapping(item, "a milestone", MILESTONE_KEYS);
            if (milestone != null) {
                milestones.add(new Milestone(milestone.source(), milestone.cell("name").required(),
                        milestone.cell("date").date(true), milestone.cell("amount").amount(true, currency)));
            }
        }
        return milestones;
    }

    /** §11 rule 9: the milestones of a Fixed Price line sum exactly to its contracted amount. */
    private static void checkMilestoneSum(YamlMapping yaml, List<Milestone> milestones, BigDecimal contracted,
                                          String currency) {
        if (contracted == null || milestones.isEmpty() || milestones.stream().anyMatch(m -> m.amount() == null)) {
            return;
        }
        BigDecimal sum = milestones.stream().map(Milestone::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(contracted) != 0) {
            yaml.problem(yaml.node("milestones"), "the milestones sum to " + sum.toPlainString() + " " + currency
                    + " but the contracted amount is " + contracted.toPlainString() + " " + currency
                    + "; they must be equal");
        }
    }

    private List<LineCustomer> customers(YamlMapping yaml, String currency) {
        List<Node> items = yaml.list("customers", false);
        List<LineCustomer> result = new ArrayList<>();
        KeySet seen = new KeySet();
        BigDecimal total = BigDecimal.ZERO;
        boolean totalKnown = true;
        boolean roundingTaken = false;
        for (Node item : items) {
            YamlMapping customer = yaml.mapping(item, "a line customer", CUSTOMER_KEYS);
            if (customer == null) {
                totalKnown = false;
                continue;
            }
            Cell customerCell = customer.cell("customer");
            customerCell.required();
            String number = customers.resolve(customerCell, "UNKNOWN_CUSTOMER", "is not a customer number of "
                    + CustomersFile.FILE);
            if (number != null && !seen.add(number)) {
                customerCell.problem("DUPLICATE", "customer \"" + number + "\" is on this contract line twice");
            }
            BigDecimal split = split(customer.cell("split"), items.size());
            totalKnown &= split != null;
            total = split == null ? total : total.add(split);
            boolean rounding = customer.bool("rounding", false, false);
            if (rounding && roundingTaken) {
                customer.cell("rounding").problem("INVALID", "only one customer of a contract line takes the rounding "
                        + "difference; another one already has rounding: true");
            }
            roundingTaken |= rounding;
            result.add(new LineCustomer(customer.source(), number, split,
                    customer.cell("nteLimit").amount(false, currency), rounding));
        }
        if (totalKnown && !items.isEmpty() && total.compareTo(HUNDRED) != 0) {
            yaml.problem(yaml.node("customers"), "the customers' splits total " + total.stripTrailingZeros()
                    .toPlainString() + " %; they must total exactly 100 %");
        }
        return result;
    }

    /** A split of 0 to 100 %; required when the line has two or more customers, else 100 when absent. */
    private static BigDecimal split(Cell cell, int customerCount) {
        if (customerCount == 1 && cell.isEmpty()) {
            return HUNDRED;
        }
        BigDecimal split = cell.decimal(true, SPLIT_DECIMALS, false);
        if (split != null && split.compareTo(HUNDRED) > 0) {
            cell.problem("INVALID", "split must be 0 to 100 %, not " + split.toPlainString());
            return null;
        }
        return split;
    }

    /** §11 rule 11: a project's transaction class is on one contract line only (Contracts.addLine refuses more). */
    private void checkOverlap(YamlMapping yaml, String contract, String line, String project, List<String> include) {
        if (project == null || include.isEmpty()) {
            return;
        }
        List<Billed> billed = billedByProject.computeIfAbsent(project.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
        for (Billed other : billed) {
            List<String> shared = include.stream().filter(other.include()::contains).toList();
            if (!shared.isEmpty()) {
                yaml.problem(yaml.node("include"), "project " + project + " is already billed for "
                        + String.join(", ", shared) + " by line \"" + other.line() + "\" of contract " + other.contract()
                        + "; a project's transaction class is billed by one contract line only");
                break;
            }
        }
        billed.add(new Billed(contract, line, include));
    }
}
