package dev.tandem.operations.invoicing.schedule;

import static dev.tandem.operations.OperationsError.DUPLICATE;
import static dev.tandem.operations.OperationsError.INVALID_INPUT;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OptionValue;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.contracts.Contracts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Invoice schedules of Time and Material contract lines (§3.5, [D:SCHED]): "Generate Invoice Schedule" turns an
 * invoice frequency, a billing start date and an end date into rows with an Invoice Run Date, a Transaction
 * Cutoff Date (the run date − 1 day) and Run Status Not Run. {@link InvoiceRuns} later runs them.
 *
 * <p>Fixed-price lines get no date schedule: their milestones are their schedule, each invoiced by the first run
 * on or after its milestone date once it is Ready for invoicing (§8, [D:AUTO]). A schedule may be generated on a
 * draft or a confirmed contract; only rows of confirmed contracts are run.
 */
public final class InvoiceSchedules {

    static final String TABLE = "tdm_invoiceschedule";

    private final OperationsContext ctx;
    private final Contracts contracts;

    public InvoiceSchedules(OperationsContext ctx, Contracts contracts) {
        this.ctx = ctx;
        this.contracts = contracts;
    }

    /**
     * Generates schedule rows for a Time and Material line, all Not Run. Rows may be added to an existing schedule
     * (e.g. to extend it), but a run date the line already has is refused. All or nothing.
     *
     * @param start billing start date; runs fall strictly after it
     * @param end   last possible run date (inclusive), on or after {@code start}
     * @return the line's whole schedule after the generation, by run date
     * @throws TandemException INVALID_INPUT when a date or the frequency is missing, {@code end} is before
     *                         {@code start}, no run date falls in the range, an explicit date is out of range, or the
     *                         line is not Time and Material; DUPLICATE naming the run dates the line already has;
     *                         NOT_FOUND for an unknown line
     */
    public List<InvoiceScheduleRow> generate(UUID lineId, InvoiceFrequency frequency, LocalDate start, LocalDate end) {
        if (frequency == null || start == null || end == null) {
            throw new TandemException(INVALID_INPUT, "An invoice schedule needs a frequency, a start date and an end date");
        }
        if (end.isBefore(start)) {
            throw new TandemException(INVALID_INPUT, "The end date " + end + " of an invoice schedule is before its start "
                    + "date " + start);
        }
        List<LocalDate> runDates = frequency.runDates(start, end);
        if (runDates.isEmpty()) {
            throw new TandemException(INVALID_INPUT, "No invoice run date falls after " + start + " and on or before "
                    + end + " for " + frequency);
        }
        return ctx.inTransaction(() -> {
            // Locking the line makes two generations for one line run one after the other, so the second sees the
            // first one's dates and is refused with DUPLICATE rather than a unique-key violation.
            ctx.jdbc().query("SELECT salesorderdetailid FROM salesorderdetail WHERE salesorderdetailid = ? FOR UPDATE",
                    rs -> { }, lineId);
            ContractLine line = contracts.line(lineId);
            if (line.billingMethod() != BillingMethod.TIME_AND_MATERIAL) {
                throw new TandemException(INVALID_INPUT, "Contract line '" + line.name() + "' is "
                        + line.billingMethod().label() + ": a date-based invoice schedule is for Time and Material "
                        + "lines; fixed-price lines are invoiced by their milestone dates (§3.5, §8)",
                        Map.of("contractLineId", lineId.toString()));
            }
            Set<LocalDate> existing = new HashSet<>(ctx.jdbc().queryForList("SELECT tdm_invoicerundate FROM " + TABLE
                    + " WHERE salesorderdetailid = ?", LocalDate.class, lineId));
            List<LocalDate> duplicates = runDates.stream().filter(existing::contains).toList();
            if (!duplicates.isEmpty()) {
                throw new TandemException(DUPLICATE, "Contract line '" + line.name() + "' already has invoice run dates "
                        + duplicates, Map.of("contractLineId", lineId.toString(), "runDates",
                        duplicates.stream().map(LocalDate::toString).toList()));
            }
            Map<String, Object> audit = ctx.created();
            List<Object[]> rows = new ArrayList<>();
            for (LocalDate runDate : runDates) {
                rows.add(new Object[] {Ids.newId(), lineId, line.contractId(), runDate, runDate.minusDays(1),
                        RunStatus.NOT_RUN.value(), audit.get("createdon"), audit.get("createdby"),
                        audit.get("modifiedon"), audit.get("modifiedby")});
            }
            ctx.jdbc().batchUpdate("INSERT INTO " + TABLE + " (tdm_invoicescheduleid, salesorderdetailid, salesorderid, "
                    + "tdm_invoicerundate, tdm_transactioncutoffdate, tdm_runstatus, createdon, createdby, modifiedon, "
                    + "modifiedby) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            return schedule(lineId);
        });
    }

    /** The schedule of a contract line, by run date; empty when it has none. */
    public List<InvoiceScheduleRow> schedule(UUID lineId) {
        return withInvoices(ctx.jdbc().query("SELECT * FROM " + TABLE + " WHERE salesorderdetailid = ? "
                + "ORDER BY tdm_invoicerundate", InvoiceSchedules::map, lineId));
    }

    /** Schedule rows by id, in the order given; unknown ids are left out. */
    public List<InvoiceScheduleRow> rows(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, InvoiceScheduleRow> byId = new LinkedHashMap<>();
        withInvoices(ctx.jdbc().query("SELECT * FROM " + TABLE + " WHERE tdm_invoicescheduleid IN ("
                + OperationsContext.placeholders(ids) + ")", InvoiceSchedules::map, ids.toArray()))
                .forEach(r -> byId.put(r.id(), r));
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    private List<InvoiceScheduleRow> withInvoices(List<InvoiceScheduleRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<UUID> ids = rows.stream().map(InvoiceScheduleRow::id).toList();
        Map<UUID, List<UUID>> invoices = new LinkedHashMap<>();
        ctx.jdbc().query("SELECT tdm_invoicescheduleid, invoiceid FROM tdm_invoicescheduleinvoice WHERE "
                + "tdm_invoicescheduleid IN (" + OperationsContext.placeholders(ids) + ") ORDER BY invoiceid", rs -> {
            invoices.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
        }, ids.toArray());
        return rows.stream().map(r -> new InvoiceScheduleRow(r.id(), r.contractLineId(), r.contractId(),
                r.invoiceRunDate(), r.transactionCutoffDate(), r.runStatus(), r.runDetail(), r.runOn(),
                List.copyOf(invoices.getOrDefault(r.id(), List.of())))).toList();
    }

    static InvoiceScheduleRow map(ResultSet rs, int n) throws SQLException {
        return new InvoiceScheduleRow(rs.getObject("tdm_invoicescheduleid", UUID.class),
                rs.getObject("salesorderdetailid", UUID.class), rs.getObject("salesorderid", UUID.class),
                rs.getObject("tdm_invoicerundate", LocalDate.class), rs.getObject("tdm_transactioncutoffdate", LocalDate.class),
                OptionValue.of(RunStatus.class, rs.getInt("tdm_runstatus")), rs.getString("tdm_rundetail"),
                rs.getObject("tdm_runon", OffsetDateTime.class), List.of());
    }
}
