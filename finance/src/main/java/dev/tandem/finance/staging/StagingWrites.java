package dev.tandem.finance.staging;

import dev.tandem.common.Ids;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.rows.Field;
import dev.tandem.finance.rows.RowRecords;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The data-entity writer's edge of the actuals staging entity ({@link FinanceDataEntities#ACTUALS_STAGING}, §3.7):
 * the one class that turns staging rows — a whole {@link StagingRow}, or one of the records below that carry the
 * fields one step writes — into the field maps {@link dev.tandem.dualwrite.entity.DataEntityWriter} takes. Every write
 * records its change in the outbox, so the actuals map carries it back to Project Operations. Writes join the
 * caller's transaction; each one sets the audit fields.
 */
public final class StagingWrites {

    /** Finance's processing fields of a staging row just delivered (§3.7): a new row id, nothing processed yet. */
    record Unprocessed(@Field("actualsimportid") UUID id, @Field("isprocessed") boolean processed,
                       int integrationCount, @Field("isduplicate") boolean duplicate, boolean isJournalized) {
    }

    /** A processed actual delivered again: flagged, nothing else changes (§3.7 "IsDuplicate"). */
    record Duplicate(@Field("isduplicate") boolean duplicate) {
    }

    /** Import from staging: the journal line a cost or unbilled sales row became (§3.8). */
    record JournalLink(UUID projAdvancedJournalLine) {
    }

    /** A deleted journal line: its row is pending again, as if never imported (§3.8). */
    record Unjournalized(@Field("isprocessed") boolean processed, @Field("isduplicate") boolean duplicate,
                         UUID projAdvancedJournalLine) {
    }

    /**
     * §10 item 1 and 3: what posting an integration journal line or an invoice proposal writes back to its row.
     * {@code accountingAmount} is in the legal entity's accounting currency at its minor units, {@code salesTaxAmount}
     * in the row's transaction currency, {@code exchangeRate} is 1 transaction currency in the accounting currency;
     * {@code accountingDate} is the voucher's.
     */
    public record Posted(@Field("vouchernumber") String voucher, BigDecimal accountingAmount, BigDecimal exchangeRate,
                         BigDecimal salesTaxAmount, LocalDate accountingDate) {
    }

    /** {@link Posted} of an integration journal line, which also marks the row journalized (§10 item 1). */
    record Journalized(@Field("vouchernumber") String voucher, BigDecimal accountingAmount, BigDecimal exchangeRate,
                       BigDecimal salesTaxAmount, LocalDate accountingDate, boolean isJournalized) {
    }

    /**
     * §10 item 2: a billed-sales row is on a proposal line now (processed), or, with every field empty and not
     * processed, free to be imported again ("Delete all lines").
     */
    public record OnProposal(String invoiceProposalId, String invoiceProposalLineTransId, String fundingSourceId,
                             @Field("customeraccountnumber") String customerAccount,
                             @Field("isprocessed") boolean processed) {

        /** The fields of a row no proposal line holds. */
        public static final OnProposal NONE = new OnProposal(null, null, null, null, false);
    }

    /** The records above that carry part of a row: every component of each is a field of the entity. */
    public static final List<Class<? extends Record>> PARTIAL_ROWS = List.of(Unprocessed.class, Duplicate.class,
            JournalLink.class, Unjournalized.class, Posted.class, Journalized.class, OnProposal.class);

    static {
        PARTIAL_ROWS.forEach(type -> RowRecords.requireFieldsOf(FinanceDataEntities.ACTUALS_STAGING, type));
    }

    private final FinanceContext ctx;

    public StagingWrites(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /** Inserts delivered actuals as new, unprocessed rows, each with a new row id. */
    void insertDelivered(List<StagingRow> rows) {
        List<Map<String, Object>> images = new ArrayList<>(rows.size());
        Map<String, Object> audit = ctx.created();
        for (StagingRow row : rows) {
            Map<String, Object> image = RowRecords.toFields(row);
            image.putAll(RowRecords.toFields(new Unprocessed(Ids.newId(), false, 0, false, false)));
            image.putAll(audit);
            images.add(image);
        }
        ctx.writer().insert(FinanceDataEntities.ACTUALS_STAGING, images);
    }

    /**
     * Updates unprocessed rows with the fields a delivery carried, in one batch per set of fields.
     *
     * @param fields the delivered fields of each row (the integration key left out)
     */
    void updateDelivered(List<StagingRow> rows, Map<UUID, Set<String>> fields) {
        Map<Set<String>, Map<UUID, Map<String, Object>>> bySet = new LinkedHashMap<>();
        Map<String, Object> audit = ctx.modified();
        for (StagingRow row : rows) {
            Set<String> delivered = fields.get(row.actualId());
            Map<String, Object> values = RowRecords.toFields(row, delivered);
            values.putAll(audit);
            // updateEach sets one field list per call; deliveries of one map carry the same fields.
            bySet.computeIfAbsent(delivered, k -> new LinkedHashMap<>()).put(row.actualId(), values);
        }
        bySet.values().forEach(group -> ctx.writer().updateEach(FinanceDataEntities.ACTUALS_STAGING, group));
    }

    /** Flags processed rows that were delivered again. */
    void markDuplicate(Collection<UUID> actualIds) {
        update(actualIds, new Duplicate(true));
    }

    /** Import from staging: each actual's row points at its journal line (actual id → line id). */
    public void linkJournalLines(Map<UUID, UUID> lineByActual) {
        Map<UUID, Record> values = new LinkedHashMap<>();
        lineByActual.forEach((actualId, lineId) -> values.put(actualId, new JournalLink(lineId)));
        updateEach(values);
    }

    /** A deleted journal line's row: not processed, not a duplicate, no line, so the next import takes it again. */
    public void unlinkJournalLine(UUID actualId) {
        update(List.of(actualId), new Unjournalized(false, false, null));
    }

    /** §10 item 1: posted integration journal lines' accounting details onto their rows, journalized. */
    public void writeJournalized(Map<UUID, Posted> byActual) {
        Map<UUID, Record> values = new LinkedHashMap<>();
        byActual.forEach((actualId, p) -> values.put(actualId, new Journalized(p.voucher(), p.accountingAmount(),
                p.exchangeRate(), p.salesTaxAmount(), p.accountingDate(), true)));
        updateEach(values);
    }

    /** §10 item 3: a posted invoice proposal's accounting details onto its billed-sales rows. */
    public void writeInvoicePosted(Map<UUID, Posted> byActual) {
        updateEach(new LinkedHashMap<>(byActual));
    }

    /** §10 item 2: the proposal fields of billed-sales rows, by actual id. */
    public void writeOnProposal(Map<UUID, OnProposal> byActual) {
        updateEach(new LinkedHashMap<>(byActual));
    }

    /** The same proposal fields on every row of {@code actualIds} ({@link OnProposal#NONE} releases them). */
    public void writeOnProposal(Collection<UUID> actualIds, OnProposal values) {
        update(actualIds, values);
    }

    private void update(Collection<UUID> actualIds, Record values) {
        Map<String, Object> fields = RowRecords.toFields(values);
        fields.putAll(ctx.modified());
        ctx.writer().update(FinanceDataEntities.ACTUALS_STAGING, actualIds, fields);
    }

    /** Per-row values, every row of the same record type (so the same fields), in the map's order. */
    private void updateEach(Map<UUID, ? extends Record> byActual) {
        Map<UUID, Map<String, Object>> values = new LinkedHashMap<>();
        Map<String, Object> audit = ctx.modified();
        byActual.forEach((actualId, r) -> {
            Map<String, Object> fields = RowRecords.toFields(r);
            fields.putAll(audit);
            values.put(actualId, fields);
        });
        ctx.writer().updateEach(FinanceDataEntities.ACTUALS_STAGING, values);
    }
}
