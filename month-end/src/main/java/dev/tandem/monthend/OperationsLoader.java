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
import dev.tandem.operations.masterdata.NaturalKeys;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the Project Operations side of an input folder in one transaction: the contracting unit, roles, expense
 * categories, resources, price lists, projects and contracts (lines, line customers, milestones), each contract
 * confirmed. Customers are not created here: they arrive from Finance through the Customers map. Rows that exist by
 * name or number (a second run; found in bulk through {@code ProjectOperations.naturalKeys()}) are left as they are; a contract that exists is not changed even if the file
 * changed it (a confirmed contract is edited in the app, not by a batch load).
 */
final class OperationsLoader {

    private final ProjectOperations ops;

    OperationsLoader(ProjectOperations ops) {
        this.ops = ops;
    }

    /** The ids of the rows the input names, by name or number, found in bulk and completed as rows are created. */
    private static final class Ids {
        Map<String, UUID> roles;
        Map<String, UUID> categories;
        Map<String, UUID> priceLists;
        Map<String, UUID> projects;
        Map<String, UUID> accounts;
    }

    /** @return the contract ids by contract number, of every contract of the input (new or not) */
    Map<String, UUID> load(RunInput input) {
        return ops.context().inTransaction(() -> {
            NaturalKeys keys = ops.naturalKeys();
            String unitName = input.company().contractingUnit();
            UUID unit = Optional.ofNullable(keys.units(List.of(unitName)).get(unitName)).orElseGet(() -> ops
                    .masterData().createOrganizationalUnit(new OrganizationalUnitInput(unitName,
                            input.company().accountingCurrency(), input.company().legalEntity())));
            Ids ids = new Ids();
            ids.roles = roles(input, keys);
            ids.categories = categories(input, keys);
            Set<String> resources = keys.resources(input.resources().stream().map(Resource::name).toList()).keySet();
            for (Resource r : input.resources()) {
                if (!resources.contains(r.name())) {
                    ops.masterData().createResource(new ResourceInput(r.name(), unit,
                            r.roles().stream().map(ids.roles::get).toList()));
                }
            }
            ids.priceLists = priceLists(input, unit, ids, keys);
            Set<String> customers = new LinkedHashSet<>();
            input.projects().forEach(p -> customers.add(p.customer()));
            input.contracts().forEach(c -> {
                customers.add(c.customer());
                c.lines().forEach(l -> l.customers().forEach(lc -> customers.add(lc.customer())));
            });
            ids.accounts = keys.accounts(customers);
            ids.projects = new LinkedHashMap<>(keys.projects(input.projects().stream().map(Project::number).toList()));
            for (Project p : input.projects()) {
                if (!ids.projects.containsKey(p.number())) {
                    ids.projects.put(p.number(), ops.masterData().createProject(new ProjectInput(p.number(), p.name(),
                            unit, account(ids, p.customer()))));
                }
            }
            Map<String, UUID> existing = keys.contracts(input.contracts().stream().map(Contract::number).toList());
            Map<String, UUID> contracts = new LinkedHashMap<>();
            for (Contract c : input.contracts()) {
                UUID id = existing.get(c.number());
                contracts.put(c.number(), id != null ? id : createContract(c, unit, ids));
            }
            return contracts;
        });
    }

    private Map<String, UUID> roles(RunInput input, NaturalKeys keys) {
        Set<String> names = new LinkedHashSet<>();
        input.resources().forEach(r -> names.addAll(r.roles()));
        Map<String, UUID> roles = new LinkedHashMap<>(keys.roles(names));
        for (String name : names) {
            roles.computeIfAbsent(name, n -> ops.masterData().createRole(n));
        }
        return roles;
    }

    private Map<String, UUID> categories(RunInput input, NaturalKeys keys) {
        Set<String> names = new LinkedHashSet<>();
        input.prices().stream().filter(p -> p.kind() == PriceKind.CATEGORY).forEach(p -> names.add(p.item()));
        names.addAll(input.expenses().categories());
        Map<String, UUID> categories = new LinkedHashMap<>(keys.categories(names));
        for (String name : names) {
            categories.computeIfAbsent(name, n -> ops.masterData().createTransactionCategory(n));
        }
        return categories;
    }

    private Map<String, UUID> priceLists(RunInput input, UUID unit, Ids ids, NaturalKeys keys) {
        Map<String, List<Price>> byList = new LinkedHashMap<>();
        input.prices().forEach(p -> byList.computeIfAbsent(p.priceList(), k -> new ArrayList<>()).add(p));
        Set<String> names = new LinkedHashSet<>(byList.keySet());
        input.contracts().forEach(c -> names.add(c.salesPriceList()));
        Map<String, UUID> priceLists = new LinkedHashMap<>(keys.priceLists(names));
        for (Map.Entry<String, List<Price>> list : byList.entrySet()) {
            if (priceLists.containsKey(list.getKey())) {
                continue;
            }
            Price first = list.getValue().get(0);
            PriceListContext context = first.context() == PriceContext.COST ? PriceListContext.COST
                    : PriceListContext.SALES;
            UUID id = ops.priceLists().create(new PriceListInput(list.getKey(), context, first.currency(),
                    first.validFrom(), first.validTo()));
            priceLists.put(list.getKey(), id);
            for (Price p : list.getValue()) {
                if (p.kind() == PriceKind.ROLE) {
                    ops.priceLists().setRolePrice(id, ids.roles.get(p.item()), p.price());
                } else {
                    ops.priceLists().setCategoryPrice(id, required(ids.categories, p.item()), p.price());
                }
            }
            if (context == PriceListContext.COST) {
                ops.priceLists().attachCostPriceList(unit, id);
            }
        }
        return priceLists;
    }

    private UUID createContract(Contract c, UUID unit, Ids ids) {
        UUID customer = account(ids, c.customer());
        UUID id = ops.contracts().create(new ContractInput(c.number(), c.name(), customer, unit, c.currency(),
                required(ids.priceLists, c.salesPriceList()), c.nteLimit()));
        for (ContractLine l : c.lines()) {
            BillingMethod method = BillingMethod.valueOf(l.billingMethod());
            // A fixed-price line bills its milestones, not the work; without `include` it still covers the
            // project's time and expenses, so they are costed against the contract (the app wants some class).
            List<String> include = l.include().isEmpty() && method == BillingMethod.FIXED_PRICE
                    ? List.of("time", "expense") : l.include();
            UUID line = ops.contracts().addLine(id, new ContractLineInput(l.name(), method,
                    required(ids.projects, l.project()), include.contains("time"),
                    include.contains("expense"), include.contains("material"), include.contains("fee"),
                    List.of(), l.nteLimit(), l.contractedAmount()));
            if (!l.customers().isEmpty()) {
                ops.contracts().setLineCustomers(line, l.customers().stream().map(lc -> new LineCustomerInput(
                        account(ids, lc.customer()),
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

    /** The id of a row the input names and the input check made sure of (a broken invariant otherwise). */
    private static UUID required(Map<String, UUID> ids, String key) {
        UUID id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException(key + " is neither in Project Operations nor created by this run");
        }
        return id;
    }

    /** The account of a customer number; a customer the Customers map has not brought is an error. */
    private static UUID account(Ids ids, String number) {
        UUID id = ids.accounts.get(number);
        if (id == null) {
            throw missingCustomer(number);
        }
        return id;
    }

    /** A customer the Customers map should have brought from Finance is not in Project Operations. */
    private static TandemException missingCustomer(String number) {
        return new TandemException(dev.tandem.operations.OperationsError.NOT_FOUND, "Customer " + number
                + " is not in Project Operations: the Customers table map did not bring it from Finance (is the map "
                + "running? GET /api/dualwrite/maps/customers)");
    }

}
