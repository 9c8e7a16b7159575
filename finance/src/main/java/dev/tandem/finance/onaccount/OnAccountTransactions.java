package dev.tandem.finance.onaccount;

import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.NOT_FOUND;
import static dev.tandem.finance.FinanceError.PROJECT_NOT_FOUND;
import static dev.tandem.finance.FinanceError.STATE;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.tax.SalesTax;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * On-account transactions of fixed-price contract lines: one per billing milestone, synced by the "contract line
 * milestones" map (§3.10, §7.2). Amounts are in the transaction's currency at its minor units.
 *
 * <p>The sales tax group is defaulted on arrival by {@link SalesTax#defaultTaxGroup} (the legal entity's "Sales
 * tax group method"); it and the item sales tax group stay editable "up until the Project invoice proposal is
 * created" (§3.10, §11 item 21): once an on-account proposal line uses the transaction, {@link #setTaxGroups} is
 * refused with STATE. The proposal line takes both groups from here.
 */
public final class OnAccountTransactions {

    /** The data entity {@code projonacctrans} (integration key = the milestone's id). */
    public static final DataEntityDefinition ENTITY = new DataEntityDefinition("projonaccounttransactions",
            "projonacctrans", "transactionid", List.of("transactionid", "dataareaid", "projid", "projinvoiceprojid",
                    "contractlineref", "currencyid", "description", "invoicedate", "amount", "taxgroup", "taxitemgroup",
                    "status", "proposalid", "createdon", "createdby", "modifiedon", "modifiedby"))
            // Finance's: the tax groups are defaulted on arrival and edited here (§3.10); proposalid is set by import.
            .withReadOnly("taxgroup", "taxitemgroup", "proposalid", "createdon", "createdby", "modifiedon",
                    "modifiedby");

    private final FinanceContext ctx;
    private final SalesTax salesTax;

    public OnAccountTransactions(FinanceContext ctx, SalesTax salesTax) {
        this.ctx = ctx;
        this.salesTax = salesTax;
    }

    /**
     * A milestone as the map delivers it (§7.2): {@code transactionId} = msdyn_contractlinescheduleofvalueid,
     * {@code status} = msdyn_invoicestatus, {@code amount} in {@code currency}.
     */
    public record Milestone(UUID transactionId, String dataAreaId, String projectId, String contractId,
                            UUID contractLineRef, String currency, String description, LocalDate invoiceDate,
                            BigDecimal amount, int status) {
    }

    /** A stored on-account transaction; {@code proposalId} is set once a proposal line uses it. */
    public record OnAccountTransaction(UUID transactionId, String dataAreaId, String projectId, String contractId,
                                       UUID contractLineRef, String currency, String description, LocalDate invoiceDate,
                                       BigDecimal amount, String taxGroup, String itemTaxGroup, int status,
                                       String proposalId) {

        static OnAccountTransaction map(ResultSet rs, int n) throws SQLException {
            return new OnAccountTransaction(rs.getObject("transactionid", UUID.class), rs.getString("dataareaid"),
                    rs.getString("projid"), rs.getString("projinvoiceprojid"), rs.getObject("contractlineref", UUID.class),
                    rs.getString("currencyid").trim(), rs.getString("description"),
                    rs.getObject("invoicedate", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("taxgroup"),
                    rs.getString("taxitemgroup"), rs.getInt("status"), rs.getString("proposalid"));
        }
    }

    /**
     * Creates or updates the on-account transaction of a milestone (idempotent). A new one gets the default sales
     * tax group of its project, contract and the project's customer.
     *
     * @throws TandemException INVALID_INPUT for a missing field, an unknown currency or an amount below the
     *                         currency's minor units; PROJECT_NOT_FOUND; STATE when the amount or currency of a
     *                         transaction already on a proposal would change
     */
    public OnAccountTransaction upsert(Milestone m) {
        validate(m);
        return ctx.inTransaction(() -> {
            Optional<OnAccountTransaction> existing = lock(m.transactionId());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("dataareaid", m.dataAreaId());
            values.put("projid", m.projectId());
            values.put("projinvoiceprojid", m.contractId());
            values.put("contractlineref", m.contractLineRef());
            values.put("currencyid", m.currency());
            values.put("description", m.description());
            values.put("invoicedate", m.invoiceDate());
            values.put("amount", m.amount());
            values.put("status", m.status());
            if (existing.isEmpty()) {
                String customer = projectCustomer(m.dataAreaId(), m.projectId());
                values.put("transactionid", m.transactionId());
                values.put("taxgroup", salesTax.defaultTaxGroup(m.dataAreaId(), m.projectId(), m.contractId(), customer));
                values.put("taxitemgroup", null);
                values.put("proposalid", null);
                values.putAll(ctx.created());
                ctx.writer().insert(ENTITY, List.of(values));
                return get(m.transactionId());
            }
            OnAccountTransaction old = existing.get();
            if (old.proposalId() != null && (old.amount().compareTo(m.amount()) != 0
                    || !old.currency().equals(m.currency()))) {
                throw new TandemException(STATE, "On-account transaction " + m.transactionId() + " is on invoice proposal "
                        + old.proposalId() + "; its amount and currency can no longer change",
                        Map.of("transactionId", m.transactionId().toString(), "proposalId", old.proposalId()));
            }
            values.putAll(ctx.modified());
            ctx.writer().update(ENTITY, List.of(m.transactionId()), values);
            return get(m.transactionId());
        });
    }

    /**
     * Sets the sales tax group and item sales tax group (either may be {@code null}: no tax group).
     *
     * @throws TandemException NOT_FOUND; STATE once a proposal line uses the transaction (§3.10)
     */
    public OnAccountTransaction setTaxGroups(UUID transactionId, String taxGroup, String itemTaxGroup) {
        return ctx.inTransaction(() -> {
            OnAccountTransaction t = lock(transactionId).orElseThrow(() -> notFound(transactionId));
            if (t.proposalId() != null) {
                throw new TandemException(STATE, "The tax groups of on-account transaction " + transactionId
                        + " can't change: invoice proposal " + t.proposalId() + " already has a line for it (§3.10)",
                        Map.of("transactionId", transactionId.toString(), "proposalId", t.proposalId()));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("taxgroup", taxGroup);
            values.put("taxitemgroup", itemTaxGroup);
            values.putAll(ctx.modified());
            ctx.writer().update(ENTITY, List.of(transactionId), values);
            return get(transactionId);
        });
    }

    /** @throws TandemException NOT_FOUND naming the transaction */
    public OnAccountTransaction get(UUID transactionId) {
        return ctx.jdbc().query("SELECT * FROM projonacctrans WHERE transactionid = ?", OnAccountTransaction::map,
                transactionId).stream().findFirst().orElseThrow(() -> notFound(transactionId));
    }

    /**
     * A page of a legal entity's on-account transactions, by milestone date then id.
     *
     * @param contractId only the transactions of this project contract; {@code null} for all
     * @param page       0-based page number
     * @param size       transactions per page
     */
    public List<OnAccountTransaction> page(String dataAreaId, String contractId, int page, int size) {
        String where = contractId == null ? "dataareaid = ?" : "dataareaid = ? AND projinvoiceprojid = ?";
        List<Object> args = new ArrayList<>(contractId == null ? List.of(dataAreaId) : List.of(dataAreaId, contractId));
        args.add(size);
        args.add((long) page * size);
        return ctx.jdbc().query("SELECT * FROM projonacctrans WHERE " + where + " ORDER BY invoicedate, transactionid "
                + "LIMIT ? OFFSET ?", OnAccountTransaction::map, args.toArray());
    }

    /** How many transactions {@link #page} pages through with the same filter. */
    public long count(String dataAreaId, String contractId) {
        Long n = contractId == null
                ? ctx.jdbc().queryForObject("SELECT COUNT(*) FROM projonacctrans WHERE dataareaid = ?", Long.class,
                        dataAreaId)
                : ctx.jdbc().queryForObject("SELECT COUNT(*) FROM projonacctrans WHERE dataareaid = ? AND "
                        + "projinvoiceprojid = ?", Long.class, dataAreaId, contractId);
        return n == null ? 0 : n;
    }

    /**
     * Locks a legal entity's on-account transaction ({@code FOR UPDATE}) in the caller's transaction, as
     * {@link #setTaxGroups} does first: a caller that reads its tax groups and writes them back (a partial update)
     * does so under the lock. A transaction of another legal entity is not found.
     *
     * @throws TandemException NOT_FOUND naming the transaction and the legal entity
     */
    public OnAccountTransaction lock(String dataAreaId, UUID transactionId) {
        return lock(transactionId).filter(t -> t.dataAreaId().equals(dataAreaId)).orElseThrow(() ->
                new TandemException(NOT_FOUND, "On-account transaction " + transactionId + " doesn't exist in legal "
                        + "entity " + dataAreaId, Map.of("transactionId", transactionId.toString(), "dataAreaId",
                        dataAreaId)));
    }

    /**
     * The on-account transactions a billed milestone row may invoice, best first. The staging row does not carry
     * the milestone's id, so they are matched by legal entity, contract line, currency and amount: for an invoice
     * (positive amount) those not yet on a proposal, earliest milestone date first; for a credit (negative amount)
     * those already invoiced, latest first, whose tax groups the credit mirrors. The rows are locked, so two
     * proposals importing at once can't both take one milestone.
     */
    public List<OnAccountTransaction> candidatesForBilledRow(String dataAreaId, UUID contractLine, String currency,
                                                             BigDecimal amount) {
        if (contractLine == null) {
            return List.of();
        }
        boolean credit = amount.signum() < 0;
        String sql = "SELECT * FROM projonacctrans WHERE dataareaid = ? AND contractlineref = ? AND currencyid = ? AND "
                + "amount = ? AND proposalid IS " + (credit ? "NOT NULL ORDER BY invoicedate DESC, transactionid DESC"
                : "NULL ORDER BY invoicedate, transactionid") + " FOR UPDATE";
        return ctx.jdbc().query(sql, OnAccountTransaction::map, dataAreaId, contractLine, currency, amount.abs());
    }

    /** Records that a proposal's on-account lines use these transactions (their tax groups are fixed from now on). */
    public void assign(List<UUID> transactionIds, String proposalId) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("proposalid", proposalId);
        values.putAll(ctx.modified());
        ctx.writer().update(ENTITY, transactionIds, values);
    }

    /** "Delete all lines": the transactions a proposal used become editable again. */
    public void release(String proposalId) {
        List<UUID> ids = ctx.jdbc().queryForList("SELECT transactionid FROM projonacctrans WHERE proposalid = ?",
                UUID.class, proposalId);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("proposalid", null);
        values.putAll(ctx.modified());
        ctx.writer().update(ENTITY, ids, values);
    }

    private Optional<OnAccountTransaction> lock(UUID transactionId) {
        return ctx.jdbc().query("SELECT * FROM projonacctrans WHERE transactionid = ? FOR UPDATE",
                OnAccountTransaction::map, transactionId).stream().findFirst();
    }

    private String projectCustomer(String dataAreaId, String projectId) {
        List<String> customer = ctx.jdbc().query("SELECT custaccount FROM projtable WHERE dataareaid = ? AND projid = ?",
                (rs, n) -> rs.getString(1), dataAreaId, projectId);
        if (customer.isEmpty()) {
            throw new TandemException(PROJECT_NOT_FOUND, "Project " + projectId + " of on-account transaction doesn't "
                    + "exist in legal entity " + dataAreaId, Map.of("projectId", projectId));
        }
        return customer.get(0);
    }

    private static void validate(Milestone m) {
        List<String> missing = new ArrayList<>();
        if (m.transactionId() == null) {
            missing.add("transaction id");
        }
        if (m.dataAreaId() == null) {
            missing.add("legal entity");
        }
        if (m.projectId() == null) {
            missing.add("project");
        }
        if (m.contractLineRef() == null) {
            missing.add("contract line");
        }
        if (m.invoiceDate() == null) {
            missing.add("invoice date");
        }
        if (m.amount() == null) {
            missing.add("amount");
        }
        if (m.currency() == null) {
            missing.add("currency");
        }
        if (!missing.isEmpty()) {
            throw new TandemException(INVALID_INPUT, "On-account transaction " + m.transactionId() + " lacks "
                    + String.join(", ", missing));
        }
        try {
            Money.minorUnits(m.currency());
        } catch (IllegalArgumentException e) {
            throw new TandemException(INVALID_INPUT, "On-account transaction " + m.transactionId()
                    + ": unknown currency " + m.currency() + " (ISO 4217 code expected)");
        }
        if (m.amount().compareTo(Money.round(m.amount(), m.currency())) != 0) {
            throw new TandemException(INVALID_INPUT, "On-account transaction " + m.transactionId() + ": amount "
                    + m.amount().toPlainString() + " is not at the minor units of " + m.currency());
        }
    }

    private static TandemException notFound(UUID transactionId) {
        return new TandemException(NOT_FOUND, "On-account transaction " + transactionId + " doesn't exist",
                Map.of("transactionId", transactionId.toString()));
    }
}
