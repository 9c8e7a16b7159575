package dev.tandem.finance.setup;

import static dev.tandem.finance.FinanceError.DUPLICATE;
import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.NOT_FOUND;
import static dev.tandem.dualwrite.AppContext.row;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.project.ProjectDataEntities;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finance setup (§3.8, §9): legal entities with an accounting currency and their parameters, the fiscal calendar,
 * main accounts, customers, project groups and projects, project cost and revenue profiles and their rules, line
 * properties with the billing-type defaults, project categories with the project category defaults, and number
 * sequences. Every create validates and refuses duplicates;
 * nothing is written when it fails.
 *
 * <p>Legal entities, customers and projects are data entities ({@link SetupDataEntities},
 * {@link ProjectDataEntities#PROJECTS}): their rows are written through the data-entity writer, so each change is in
 * the outbox in the same transaction.
 */
public final class FinanceSetup {

    private final FinanceContext ctx;

    public FinanceSetup(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A legal entity. {@code periodUnit}: DAYS, MONTHS, YEARS or ALL (integration journal grouping, §3.8);
     * {@code autoOpenPeriod}: "Automatically set accounting date to open ledger period"; {@code taxGroupMethod}:
     * PROJECT, CONTRACT, CUSTOMER or SEARCH (§3.8); {@code roundingAccount}: where currency-conversion rounding
     * differences go.
     */
    public record LegalEntityInput(String dataAreaId, String name, String accountingCurrency, String exchangeRateType,
                                   String periodUnit, boolean autoOpenPeriod, String taxGroupMethod,
                                   boolean proposalWorkflow, String roundingAccount) {
    }

    public void createLegalEntity(LegalEntityInput in) {
        required(in.dataAreaId(), "legal entity id");
        required(in.name(), "legal entity name");
        currency(in.accountingCurrency());
        ctx.inTransaction(() -> {
            unique("legal_entity", "dataareaid = ?", "Legal entity '" + in.dataAreaId() + "'", in.dataAreaId());
            insertEntityRow(SetupDataEntities.LEGAL_ENTITIES,
                    row("dataareaid", in.dataAreaId(), "name", in.name(), "accountingcurrency",
                    in.accountingCurrency(), "exchangeratetype", orDefault(in.exchangeRateType(), "ECB"),
                    "journalperiodunit", orDefault(in.periodUnit(), "MONTHS"), "autoopenperiod", in.autoOpenPeriod(),
                    "salestaxgroupmethod", orDefault(in.taxGroupMethod(), "SEARCH"), "proposalworkflow",
                    in.proposalWorkflow(), "roundingaccount", in.roundingAccount()));
        });
    }

    /** Monthly periods from {@code firstMonth} for {@code months} months, all OPEN. */
    public void createMonthlyPeriods(String dataAreaId, LocalDate firstMonth, int months) {
        if (months < 1 || months > 1200) {
            throw new TandemException(INVALID_INPUT, "A fiscal calendar has 1 to 1200 months, not " + months);
        }
        ctx.inTransaction(() -> {
            requireEntity(dataAreaId);
            LocalDate start = firstMonth.withDayOfMonth(1);
            for (int i = 0; i < months; i++) {
                LocalDate from = start.plusMonths(i);
                unique("fiscal_period", "dataareaid = ? AND periodstart = ?", "Period " + from, dataAreaId, from);
                ctx.insertAudited("fiscal_period", row("dataareaid", dataAreaId, "periodstart", from, "periodend",
                        from.plusMonths(1).minusDays(1), "name", from.getYear() + "-" + String.format("%02d",
                                from.getMonthValue()), "status", PeriodStatus.OPEN.name()));
            }
        });
    }

    public void createMainAccount(String dataAreaId, String accountId, String name, String type) {
        required(accountId, "main account");
        ctx.inTransaction(() -> {
            requireEntity(dataAreaId);
            unique("mainaccount", "dataareaid = ? AND mainaccountid = ?", "Main account " + accountId, dataAreaId, accountId);
            ctx.insertAudited("mainaccount",
                    row("dataareaid", dataAreaId, "mainaccountid", accountId, "name", name, "accounttype", type));
        });
    }

    /** A customer: account number, group, payment terms in days, currency, optional sales tax group. */
    public void createCustomer(String dataAreaId, String accountNum, String name, String group, int paymentTermDays,
                               String currency, String taxGroup) {
        required(accountNum, "customer account");
        currency(currency);
        ctx.inTransaction(() -> {
            requireEntity(dataAreaId);
            unique("custtable", "dataareaid = ? AND accountnum = ?", "Customer " + accountNum, dataAreaId, accountNum);
            insertEntityRow(SetupDataEntities.CUSTOMERS,
                    row("dataareaid", dataAreaId, "accountnum", accountNum, "name", name, "custgroup", group,
                    "paymtermdays", paymentTermDays, "currency", currency, "taxgroup", taxGroup));
        });
    }

    public void createProjectGroup(String dataAreaId, String groupId, String name) {
        ctx.inTransaction(() -> {
            requireEntity(dataAreaId);
            unique("projgroup", "dataareaid = ? AND projgroupid = ?", "Project group " + groupId, dataAreaId, groupId);
            ctx.insertAudited("projgroup", row("dataareaid", dataAreaId, "projgroupid", groupId, "name", name));
        });
    }

    /** A project as Finance knows it: its group, contract (ProjInvoiceProjId) and customer. */
    public void createProject(String dataAreaId, String projId, String name, String groupId, String contractId,
                              String customer, String taxGroup) {
        ctx.inTransaction(() -> {
            requireEntity(dataAreaId);
            unique("projtable", "dataareaid = ? AND projid = ?", "Project " + projId, dataAreaId, projId);
            insertEntityRow(ProjectDataEntities.PROJECTS,
                    row("dataareaid", dataAreaId, "projid", projId, "name", name, "projgroupid", groupId,
                    "projinvoiceprojid", contractId, "custaccount", customer, "taxgroup", taxGroup));
        });
    }

    /**
     * A project cost and revenue profile (§9). With {@code accrueRevenue} the WIP sales value and accrued revenue
     * accounts are required.
     */
    public record ProfileInput(String profileId, String name, boolean accrueRevenue, String costAccount,
                               String costOffsetAccount, String wipSalesValueAccount, String accruedRevenueAccount,
                               String invoicedRevenueAccount, String onAccountRevenueAccount, String wipOnAccountAccount,
                               String customerBalanceAccount, String salesTaxPayableAccount) {
    }

    public void createProfile(String dataAreaId, ProfileInput in) {
        if (in.accrueRevenue() && (in.wipSalesValueAccount() == null || in.accruedRevenueAccount() == null)) {
            throw new TandemException(INVALID_INPUT, "Profile " + in.profileId() + " accrues revenue, so it needs the WIP "
                    + "sales value and accrued revenue accounts (§9)");
        }
        ctx.inTransaction(() -> {
            requireEntity(dataAreaId);
            unique("projpostingprofile", "dataareaid = ? AND profileid = ?", "Profile " + in.profileId(), dataAreaId,
                    in.profileId());
            for (String account : new String[] {in.costAccount(), in.costOffsetAccount(), in.wipSalesValueAccount(),
                    in.accruedRevenueAccount(), in.invoicedRevenueAccount(), in.onAccountRevenueAccount(),
                    in.wipOnAccountAccount(), in.customerBalanceAccount(), in.salesTaxPayableAccount()}) {
                if (account != null) {
                    requireRow("mainaccount", "dataareaid = ? AND mainaccountid = ?", "Main account " + account,
                            dataAreaId, account);
                }
            }
            ctx.insertAudited("projpostingprofile",
                    row("dataareaid", dataAreaId, "profileid", in.profileId(), "name", in.name(),
                    "accruerevenue", in.accrueRevenue(), "costaccount", in.costAccount(), "costoffsetaccount",
                    in.costOffsetAccount(), "wipsalesvalueaccount", in.wipSalesValueAccount(), "accruedrevenueaccount",
                    in.accruedRevenueAccount(), "invoicedrevenueaccount", in.invoicedRevenueAccount(),
                    "onaccountrevenueaccount", in.onAccountRevenueAccount(), "wiponaccountaccount", in.wipOnAccountAccount(),
                    "customerbalanceaccount", in.customerBalanceAccount(), "salestaxpayableaccount",
                    in.salesTaxPayableAccount()));
        });
    }

    /** A profile rule at PROJECT, CONTRACT or PROJECT_GROUP level (§9). */
    public void createProfileRule(String dataAreaId, ProfileRuleLevel level, String key, String profileId) {
        ctx.inTransaction(() -> {
            requireRow("projpostingprofile", "dataareaid = ? AND profileid = ?", "Profile " + profileId, dataAreaId, profileId);
            unique("projpostingprofilerule", "dataareaid = ? AND rulelevel = ? AND rulekey = ?", "A " + level + " rule for "
                    + key, dataAreaId, level.name(), key);
            ctx.insertAudited("projpostingprofilerule",
                    row("dataareaid", dataAreaId, "rulelevel", level.name(), "rulekey", key,
                    "profileid", profileId));
        });
    }

    /**
     * A line property, and the billing types that default to it (§3.8 "Billing type defaults"): Dataverse
     * msdyn_billingtype values, or {@link BillingTypes#NOT_SPECIFIED} (0) for a blank
     * billing type.
     *
     * @throws TandemException INVALID_INPUT naming a billing type that is none of Not specified, Non chargeable,
     *                         Chargeable, Complimentary, Not available; CONFLICT when the line property or a billing
     *                         type's default exists already
     */
    public void createLineProperty(String dataAreaId, String linePropertyId, String name, boolean toBeInvoiced,
                                   List<Integer> billingTypes) {
        for (Integer type : billingTypes) {
            if (type == null || !BillingTypes.isDefaultKey(type)) {
                throw new TandemException(INVALID_INPUT, "Line property " + linePropertyId + ": billing type " + type
                        + " is none of the billing type defaults (§3.8): " + BillingTypes.NOT_SPECIFIED + " Not specified, "
                        + BillingTypes.NON_CHARGEABLE + " Non chargeable, " + BillingTypes.CHARGEABLE + " Chargeable, "
                        + BillingTypes.COMPLIMENTARY + " Complimentary, " + BillingTypes.NOT_AVAILABLE + " Not available");
            }
        }
        ctx.inTransaction(() -> {
            requireEntity(dataAreaId);
            unique("projlineproperty", "dataareaid = ? AND linepropertyid = ?", "Line property " + linePropertyId,
                    dataAreaId, linePropertyId);
            ctx.insertAudited("projlineproperty",
                    row("dataareaid", dataAreaId, "linepropertyid", linePropertyId, "name", name,
                    "tobeinvoiced", toBeInvoiced));
            for (Integer type : billingTypes) {
                ctx.jdbc().update("INSERT INTO billingtypedefault (dataareaid, billingtype, linepropertyid) VALUES (?, ?, ?)",
                        dataAreaId, type, linePropertyId);
            }
        });
    }

    /**
     * A project category of the legal entity (§3.8 Category). {@code categoryId} is what staged actuals name as
     * {@code TransactionCategoryId}: the name of the Project Operations transaction category.
     *
     * @throws TandemException INVALID_INPUT for a missing id or name or an id longer than 50; NOT_FOUND for an unknown
     *                         legal entity; DUPLICATE when the category exists
     */
    public void createProjectCategory(String dataAreaId, String categoryId, String name) {
        required(categoryId, "project category id");
        required(name, "project category name");
        if (categoryId.length() > 50) {
            throw new TandemException(INVALID_INPUT, "Project category id " + categoryId + " is longer than 50");
        }
        ctx.inTransaction(() -> {
            requireEntity(dataAreaId);
            unique("projcategory", "dataareaid = ? AND categoryid = ?", "Project category " + categoryId, dataAreaId,
                    categoryId);
            ctx.insertAudited("projcategory", row("dataareaid", dataAreaId, "categoryid", categoryId, "name", name));
        });
    }

    /**
     * Sets the "Project category default" of a transaction classification (§3.8 Category): the category of lines whose
     * actual has no project category of the legal entity. Replaces an earlier default of the classification.
     *
     * @param transactionClassification Dataverse value: 192350000 Time, 192350001 Expense, 192350002 Material,
     *                                  192350003 Milestone, 192350004 Fee
     * @throws TandemException INVALID_INPUT for another classification; NOT_FOUND for an unknown legal entity or
     *                         project category
     */
    public void setProjectCategoryDefault(String dataAreaId, int transactionClassification, String categoryId) {
        if (!ProjectCategories.CLASSIFICATIONS.contains(transactionClassification)) {
            throw new TandemException(INVALID_INPUT, "Transaction classification " + transactionClassification
                    + " has no project category default; Time, Expense, Material, Milestone and Fee do");
        }
        ctx.inTransaction(() -> {
            requireEntity(dataAreaId);
            requireRow("projcategory", "dataareaid = ? AND categoryid = ?", "Project category " + categoryId
                    + " of legal entity " + dataAreaId, dataAreaId, categoryId);
            ctx.jdbc().update("DELETE FROM projcategorydefault WHERE dataareaid = ? AND transactionclassification = ?",
                    dataAreaId, transactionClassification);
            ctx.jdbc().update("INSERT INTO projcategorydefault (dataareaid, transactionclassification, categoryid) "
                    + "VALUES (?, ?, ?)", dataAreaId, transactionClassification, categoryId);
        });
    }

    /** A number sequence; {@code allowManual} lets a supplied number (lower or higher) be used (§11 item 17). */
    public void createNumberSequence(String dataAreaId, String code, String prefix, int width, boolean allowManual) {
        ctx.inTransaction(() -> {
            requireEntity(dataAreaId);
            unique("numbersequencetable", "dataareaid = ? AND code = ?", "Number sequence " + code, dataAreaId, code);
            ctx.jdbc().update("INSERT INTO numbersequencetable (dataareaid, code, prefix, width, nextrec, allowmanual) "
                    + "VALUES (?, ?, ?, ?, 1, ?)", dataAreaId, code, prefix, width, allowManual);
        });
    }

    /** Sets a period's status (OPEN, ON_HOLD, CLOSED). */
    public void setPeriodStatus(String dataAreaId, LocalDate periodStart, PeriodStatus status) {
        ctx.inTransaction(() -> {
            Map<String, Object> audit = ctx.modified();
            int n = ctx.jdbc().update("UPDATE fiscal_period SET status = ?, modifiedon = ?, modifiedby = ? WHERE "
                    + "dataareaid = ? AND periodstart = ?", status.name(), audit.get("modifiedon"), audit.get("modifiedby"),
                    dataAreaId, periodStart);
            if (n == 0) {
                throw new TandemException(NOT_FOUND, "Legal entity " + dataAreaId + " has no period starting " + periodStart);
            }
        });
    }

    /**
     * Inserts one row of a data entity's table with the audit columns, through the data-entity writer, so the change
     * reaches the outbox and the map that reads the entity (DESIGN §3).
     */
    private void insertEntityRow(DataEntityDefinition entity, Map<String, Object> values) {
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.putAll(ctx.created());
        ctx.writer().insert(entity, List.of(all));
    }

    private void requireEntity(String dataAreaId) {
        requireRow("legal_entity", "dataareaid = ?", "Legal entity " + dataAreaId, dataAreaId);
    }

    private void requireRow(String table, String where, String what, Object... args) {
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Integer.class, args);
        if (n == null || n == 0) {
            throw new TandemException(NOT_FOUND, what + " doesn't exist");
        }
    }

    private void unique(String table, String where, String what, Object... args) {
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Integer.class, args);
        if (n != null && n > 0) {
            throw new TandemException(DUPLICATE, what + " already exists");
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static void required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new TandemException(INVALID_INPUT, what + " is required");
        }
    }

    private static void currency(String code) {
        required(code, "currency");
        try {
            Money.minorUnits(code);
        } catch (IllegalArgumentException e) {
            throw new TandemException(INVALID_INPUT, "Unknown currency " + code + " (ISO 4217 code expected)");
        }
    }
}
