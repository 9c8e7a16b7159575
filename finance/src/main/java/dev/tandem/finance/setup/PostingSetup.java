package dev.tandem.finance.setup;

import static dev.tandem.finance.FinanceError.NOT_FOUND;
import static dev.tandem.finance.FinanceError.PERIOD_CLOSED;
import static dev.tandem.finance.FinanceError.POSTING_SETUP_MISSING;
import static dev.tandem.finance.FinanceError.PROJECT_NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reads the setup that posting needs: legal-entity parameters, the project cost and revenue profile of a project
 * (§9: the most specific rule wins — project, then contract, then project group), and the accounting date a
 * posting may use (§11 item 20: a closed period is refused unless "Automatically set accounting date to open ledger
 * period" is on, which moves it to the first open period after).
 */
public final class PostingSetup {

    private final FinanceContext ctx;

    public PostingSetup(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /** The legal-entity parameters posting reads. */
    public record LegalEntity(String dataAreaId, String accountingCurrency, String exchangeRateType, String periodUnit,
                              boolean autoOpenPeriod, String taxGroupMethod, boolean proposalWorkflow,
                              String roundingAccount) {
    }

    /** A project cost and revenue profile: its accounts and whether revenue is accrued (WIP). */
    public record Profile(String profileId, boolean accrueRevenue, String costAccount, String costOffsetAccount,
                          String wipSalesValueAccount, String accruedRevenueAccount, String invoicedRevenueAccount,
                          String onAccountRevenueAccount, String wipOnAccountAccount, String customerBalanceAccount,
                          String salesTaxPayableAccount) {
    }

    /** The ids (dataAreaId) of every legal entity, in order; the periodic jobs (§8) run once for each. */
    public List<String> dataAreaIds() {
        return ctx.jdbc().queryForList("SELECT dataareaid FROM legal_entity ORDER BY dataareaid", String.class);
    }

    /** @throws TandemException NOT_FOUND naming the legal entity */
    public LegalEntity legalEntity(String dataAreaId) {
        return ctx.jdbc().query("SELECT * FROM legal_entity WHERE dataareaid = ?", (rs, n) -> new LegalEntity(
                rs.getString("dataareaid"), rs.getString("accountingcurrency").trim(), rs.getString("exchangeratetype"),
                rs.getString("journalperiodunit"), rs.getBoolean("autoopenperiod"), rs.getString("salestaxgroupmethod"),
                rs.getBoolean("proposalworkflow"), rs.getString("roundingaccount")), dataAreaId).stream().findFirst()
                .orElseThrow(() -> new TandemException(NOT_FOUND, "Legal entity " + dataAreaId + " doesn't exist"));
    }

    /**
     * The profile of a project: a PROJECT rule for it, else a CONTRACT rule for its contract, else a PROJECT_GROUP
     * rule for its group.
     *
     * @throws TandemException PROJECT_NOT_FOUND; POSTING_SETUP_MISSING naming the project when no rule applies
     */
    public Profile profile(String dataAreaId, String projectId) {
        List<Map<String, Object>> project = ctx.jdbc().queryForList("SELECT projgroupid, projinvoiceprojid FROM projtable "
                + "WHERE dataareaid = ? AND projid = ?", dataAreaId, projectId);
        if (project.isEmpty()) {
            throw new TandemException(PROJECT_NOT_FOUND, "Project " + projectId + " doesn't exist in legal entity "
                    + dataAreaId, Map.of("projectId", projectId));
        }
        Object contract = project.get(0).get("projinvoiceprojid");
        Object group = project.get(0).get("projgroupid");
        List<String> ids = ctx.jdbc().queryForList("SELECT profileid FROM projpostingprofilerule WHERE dataareaid = ? AND ("
                + "(rulelevel = 'PROJECT' AND rulekey = ?) OR (rulelevel = 'CONTRACT' AND rulekey = ?) OR "
                + "(rulelevel = 'PROJECT_GROUP' AND rulekey = ?)) ORDER BY CASE rulelevel WHEN 'PROJECT' THEN 1 "
                + "WHEN 'CONTRACT' THEN 2 ELSE 3 END", String.class, dataAreaId, projectId,
                contract == null ? "" : contract, group);
        if (ids.isEmpty()) {
            throw new TandemException(POSTING_SETUP_MISSING, "No project cost and revenue profile rule applies to project "
                    + projectId + " (its project, contract or project group); set one up before posting (§9)",
                    Map.of("projectId", projectId));
        }
        return ctx.jdbc().queryForObject("SELECT * FROM projpostingprofile WHERE dataareaid = ? AND profileid = ?",
                (rs, n) -> new Profile(rs.getString("profileid"), rs.getBoolean("accruerevenue"), rs.getString("costaccount"),
                        rs.getString("costoffsetaccount"), rs.getString("wipsalesvalueaccount"),
                        rs.getString("accruedrevenueaccount"), rs.getString("invoicedrevenueaccount"),
                        rs.getString("onaccountrevenueaccount"), rs.getString("wiponaccountaccount"),
                        rs.getString("customerbalanceaccount"), rs.getString("salestaxpayableaccount")),
                dataAreaId, ids.get(0));
    }

    /**
     * The accounting date to post on: {@code date} when its period is open; with "Automatically set accounting
     * date to open ledger period", the first day of the next open period after it.
     *
     * @throws TandemException PERIOD_CLOSED with the wording of §11 item 20 when no open period can take the date;
     *                         NOT_FOUND naming an unknown legal entity
     */
    public LocalDate accountingDate(String dataAreaId, LocalDate date) {
        return calendar(dataAreaId).accountingDate(date);
    }

    /**
     * The legal entity's fiscal periods as they are now, read in one query, to find many accounting dates without a
     * round trip each (posting reads it once per chunk of lines).
     *
     * @throws TandemException NOT_FOUND naming an unknown legal entity
     */
    public Calendar calendar(String dataAreaId) {
        LegalEntity entity = legalEntity(dataAreaId);
        List<Period> periods = ctx.jdbc().query("SELECT periodstart, periodend, status FROM fiscal_period WHERE "
                + "dataareaid = ? ORDER BY periodstart", (rs, n) -> new Period(rs.getObject(1, LocalDate.class),
                rs.getObject(2, LocalDate.class), rs.getString(3)), dataAreaId);
        return new Calendar(dataAreaId, entity.autoOpenPeriod(), periods);
    }

    private record Period(LocalDate start, LocalDate end, String status) {
    }

    /**
     * A snapshot of a legal entity's fiscal periods and its "Automatically set accounting date to open ledger period"
     * parameter (§11 item 20).
     */
    public static final class Calendar {

        private final String dataAreaId;
        private final boolean autoOpenPeriod;
        private final List<Period> periods;

        private Calendar(String dataAreaId, boolean autoOpenPeriod, List<Period> periods) {
            this.dataAreaId = dataAreaId;
            this.autoOpenPeriod = autoOpenPeriod;
            this.periods = periods;
        }

        /**
         * The accounting date to post on: {@code date} when its period is open; with "Automatically set accounting
         * date to open ledger period", the first day of the next open period after it.
         *
         * @throws TandemException PERIOD_CLOSED with the wording of §11 item 20 when no open period can take the date
         */
        public LocalDate accountingDate(LocalDate date) {
            String status = null;
            for (Period p : date == null ? List.<Period>of() : periods) {
                if (!p.start().isAfter(date) && !p.end().isBefore(date)) {
                    status = p.status();
                    break;
                }
            }
            if (PeriodStatus.OPEN.name().equals(status)) {
                return date;
            }
            if (autoOpenPeriod && date != null) {
                for (Period p : periods) {
                    if (p.start().isAfter(date) && PeriodStatus.OPEN.name().equals(p.status())) {
                        return p.start();
                    }
                }
            }
            String state = status == null ? "no period" : "a period that is " + status.replace('_', ' ').toLowerCase();
            throw new TandemException(PERIOD_CLOSED, "No open fiscal period was found for " + date + " in legal entity "
                    + dataAreaId + " (" + state + "); open the period or turn on \"Automatically set accounting date to "
                    + "open ledger period\"", Map.of("date", String.valueOf(date), "dataAreaId", dataAreaId));
        }
    }
}
