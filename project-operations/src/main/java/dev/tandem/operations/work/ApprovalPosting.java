package dev.tandem.operations.work;

import static dev.tandem.operations.OperationsError.CURRENCY_MISMATCH;
import static dev.tandem.operations.OperationsError.NO_CONTRACT_LINE;

import dev.tandem.common.Ids;
import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.actuals.ActualRow;
import dev.tandem.operations.actuals.AmountMethod;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.ConnectionRole;
import dev.tandem.operations.actuals.CustomerType;
import dev.tandem.operations.actuals.NteStatus;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionLinks;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.ContractRecords.LineCustomer;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.nte.NotToExceed;
import dev.tandem.operations.pricing.Price;
import dev.tandem.operations.pricing.PriceLookup;
import dev.tandem.operations.pricing.PricedItem;
import dev.tandem.operations.rows.Audit;
import dev.tandem.operations.work.BillingSetup.LineInfo;
import dev.tandem.operations.work.BillingSetup.ProjectInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates the actuals of approved work (§5 step 3, §3.1, §3.6):
 * <ul>
 *   <li>a <b>Cost</b> actual at the cost price of the project's contracting unit, in the unit's currency (fees have
 *       no cost);</li>
 *   <li>for work billed by a <b>Time and Material</b> contract line, one <b>Unbilled Sales</b> actual per
 *       contract-line customer at the contract's sales price, split by billing split % with no lost cent (the
 *       rounding difference goes to the customer flagged "Is Rounding"), chargeable or not as the line says
 *       (non-chargeable whatever the line says when the entry was entered so, §4.4), evaluated for
 *       not-to-exceed;</li>
 *   <li>a transaction connection Unbilled Sales ↔ Cost per unbilled actual, and a transaction origin per actual
 *       pointing at the work entry.</li>
 * </ul>
 * Every actual of a work entry with a bookable resource carries the resource's organizational unit as its
 * resourcing unit ({@code msdyn_resourceorganizationalunitid}, §3.1), as it is at approval; the actuals derived
 * from it later (reversals, replacements, billed sales) copy it ({@link ActualRow}), and the msdyn_actuals map
 * carries it to staging's {@code ResourceOperationUnitId} (§3.7, §7.1).
 * Amounts are rounded once, to the currency's minor units, by {@link Money}. All rows of a call are written in
 * JDBC batches through the outbox write path.
 */
public final class ApprovalPosting {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int QUANTITY_SCALE = 2;

    private final OperationsContext ctx;
    private final Contracts contracts;
    private final NotToExceed nte;

    public ApprovalPosting(OperationsContext ctx, Contracts contracts, NotToExceed nte) {
        this.ctx = ctx;
        this.contracts = contracts;
        this.nte = nte;
    }

    /**
     * Posts the actuals of approved entries in the caller's transaction.
     *
     * @return number of actuals created
     * @throws TandemException PRICE_LIST_NOT_FOUND, PRICE_NOT_FOUND, CURRENCY_MISMATCH, NO_CONTRACT_LINE, each
     *                         naming the work entry
     */
    public int post(List<WorkEntry> entries) {
        BillingSetup setup = new BillingSetup(ctx, contracts);
        PriceLookup prices = new PriceLookup(ctx);
        TransactionLinks links = new TransactionLinks(ctx);
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, UUID> resourcingUnits = new HashMap<>();
        List<ActualRow> costRows = new ArrayList<>();
        List<ActualRow> salesRows = new ArrayList<>();
        for (WorkEntry entry : entries) {
            try {
                build(entry, setup, prices, links, names, resourcingUnits, costRows, salesRows);
            } catch (TandemException e) {
                Map<String, Object> props = new LinkedHashMap<>(e.properties());
                props.put("entryId", entry.id().toString());
                throw new TandemException(e.errorCode(), "Work entry " + entry.id() + ": " + e.detail(), props);
            }
        }
        List<ActualRow> all = new ArrayList<>(costRows);
        all.addAll(nte.evaluateNew(salesRows));
        ActualRow.ROWS.insert(ctx.writer(), all);
        links.flush();
        return all.size();
    }

    private void build(WorkEntry entry, BillingSetup setup, PriceLookup prices, TransactionLinks links,
                       Map<UUID, String> names, Map<UUID, UUID> resourcingUnits, List<ActualRow> costRows,
                       List<ActualRow> salesRows) {
        ProjectInfo project = setup.project(entry.projectId());
        Optional<LineInfo> line = setup.line(entry);
        BillingType billingType = line.map(l -> billingType(entry, l)).orElse(BillingType.NOT_AVAILABLE);
        boolean billed = line.isPresent() && line.get().timeAndMaterial();
        UUID resourcingUnit = resourcingUnit(entry.resourceId(), resourcingUnits);

        UUID costId = null;
        if (entry.transactionClass() != TransactionClassification.FEE) {
            Price cost = costPrice(entry, project, prices, names, billed);
            ActualRow row = base(entry, project, line, billingType, resourcingUnit)
                    .transactionType(TransactionType.COST)
                    .quantity(entry.quantity())
                    .price(cost.unitPrice())
                    .amount(Money.round(entry.quantity().multiply(cost.unitPrice()), project.unitCurrency()))
                    .currency(project.unitCurrency())
                    .priceListId(cost.priceListId())
                    .nteStatus(NteStatus.NOT_APPLICABLE)
                    .build();
            costId = row.id();
            costRows.add(row);
            links.origin(entry.id(), entry.documentType(), costId);
        } else if (!billed) {
            throw new TandemException(NO_CONTRACT_LINE, "no Time and Material contract line of project "
                    + project.number() + " includes fees, so the fee can't be billed");
        }
        if (!billed) {
            return;
        }
        LineInfo info = line.get();
        Price sales = salesPrice(entry, info, prices, names);
        String currency = info.contract().currency();
        BigDecimal whole = entry.quantity().multiply(sales.unitPrice());
        // A customer at 0 % (one that has actuals and can't be removed, §11 rule 10) gets no new actuals at all,
        // not zero-amount ones; the others share the whole.
        List<LineCustomer> customers = info.customers().stream().filter(c -> c.splitPercent().signum() > 0).toList();
        List<BigDecimal> percents = customers.stream().map(LineCustomer::splitPercent).toList();
        int rounding = roundingCustomer(customers);
        List<Money> amounts = Money.of(whole, currency).allocate(percents, rounding);
        List<BigDecimal> quantities = Money.split(entry.quantity(), QUANTITY_SCALE, percents, rounding);
        for (int i = 0; i < customers.size(); i++) {
            ActualRow row = base(entry, project, line, billingType, resourcingUnit)
                    .transactionType(TransactionType.UNBILLED_SALES)
                    .billingStatus(BillingStatus.UNBILLED_SALES_CREATED)
                    .quantity(quantities.get(i))
                    .price(sales.unitPrice())
                    .amount(amounts.get(i).amount())
                    .currency(currency)
                    .priceListId(sales.priceListId())
                    .customerId(customers.get(i).accountId())
                    .customerType(CustomerType.ACCOUNT)
                    .build();
            UUID salesId = row.id();
            salesRows.add(row);
            links.origin(entry.id(), entry.documentType(), salesId);
            if (costId != null) {
                links.connect(salesId, ConnectionRole.UNBILLED_SALES, costId, ConnectionRole.COST);
            }
        }
    }

    /**
     * The entry's own billing type when it was entered as not to be charged (non-billable work, §4.4), else the
     * contract line's chargeability (§5 step 1).
     */
    private static BillingType billingType(WorkEntry entry, LineInfo line) {
        BillingType own = entry.billingType();
        return own == null || own == BillingType.CHARGEABLE ? line.billingType(entry) : own;
    }

    private Price costPrice(WorkEntry entry, ProjectInfo project, PriceLookup prices, Map<UUID, String> names,
                            boolean billed) {
        Price price;
        if (entry.transactionClass() == TransactionClassification.EXPENSE && entry.price() != null) {
            // The receipt's own cost, entered in the unit's currency.
            requireSameCurrency("expense currency", entry.currency(), "organizational unit '" + project.unitName() + "'",
                    project.unitCurrency());
            return new Price(null, "entered receipt", entry.currency(), entry.price());
        }
        price = prices.costPrice(project.contractingUnitId(), project.unitName(), item(entry, names), entry.date());
        requireSameCurrency("cost price list '" + price.priceListName() + "'", price.currency(),
                "organizational unit '" + project.unitName() + "'", project.unitCurrency());
        if (!billed && entry.currency() != null) {
            requireSameCurrency("entry currency", entry.currency(), "price list '" + price.priceListName() + "'",
                    price.currency());
        }
        return price;
    }

    private Price salesPrice(WorkEntry entry, LineInfo line, PriceLookup prices, Map<UUID, String> names) {
        String contractCurrency = line.contract().currency();
        if (entry.transactionClass() == TransactionClassification.FEE) {
            requireSameCurrency("fee currency", entry.currency(), "contract " + line.contract().contractNumber(),
                    contractCurrency);
            return new Price(null, "entered fee", entry.currency(), entry.price());
        }
        Price price = prices.salesPrice(line.contract().id(), line.contract().contractNumber(), item(entry, names),
                entry.date());
        if (entry.currency() != null && !(entry.transactionClass() == TransactionClassification.EXPENSE && entry.price() != null)) {
            requireSameCurrency("entry currency", entry.currency(), "price list '" + price.priceListName() + "'",
                    price.currency());
        }
        requireSameCurrency("sales price list '" + price.priceListName() + "'", price.currency(),
                "contract " + line.contract().contractNumber(), contractCurrency);
        return price;
    }

    private PricedItem item(WorkEntry entry, Map<UUID, String> names) {
        return switch (entry.transactionClass()) {
            case TIME -> new PricedItem.Role(entry.roleId(), name(names, "SELECT name FROM bookableresourcecategory "
                    + "WHERE bookableresourcecategoryid = ?", entry.roleId()));
            case EXPENSE -> new PricedItem.Category(entry.categoryId(), name(names, "SELECT msdyn_name FROM "
                    + "msdyn_transactioncategory WHERE msdyn_transactioncategoryid = ?", entry.categoryId()));
            default -> new PricedItem.Product(entry.productId(), name(names, "SELECT name FROM product WHERE productid = ?",
                    entry.productId()));
        };
    }

    private String name(Map<UUID, String> names, String sql, UUID id) {
        return names.computeIfAbsent(id, k -> ctx.jdbc().queryForObject(sql, String.class, k));
    }

    private static void requireSameCurrency(String what, String currency, String against, String expected) {
        if (!expected.equals(currency)) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("currency", String.valueOf(currency));
            props.put("expectedCurrency", expected);
            throw new TandemException(CURRENCY_MISMATCH, "The " + what + " is " + currency + " but " + against + " is in "
                    + expected, props);
        }
    }

    /**
     * The customer that takes the rounding difference: the flagged one, or — when it is not among {@code customers}
     * (a 0 % customer flagged) — the largest split; {@code customers} come largest split first.
     */
    private static int roundingCustomer(List<LineCustomer> customers) {
        for (int i = 0; i < customers.size(); i++) {
            if (customers.get(i).rounding()) {
                return i;
            }
        }
        return 0;
    }

    /** The organizational unit of a bookable resource, its resourcing unit (§3.1); {@code null} without a resource. */
    private UUID resourcingUnit(UUID resourceId, Map<UUID, UUID> cache) {
        if (resourceId == null) {
            return null;
        }
        return cache.computeIfAbsent(resourceId, id -> ctx.jdbc().queryForObject("SELECT msdyn_organizationalunit "
                + "FROM bookableresource WHERE bookableresourceid = ?", UUID.class, id));
    }

    /** What the cost and the unbilled sales actuals of an entry share (§3.1); the caller sets the rest. */
    private ActualRow.Builder base(WorkEntry entry, ProjectInfo project, Optional<LineInfo> line,
                                   BillingType billingType, UUID resourcingUnit) {
        return new ActualRow.Builder()
                .id(Ids.newId())
                .description(entry.description())
                .externalDescription(entry.externalDescription())
                .classification(entry.transactionClass())
                .billingType(billingType)
                .amountMethod(AmountMethod.MULTIPLY_QUANTITY_BY_PRICE)
                .documentDate(entry.date())
                .accountingDate(entry.date())
                .startDate(entry.date())
                .endDate(entry.date())
                .projectId(entry.projectId())
                .taskId(entry.taskId())
                .contractId(line.map(l -> l.contract().id()).orElse(null))
                .contractLineId(line.map(l -> l.line().id()).orElse(null))
                .resourceId(entry.resourceId())
                .roleId(entry.roleId())
                .resourcingUnitId(resourcingUnit)
                .contractingUnitId(project.contractingUnitId())
                .categoryId(entry.categoryId())
                .productId(entry.productId())
                .unit(entry.transactionClass() == TransactionClassification.TIME ? "hour" : "each")
                .journalized(false)
                .skipSync(false)
                .sourceDocumentType(entry.documentType())
                .sourceDocumentId(entry.id())
                .audit(Audit.created(ctx));
    }
}
