package dev.tandem.operations.contracts;

import static dev.tandem.operations.OperationsError.CONTRACT_INCOMPLETE;
import static dev.tandem.operations.OperationsError.CONTRACT_LINE_OVERLAP;
import static dev.tandem.operations.OperationsError.CONTRACT_NOT_DRAFT;
import static dev.tandem.operations.OperationsError.DUPLICATE;
import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.LINE_CUSTOMER_HAS_ACTUALS;
import static dev.tandem.operations.OperationsError.MILESTONES_NOT_CONTRACTED_AMOUNT;
import static dev.tandem.operations.OperationsError.MILESTONE_NOT_ON_FIXED_PRICE_LINE;
import static dev.tandem.operations.OperationsError.MILESTONE_STATE;
import static dev.tandem.operations.OperationsError.NOT_FOUND;
import static dev.tandem.operations.OperationsError.ROUNDING_CUSTOMER;
import static dev.tandem.operations.OperationsError.SPLIT_NOT_100;

import dev.tandem.common.Ids;
import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.OptionValue;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.contracts.ContractRecords.Chargeability;
import dev.tandem.operations.contracts.ContractRecords.ComponentType;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.ContractInput;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.contracts.ContractRecords.LineCustomer;
import dev.tandem.operations.contracts.ContractRecords.LineCustomerInput;
import dev.tandem.operations.contracts.ContractRecords.Milestone;
import dev.tandem.operations.contracts.ContractRecords.MilestoneInput;
import dev.tandem.operations.masterdata.MasterData;
import dev.tandem.operations.pricing.PriceListContext;
import dev.tandem.operations.pricing.PriceLists;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Project contracts (Draft → Confirmed), contract lines, contract-line customers, chargeability and fixed-price
 * milestones (§3.5, §4.9, §5 step 1, §11 rules 9–11). Contracts, lines and milestones are data entities, written
 * through the outbox. Every action is all-or-nothing.
 */
public final class Contracts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final OperationsContext ctx;
    private final PriceLists priceLists;

    public Contracts(OperationsContext ctx, PriceLists priceLists) {
        this.ctx = ctx;
        this.priceLists = priceLists;
    }

    /** Creates a draft contract. @throws TandemException INVALID_INPUT, NOT_FOUND, DUPLICATE */
    public UUID create(ContractInput in) {
        if (in.contractNumber() == null || in.contractNumber().isBlank() || in.name() == null || in.name().isBlank()) {
            throw new TandemException(INVALID_INPUT, "A contract needs a number and a name");
        }
        MasterData.currency(in.currency());
        nonNegative(in.nteLimit(), "not-to-exceed limit");
        return ctx.inTransaction(() -> {
            ctx.requireExists("account", "accountid", in.customerId(), "account");
            ctx.requireExists("msdyn_organizationalunit", "msdyn_organizationalunitid", in.contractingUnitId(),
                    "organizational unit");
            if (in.salesPriceListId() != null) {
                priceLists.requireContext(in.salesPriceListId(), PriceListContext.SALES);
            }
            Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM salesorder WHERE ordernumber = ?",
                    Integer.class, in.contractNumber());
            if (n != null && n > 0) {
                throw new TandemException(DUPLICATE, "A contract '" + in.contractNumber() + "' already exists");
            }
            UUID id = Ids.newId();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("salesorderid", id);
            row.put("ordernumber", in.contractNumber());
            row.put("name", in.name());
            row.put("customerid", in.customerId());
            row.put("msdyn_contractorganizationalunitid", in.contractingUnitId());
            row.put("transactioncurrency", in.currency());
            row.put("pricelevelid", in.salesPriceListId());
            row.put("tdm_contractstatus", ContractStatus.DRAFT.value());
            row.put("tdm_ntelimit", in.nteLimit());
            row.putAll(ctx.created());
            ctx.writer().insert(OperationsDataEntities.CONTRACTS, List.of(row));
            return id;
        });
    }

    /** Adds a further sales price list to a contract (e.g. next year's rates). */
    public void addSalesPriceList(UUID contractId, UUID priceListId) {
        ctx.inTransaction(() -> {
            requireDraft(contract(contractId));
            priceLists.requireContext(priceListId, PriceListContext.SALES);
            // Adding a list the contract already has is a no-op, not an error: the call states the wanted result.
            ctx.jdbc().update("DELETE FROM msdyn_projectpricelist WHERE salesorderid = ? AND pricelevelid = ?",
                    contractId, priceListId);
            ctx.jdbc().update("INSERT INTO msdyn_projectpricelist (salesorderid, pricelevelid) VALUES (?, ?)",
                    contractId, priceListId);
        });
    }

    /** Sets the not-to-exceed limit of one customer across the whole contract ("contract customer" level). */
    public void setContractCustomerLimit(UUID contractId, UUID accountId, BigDecimal nteLimit) {
        nonNegative(nteLimit, "not-to-exceed limit");
        ctx.inTransaction(() -> {
            contract(contractId);
            ctx.requireExists("account", "accountid", accountId, "account");
            ctx.jdbc().update("DELETE FROM tdm_contractcustomer WHERE salesorderid = ? AND accountid = ?", contractId,
                    accountId);
            ctx.jdbc().update("INSERT INTO tdm_contractcustomer (salesorderid, accountid, tdm_ntelimit) VALUES (?, ?, ?)",
                    contractId, accountId, nteLimit);
        });
    }

    /**
     * Adds a line to a draft contract, with the contract's customer as its only customer (100 %, takes the
     * rounding) until {@link #setLineCustomers} says otherwise.
     *
     * @throws TandemException NOT_FOUND for an unknown contract, project or task; CONTRACT_NOT_DRAFT;
     *                         CONTRACT_LINE_OVERLAP when the project and a transaction class are already billed by
     *                         another line (§11 rule 11)
     */
    public UUID addLine(UUID contractId, ContractLineInput in) {
        if (in.name() == null || in.name().isBlank() || in.billingMethod() == null) {
            throw new TandemException(INVALID_INPUT, "A contract line needs a name and a billing method");
        }
        if (!(in.includeTime() || in.includeExpense() || in.includeMaterial() || in.includeFee())) {
            throw new TandemException(INVALID_INPUT, "Contract line '" + in.name() + "' includes no transaction class");
        }
        nonNegative(in.nteLimit(), "not-to-exceed limit");
        nonNegative(in.contractedAmount(), "contracted amount");
        if (in.billingMethod() == BillingMethod.FIXED_PRICE && in.nteLimit() != null) {
            throw new TandemException(INVALID_INPUT, "A not-to-exceed limit applies to Time and Material lines only");
        }
        return ctx.inTransaction(() -> {
            Contract contract = contract(contractId);
            requireDraft(contract);
            ctx.requireExists("msdyn_project", "msdyn_projectid", in.projectId(), "project");
            Set<UUID> tasks = in.taskIds() == null ? Set.of() : new HashSet<>(in.taskIds());
            for (UUID task : tasks) {
                Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM msdyn_projecttask WHERE msdyn_projecttaskid = ? "
                        + "AND msdyn_project = ?", Integer.class, task, in.projectId());
                if (n == null || n == 0) {
                    throw new TandemException(NOT_FOUND, "Task " + task + " is not a task of project " + in.projectId());
                }
            }
            refuseOverlap(in, tasks);
            Integer next = ctx.jdbc().queryForObject("SELECT COALESCE(MAX(lineitemnumber), 0) + 1 FROM salesorderdetail "
                    + "WHERE salesorderid = ?", Integer.class, contractId);
            UUID id = Ids.newId();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("salesorderdetailid", id);
            row.put("salesorderid", contractId);
            row.put("lineitemnumber", next);
            row.put("productdescription", in.name());
            row.put("msdyn_billingmethod", in.billingMethod().value());
            row.put("msdyn_project", in.projectId());
            row.put("msdyn_includetime", in.includeTime());
            row.put("msdyn_includeexpense", in.includeExpense());
            row.put("msdyn_includematerial", in.includeMaterial());
            row.put("msdyn_includefee", in.includeFee());
            row.put("tdm_selectedtasksonly", !tasks.isEmpty());
            row.put("tdm_ntelimit", in.nteLimit());
            row.put("tdm_contractedamount", in.contractedAmount());
            row.putAll(ctx.created());
            ctx.writer().insert(OperationsDataEntities.CONTRACT_LINES, List.of(row));
            for (UUID task : tasks) {
                ctx.jdbc().update("INSERT INTO tdm_contractlinetask (salesorderdetailid, msdyn_projecttaskid) VALUES (?, ?)",
                        id, task);
            }
            insertCustomers(id, List.of(new LineCustomerInput(contract.customerId(), HUNDRED, null, true)));
            return id;
        });
    }

    /**
     * Replaces the customers of a contract line. The split percentages must total exactly 100 % and exactly one
     * customer takes the rounding (§3.5, §11 rule 10); if none is flagged, the one with the largest split does. A
     * customer that some actual of the line bills ({@code msdyn_actual.msdyn_accountcustomer}) can't be left out: it
     * stays with a split of 0 %, which gives it no further actuals (§11 rule 10, [D:MCL]). Customers that stay keep
     * their row (and id); only those left out are deleted.
     *
     * @throws TandemException SPLIT_NOT_100, ROUNDING_CUSTOMER, INVALID_INPUT, NOT_FOUND, CONTRACT_NOT_DRAFT,
     *                         LINE_CUSTOMER_HAS_ACTUALS
     */
    public void setLineCustomers(UUID lineId, List<LineCustomerInput> customers) {
        if (customers == null || customers.isEmpty()) {
            throw new TandemException(INVALID_INPUT, "Contract line " + lineId + " needs at least one customer");
        }
        BigDecimal total = BigDecimal.ZERO;
        Set<UUID> seen = new HashSet<>();
        for (LineCustomerInput c : customers) {
            if (c.splitPercent() == null || c.splitPercent().signum() < 0 || c.splitPercent().compareTo(HUNDRED) > 0) {
                throw new TandemException(INVALID_INPUT, "Billing split of customer " + c.accountId()
                        + " must be between 0 and 100 %, not " + c.splitPercent());
            }
            nonNegative(c.nteLimit(), "not-to-exceed limit");
            if (!seen.add(c.accountId())) {
                throw new TandemException(INVALID_INPUT, "Customer " + c.accountId() + " appears twice on contract line " + lineId);
            }
            total = total.add(c.splitPercent());
        }
        if (total.compareTo(HUNDRED) != 0) {
            throw new TandemException(SPLIT_NOT_100, "Billing split percentages of contract line " + lineId + " total "
                    + total.stripTrailingZeros().toPlainString() + " %, not 100 %",
                    Map.of("contractLineId", lineId.toString(), "total", total.toPlainString()));
        }
        long flagged = customers.stream().filter(LineCustomerInput::rounding).count();
        if (flagged > 1) {
            throw new TandemException(ROUNDING_CUSTOMER, "Only one customer of contract line " + lineId
                    + " may take the rounding difference; " + flagged + " are flagged");
        }
        List<LineCustomerInput> effective = new ArrayList<>(customers);
        if (flagged == 0) {
            int largest = 0;
            for (int i = 1; i < effective.size(); i++) {
                if (effective.get(i).splitPercent().compareTo(effective.get(largest).splitPercent()) > 0) {
                    largest = i;
                }
            }
            LineCustomerInput l = effective.get(largest);
            effective.set(largest, new LineCustomerInput(l.accountId(), l.splitPercent(), l.nteLimit(), true));
        }
        ctx.inTransaction(() -> {
            ContractLine line = line(lineId);
            Contract contract = contract(line.contractId());
            requireDraft(contract);
            for (LineCustomerInput c : effective) {
                ctx.requireExists("account", "accountid", c.accountId(), "account");
            }
            Map<UUID, LineCustomer> current = new LinkedHashMap<>();
            for (LineCustomer c : lineCustomers(lineId)) {
                current.put(c.accountId(), c);
            }
            Set<UUID> kept = new HashSet<>();
            effective.forEach(c -> kept.add(c.accountId()));
            List<LineCustomer> removed = current.values().stream().filter(c -> !kept.contains(c.accountId())).toList();
            for (LineCustomer c : removed) {
                refuseRemovalWithActuals(contract, line, c);
            }
            for (LineCustomer c : removed) {
                ctx.jdbc().update("DELETE FROM msdyn_projectcontractsplitbillingrule "
                        + "WHERE msdyn_projectcontractsplitbillingruleid = ?", c.id());
            }
            List<LineCustomerInput> added = new ArrayList<>();
            Map<String, Object> audit = ctx.created();
            for (LineCustomerInput c : effective) {
                LineCustomer existing = current.get(c.accountId());
                if (existing == null) {
                    added.add(c);
                } else {
                    ctx.jdbc().update("UPDATE msdyn_projectcontractsplitbillingrule SET msdyn_allocationpercentage = ?, "
                            + "tdm_ntelimit = ?, tdm_isrounding = ?, modifiedon = ?, modifiedby = ? "
                            + "WHERE msdyn_projectcontractsplitbillingruleid = ?", c.splitPercent(), c.nteLimit(),
                            c.rounding(), audit.get("modifiedon"), audit.get("modifiedby"), existing.id());
                }
            }
            insertCustomers(lineId, added);
        });
    }

    /**
     * §11 rule 10 [D:MCL]: a contract-line customer that actuals bill can't be removed (their billing split, backlog
     * and invoices name it); it can be set to 0 %.
     */
    private void refuseRemovalWithActuals(Contract contract, ContractLine line, LineCustomer customer) {
        Integer actuals = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM msdyn_actual WHERE "
                + "msdyn_salescontractlineid = ? AND msdyn_accountcustomer = ?", Integer.class, line.id(),
                customer.accountId());
        if (actuals == null || actuals == 0) {
            return;
        }
        String account = ctx.jdbc().queryForList("SELECT accountnumber FROM account WHERE accountid = ?", String.class,
                customer.accountId()).stream().findFirst().orElse(customer.accountId().toString());
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("contractLineId", line.id().toString());
        props.put("lineCustomerId", customer.id().toString());
        props.put("accountId", customer.accountId().toString());
        props.put("actuals", actuals);
        throw new TandemException(LINE_CUSTOMER_HAS_ACTUALS, "Contract line customer " + account + " of contract line "
                + line.lineNumber() + " '" + line.name() + "' of contract " + contract.contractNumber() + " has "
                + actuals + (actuals == 1 ? " actual" : " actuals") + ", so it can't be removed; set its billing split "
                + "to 0 % instead (§11 rule 10)", props);
    }

    /** Sets the billing type of a task, role or category on a contract line (chargeable components, §5 step 1). */
    public void setChargeability(Chargeability rule) {
        if (rule.componentType() == null || rule.billingType() == null || rule.componentId() == null) {
            throw new TandemException(INVALID_INPUT, "Chargeability needs a component type, a component and a billing type");
        }
        ctx.inTransaction(() -> {
            ContractLine line = line(rule.lineId());
            requireDraft(contract(line.contractId()));
            switch (rule.componentType()) {
                case TASK -> ctx.requireExists("msdyn_projecttask", "msdyn_projecttaskid", rule.componentId(), "task");
                case ROLE -> ctx.requireExists("bookableresourcecategory", "bookableresourcecategoryid",
                        rule.componentId(), "role");
                case CATEGORY -> ctx.requireExists("msdyn_transactioncategory", "msdyn_transactioncategoryid",
                        rule.componentId(), "transaction category");
            }
            ctx.jdbc().update("DELETE FROM tdm_contractlinechargeability WHERE salesorderdetailid = ? "
                    + "AND tdm_componenttype = ? AND tdm_componentid = ?", rule.lineId(), rule.componentType().name(),
                    rule.componentId());
            ctx.jdbc().update("INSERT INTO tdm_contractlinechargeability (salesorderdetailid, tdm_componenttype, "
                    + "tdm_componentid, msdyn_billingtype) VALUES (?, ?, ?, ?)", rule.lineId(),
                    rule.componentType().name(), rule.componentId(), rule.billingType().value());
        });
    }

    /**
     * Replaces the milestones of a fixed-price line. They must sum exactly to the line's contracted amount
     * (§11 rule 9), and can exist only on fixed-price lines; milestones with billing activity can't be replaced.
     * New milestones are "Not Ready for invoicing".
     *
     * @return the ids of the new milestones, in input order
     * @throws TandemException MILESTONES_NOT_CONTRACTED_AMOUNT, MILESTONE_NOT_ON_FIXED_PRICE_LINE, MILESTONE_STATE,
     *                         INVALID_INPUT, NOT_FOUND, CONTRACT_NOT_DRAFT
     */
    public List<UUID> setMilestones(UUID lineId, List<MilestoneInput> milestones) {
        if (milestones == null || milestones.isEmpty()) {
            throw new TandemException(INVALID_INPUT, "Contract line " + lineId + " needs at least one milestone");
        }
        return ctx.inTransaction(() -> {
            ContractLine line = line(lineId);
            Contract contract = contract(line.contractId());
            requireDraft(contract);
            if (line.billingMethod() != BillingMethod.FIXED_PRICE) {
                throw new TandemException(MILESTONE_NOT_ON_FIXED_PRICE_LINE, "Contract line '" + line.name()
                        + "' is billed Time and Material; milestones exist only on Fixed Price lines");
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (MilestoneInput m : milestones) {
                if (m.name() == null || m.name().isBlank() || m.milestoneDate() == null || m.amount() == null) {
                    throw new TandemException(INVALID_INPUT, "A milestone needs a name, a date and an amount");
                }
                nonNegative(m.amount(), "milestone amount");
                nonNegative(m.tax(), "milestone tax");
                if (m.taskId() != null) {
                    ctx.requireExists("msdyn_projecttask", "msdyn_projecttaskid", m.taskId(), "task");
                }
                sum = sum.add(m.amount());
            }
            BigDecimal contracted = line.contractedAmount() == null ? BigDecimal.ZERO : line.contractedAmount();
            String currency = contract.currency();
            if (Money.round(sum, currency).compareTo(Money.round(contracted, currency)) != 0) {
                throw new TandemException(MILESTONES_NOT_CONTRACTED_AMOUNT, "Milestones of contract line '" + line.name()
                        + "' sum to " + Money.round(sum, currency).toPlainString() + " " + currency
                        + " but its contracted amount is " + Money.round(contracted, currency).toPlainString() + " "
                        + currency, Map.of("contractLineId", lineId.toString(),
                        "sum", Money.round(sum, currency).toPlainString(),
                        "contractedAmount", Money.round(contracted, currency).toPlainString()));
            }
            List<Milestone> existing = milestones(lineId);
            for (Milestone m : existing) {
                if (m.status() != MilestoneInvoiceStatus.NOT_READY_FOR_INVOICING
                        && m.status() != MilestoneInvoiceStatus.READY_FOR_INVOICING) {
                    throw new TandemException(MILESTONE_STATE, "Milestone '" + m.name() + "' has billing activity ("
                            + m.status().label() + ") and can't be replaced");
                }
            }
            ctx.writer().delete(OperationsDataEntities.MILESTONES, existing.stream().map(Milestone::id).toList());
            List<Map<String, Object>> rows = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            for (MilestoneInput m : milestones) {
                UUID id = Ids.newId();
                ids.add(id);
                BigDecimal tax = m.tax() == null ? BigDecimal.ZERO : m.tax();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("msdyn_contractlinescheduleofvalueid", id);
                row.put("msdyn_name", m.name());
                row.put("msdyn_contractlineid", lineId);
                row.put("msdyn_salescontract", contract.id());
                row.put("msdyn_projecttask", m.taskId());
                row.put("msdyn_invoicedate", m.milestoneDate());
                row.put("msdyn_amount", m.amount());
                row.put("msdyn_tax", tax);
                row.put("msdyn_amount_after_tax", m.amount().add(tax));
                row.put("msdyn_invoicestatus", MilestoneInvoiceStatus.NOT_READY_FOR_INVOICING.value());
                row.put("transactioncurrency", currency);
                row.putAll(ctx.created());
                rows.add(row);
            }
            ctx.writer().insert(OperationsDataEntities.MILESTONES, rows);
            return ids;
        });
    }

    /**
     * Confirms a draft contract (Draft → Confirmed, one-way). Refused when it has no line, or a fixed-price line
     * whose milestones do not sum to its contracted amount.
     */
    public void confirm(UUID contractId) {
        ctx.inTransaction(() -> {
            Contract contract = contract(contractId);
            requireDraft(contract);
            List<ContractLine> lines = lines(contractId);
            if (lines.isEmpty()) {
                throw new TandemException(CONTRACT_INCOMPLETE, "Contract " + contract.contractNumber() + " has no lines");
            }
            for (ContractLine line : lines) {
                if (line.billingMethod() == BillingMethod.FIXED_PRICE) {
                    BigDecimal sum = milestones(line.id()).stream().map(Milestone::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal contracted = line.contractedAmount() == null ? BigDecimal.ZERO : line.contractedAmount();
                    if (sum.compareTo(contracted) != 0) {
                        throw new TandemException(CONTRACT_INCOMPLETE, "Contract " + contract.contractNumber()
                                + " can't be confirmed: milestones of line '" + line.name() + "' sum to "
                                + sum.toPlainString() + ", not the contracted amount " + contracted.toPlainString());
                    }
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("tdm_contractstatus", ContractStatus.CONFIRMED.value());
            values.put("tdm_confirmedon", ctx.now());
            values.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.CONTRACTS, List.of(contractId), values);
        });
    }

    /** @throws TandemException NOT_FOUND naming the contract id */
    public Contract contract(UUID contractId) {
        return findContract(contractId).orElseThrow(() -> new TandemException(NOT_FOUND,
                "Unknown contract " + contractId, Map.of("entity", "contract", "id", String.valueOf(contractId))));
    }

    public Optional<Contract> findContract(UUID contractId) {
        if (contractId == null) {
            return Optional.empty();
        }
        return ctx.jdbc().query("SELECT * FROM salesorder WHERE salesorderid = ?", this::mapContract, contractId)
                .stream().findFirst();
    }

    /** Contracts ordered by number, one page. */
    public List<Contract> contracts(int page, int size) {
        return ctx.jdbc().query("SELECT * FROM salesorder ORDER BY ordernumber LIMIT ? OFFSET ?", this::mapContract,
                size, (long) page * size);
    }

    public long contractCount() {
        Long n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM salesorder", Long.class);
        return n == null ? 0 : n;
    }

    /** @throws TandemException NOT_FOUND naming the line id */
    public ContractLine line(UUID lineId) {
        return ctx.jdbc().query("SELECT * FROM salesorderdetail WHERE salesorderdetailid = ?", this::mapLine, lineId)
                .stream().findFirst().orElseThrow(() -> new TandemException(NOT_FOUND, "Unknown contract line " + lineId,
                        Map.of("entity", "contract line", "id", String.valueOf(lineId))));
    }

    public List<ContractLine> lines(UUID contractId) {
        return ctx.jdbc().query("SELECT * FROM salesorderdetail WHERE salesorderid = ? ORDER BY lineitemnumber",
                this::mapLine, contractId);
    }

    public List<LineCustomer> lineCustomers(UUID lineId) {
        return ctx.jdbc().query("SELECT * FROM msdyn_projectcontractsplitbillingrule WHERE msdyn_contractline = ? "
                + "ORDER BY msdyn_allocationpercentage DESC, msdyn_projectcontractsplitbillingruleid", (rs, n) ->
                new LineCustomer(rs.getObject("msdyn_projectcontractsplitbillingruleid", UUID.class), lineId,
                        rs.getObject("msdyn_customer", UUID.class), rs.getBigDecimal("msdyn_allocationpercentage"),
                        rs.getBigDecimal("tdm_ntelimit"), rs.getBoolean("tdm_isrounding")), lineId);
    }

    public List<Chargeability> chargeability(UUID lineId) {
        return ctx.jdbc().query("SELECT * FROM tdm_contractlinechargeability WHERE salesorderdetailid = ?", (rs, n) ->
                new Chargeability(lineId, ComponentType.valueOf(rs.getString("tdm_componenttype")),
                        rs.getObject("tdm_componentid", UUID.class),
                        OptionValue.of(BillingType.class, rs.getInt("msdyn_billingtype"))), lineId);
    }

    public List<Milestone> milestones(UUID lineId) {
        return ctx.jdbc().query("SELECT * FROM msdyn_contractlinescheduleofvalue WHERE msdyn_contractlineid = ? "
                + "ORDER BY msdyn_invoicedate, msdyn_name", Contracts::mapMilestone, lineId);
    }

    /** Maps a milestone row (all columns of msdyn_contractlinescheduleofvalue). */
    public static Milestone mapMilestone(ResultSet rs, int n) throws SQLException {
        return new Milestone(rs.getObject("msdyn_contractlinescheduleofvalueid", UUID.class), rs.getString("msdyn_name"),
                rs.getObject("msdyn_contractlineid", UUID.class), rs.getObject("msdyn_salescontract", UUID.class),
                rs.getObject("msdyn_projecttask", UUID.class), rs.getObject("msdyn_invoicedate", java.time.LocalDate.class),
                rs.getBigDecimal("msdyn_amount"), rs.getBigDecimal("msdyn_tax"), rs.getBigDecimal("msdyn_amount_after_tax"),
                OptionValue.of(MilestoneInvoiceStatus.class, rs.getInt("msdyn_invoicestatus")),
                rs.getString("transactioncurrency"), rs.getObject("msdyn_invoice", UUID.class));
    }

    private void refuseOverlap(ContractLineInput in, Set<UUID> tasks) {
        for (ContractLine other : ctx.jdbc().query("SELECT * FROM salesorderdetail WHERE msdyn_project = ?",
                this::mapLine, in.projectId())) {
            boolean sharedClass = (in.includeTime() && other.includeTime()) || (in.includeExpense() && other.includeExpense())
                    || (in.includeMaterial() && other.includeMaterial()) || (in.includeFee() && other.includeFee());
            if (!sharedClass) {
                continue;
            }
            boolean disjointTasks = !tasks.isEmpty() && !other.taskIds().isEmpty()
                    && other.taskIds().stream().noneMatch(tasks::contains);
            if (!disjointTasks) {
                throw new TandemException(CONTRACT_LINE_OVERLAP, "Project " + in.projectId() + " and a transaction class of line '"
                        + in.name() + "' are already on contract line '" + other.name() + "'; use selected tasks with "
                        + "disjoint task sets to split a project across lines",
                        Map.of("otherContractLineId", other.id().toString()));
            }
        }
    }

    private void insertCustomers(UUID lineId, List<LineCustomerInput> customers) {
        Map<String, Object> audit = ctx.created();
        for (LineCustomerInput c : customers) {
            ctx.jdbc().update("INSERT INTO msdyn_projectcontractsplitbillingrule (msdyn_projectcontractsplitbillingruleid, "
                            + "msdyn_contractline, msdyn_customer, msdyn_allocationpercentage, tdm_ntelimit, tdm_isrounding, "
                            + "createdon, createdby, modifiedon, modifiedby) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Ids.newId(), lineId, c.accountId(), c.splitPercent(), c.nteLimit(), c.rounding(),
                    audit.get("createdon"), audit.get("createdby"), audit.get("modifiedon"), audit.get("modifiedby"));
        }
    }

    private static void requireDraft(Contract contract) {
        if (contract.status() != ContractStatus.DRAFT) {
            throw new TandemException(CONTRACT_NOT_DRAFT, "Contract " + contract.contractNumber() + " is "
                    + contract.status().label() + "; only a draft contract can be changed");
        }
    }

    private static void nonNegative(BigDecimal value, String what) {
        if (value != null && value.signum() < 0) {
            throw new TandemException(INVALID_INPUT, "The " + what + " must not be negative, not " + value.toPlainString());
        }
    }

    private Contract mapContract(ResultSet rs, int n) throws SQLException {
        return new Contract(rs.getObject("salesorderid", UUID.class), rs.getString("ordernumber"), rs.getString("name"),
                rs.getObject("customerid", UUID.class), rs.getObject("msdyn_contractorganizationalunitid", UUID.class),
                rs.getString("transactioncurrency").trim(), rs.getObject("pricelevelid", UUID.class),
                OptionValue.of(ContractStatus.class, rs.getInt("tdm_contractstatus")), rs.getBigDecimal("tdm_ntelimit"));
    }

    private ContractLine mapLine(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("salesorderdetailid", UUID.class);
        Set<UUID> tasks = new HashSet<>(ctx.jdbc().queryForList(
                "SELECT msdyn_projecttaskid FROM tdm_contractlinetask WHERE salesorderdetailid = ?", UUID.class, id));
        return new ContractLine(id, rs.getObject("salesorderid", UUID.class), rs.getInt("lineitemnumber"),
                rs.getString("productdescription"), OptionValue.of(BillingMethod.class, rs.getInt("msdyn_billingmethod")),
                rs.getObject("msdyn_project", UUID.class), rs.getBoolean("msdyn_includetime"),
                rs.getBoolean("msdyn_includeexpense"), rs.getBoolean("msdyn_includematerial"),
                rs.getBoolean("msdyn_includefee"), tasks, rs.getBigDecimal("tdm_ntelimit"),
                rs.getBigDecimal("tdm_contractedamount"));
    }
}
