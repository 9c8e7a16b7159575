package dev.tandem.monthend;

import dev.tandem.common.TandemException;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractInput;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.contracts.ContractRecords.LineCustomerInput;
import dev.tandem.operations.contracts.ContractRecords.MilestoneInput;
import dev.tandem.operations.masterdata.MasterData.OrganizationalUnitInput;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import dev.tandem.operations.masterdata.MasterData.ResourceInput;
import dev.tandem.operations.pricing.PriceListContext;
import dev.tandem.operations.pricing.PriceLists.PriceListInput;
import dev.tandem.monthend.input.RunInput;
import dev.tandem.monthend.input.RunInput.Contract;
import dev.tandem.monthend.input.RunInput.ContractLine;
import dev.tandem.monthend.input.RunInput.Price;
import dev.tandem.monthend.input.RunInput.PriceContext;
import dev.tandem.monthend.input.RunInput.PriceKind;
import dev.tandem.monthend.input.RunInput.Project;
import dev.tandem.monthend.input.RunInput.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the Project Operations side of an input folder in one transaction: the contracting unit, roles, expense
 * categories, resources, price lists, projects and contracts (lines, line customers, milestones), each contract
 * confirmed. Customers are not created here: they arrive from Finance through the Customers map. Rows that exist by
 * name or number (a second run) are left as they are; a contract that exists is not changed even if the file
 * changed it (a confirmed contract is edited in the app, not by a batch load).
 */
final class OperationsLoader {

    private final ProjectOperations ops;
    private final OperationsDirectory directory;

    OperationsLoader(ProjectOperations ops) {
        this.ops = ops;
        this.directory = new OperationsDirectory(ops);
    }

    /** @return the contract ids by contract number, of every contract of the input (new or not) */
    Map<String, UUID> load(RunInput input) {
        return ops.context().inTransaction(() -> {
            UUID unit = directory.unit(input.company().contractingUnit()).orElseGet(() -> ops.masterData()
                    .createOrganizationalUnit(new OrganizationalUnitInput(input.company().contractingUnit(),
                            input.company().accountingCurrency(), input.company().legalEntity())));
            Map<String, UUID> roles = roles(input);
            categories(input);
            for (Resource r : input.resources()) {
                if (directory.resource(r.name()).isEmpty()) {
                    ops.masterData().createResource(new ResourceInput(r.name(), unit,
                            r.roles().stream().map(roles::get).toList()));
                }
            }
            priceLists(input, unit, roles);
            for (Project p : input.projects()) {
                if (directory.project(p.number()).isEmpty()) {
                    ops.masterData().createProject(new ProjectInput(p.number(), p.name(), unit,
                            directory.account(p.customer()).orElseThrow(() -> missingCustomer(p.customer()))));
                }
            }
            Map<String, UUID> contracts = new LinkedHashMap<>();
            for (Contract c : input.contracts()) {
                contracts.put(c.number(), directory.contract(c.number()).orElseGet(() -> createContract(c, unit)));
            }
            return contracts;
        });
    }

    private Map<String, UUID> roles(RunInput input) {
        Set<String> names = new LinkedHashSet<>();
        input.resources().forEach(r -> names.addAll(r.roles()));
        Map<String, UUID> roles = new LinkedHashMap<>();
        for (String name : names) {
            roles.put(name, directory.role(name).orElseGet(() -> ops.masterData().createRole(name)));
        }
        return roles;
    }

    private void categories(RunInput input) {
        Set<String> names = new LinkedHashSet<>();
        input.prices().stream().filter(p -> p.kind() == PriceKind.CATEGORY).forEach(p -> names.add(p.item()));
        input.expenses().forEach(e -> names.add(e.category()));
        for (String name : names) {
            if (directory.category(name).isEmpty()) {
                ops.masterData().createTransactionCategory(name);
            }
        }
    }

    private void priceLists(RunInput input, UUID unit, Map<String, UUID> roles) {
        Map<String, List<Price>> byList = new LinkedHashMap<>();
        input.prices().forEach(p -> byList.computeIfAbsent(p.priceList(), k -> new ArrayList<>()).add(p));
        for (Map.Entry<String, List<Price>> list : byList.entrySet()) {
            if (directory.priceList(list.getKey()).isPresent()) {
                continue;
            }
            Price first = list.getValue().get(0);
            PriceListContext context = first.context() == PriceContext.COST ? PriceListContext.COST
                    : PriceListContext.SALES;
            UUID id = ops.priceLists().create(new PriceListInput(list.getKey(), context, first.currency(),
                    first.validFrom(), first.validTo()));
            for (Price p : list.getValue()) {
                if (p.kind() == PriceKind.ROLE) {
                    ops.priceLists().setRolePrice(id, roles.get(p.item()), p.price());
                } else {
                    ops.priceLists().setCategoryPrice(id, directory.category(p.item()).orElseThrow(), p.price());
                }
            }
            if (context == PriceListContext.COST) {
                ops.priceLists().attachCostPriceList(unit, id);
            }
        }
    }

    private UUID createContract(Contract c, UUID unit) {
        UUID customer = directory.account(c.customer()).orElseThrow(() -> missingCustomer(c.customer()));
        UUID id = ops.contracts().create(new ContractInput(c.number(), c.name(), customer, unit, c.currency(),
                directory.priceList(c.salesPriceList()).orElseThrow(), c.nteLimit()));
        for (ContractLine l : c.lines()) {
            BillingMethod method = BillingMethod.valueOf(l.billingMethod());
            // A fixed-price line bills its milestones, not the work; without `include` it still covers the
            // project's time and expenses, so they are costed against the contract (the app wants some class).
            List<String> include = l.include().isEmpty() && method == BillingMethod.FIXED_PRICE
                    ? List.of("time", "expense") : l.include();
            UUID line = ops.contracts().addLine(id, new ContractLineInput(l.name(), method,
                    directory.project(l.project()).orElseThrow(), include.contains("time"),
                    include.contains("expense"), include.contains("material"), include.contains("fee"),
                    List.of(), l.nteLimit(), l.contractedAmount()));
            if (!l.customers().isEmpty()) {
                ops.contracts().setLineCustomers(line, l.customers().stream().map(lc -> new LineCustomerInput(
                        directory.account(lc.customer()).orElseThrow(() -> missingCustomer(lc.customer())),
                        lc.split(), lc.nteLimit(), lc.rounding())).toList());
            }
            if (!l.milestones().isEmpty()) {
                ops.contracts().setMilestones(line, l.milestones().stream().map(m -> new MilestoneInput(m.name(),
                        null, m.date(), m.amount(), null)).toList());
            }
        }
        ops.contracts().confirm(id);
        return id;
    }

    /** A customer the Customers map should have brought from Finance is not in Project Operations. */
    private static TandemException missingCustomer(String number) {
        return new TandemException(dev.tandem.operations.OperationsError.NOT_FOUND, "Customer " + number
                + " is not in Project Operations: the Customers table map did not bring it from Finance (is the map "
                + "running? GET /api/dualwrite/maps/customers)");
    }

}
