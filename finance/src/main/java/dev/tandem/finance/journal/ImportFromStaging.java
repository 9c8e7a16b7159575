package dev.tandem.finance.journal;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.rates.ExchangeRates;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.PostingSetup;
import dev.tandem.finance.setup.PostingSetup.LegalEntity;
import dev.tandem.finance.staging.StagingRow;
import dev.tandem.finance.staging.StagingWrites;
import dev.tandem.finance.tax.SalesTax;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Import from staging table" (§5 step 5, §8): turns the unprocessed, non-duplicate cost and unbilled sales rows of
 * a legal entity's actuals staging table into integration journal lines, one line per actual (§3.8), in journals
 * grouped by the legal entity's period unit; then offers the billed sales rows to {@link BilledSalesImport}. Other
 * transaction types (resourcing unit cost, inter-organizational sales, project contract) stay unprocessed.
 *
 * <p><b>Streaming.</b> Row ids are read in pages of {@code batchSize} (1,000 by default) ordered by the staging row
 * id, each page after the last id of the one before (keyset pagination), and each page is claimed, imported and
 * committed in its own transaction with JDBC batches. Memory holds one page plus bounded caches, whatever the number
 * of rows.
 *
 * <p><b>Concurrent runs</b> (the original duplicated proposal lines when two ran at once, §8, §13). A page's rows are
 * first <i>claimed</i>: {@code UPDATE … SET isprocessed = TRUE, integrationcount = integrationcount + 1 WHERE
 * actualsimportid = ? AND isprocessed = FALSE AND isduplicate = FALSE}, in row-id order, and only the rows whose
 * update counted are imported. A second run that read the same page waits on the row locks of the first and then
 * finds the rows processed, so it claims nothing; the unique actual id of the journal line is the last guard. Lines
 * are made from the rows as read after the claim, so a delivery that changed a row meanwhile is not lost (and one
 * that comes later finds the row processed and is marked duplicate). The claim, and its release for a row that could
 * not become a line, are the only writes to the staging table outside the data-entity writer, because the writer
 * cannot make an update depend on the row's state; the same transaction then records the journal line id on each
 * imported row through the writer, so the outbox carries its full image.
 *
 * <p><b>Errors.</b> A row without an exchange rate for its currency on its document date (or whose billing type lost
 * its line property) is not imported: its claim is released, so it stays unprocessed with its integration count,
 * and one row naming the actual is logged in {@code projintegrationimporterror} (§11 item 20); the run goes on. The
 * next run tries it again.
 *
 * <p>Each run puts its lines in journals of its own; a journal that a run created and that was posted meanwhile
 * (its status is no longer DRAFT) gets no further lines: the run opens a new one for that period.
 */
public final class ImportFromStaging {

    /** Rows read, claimed and inserted per transaction. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    // The claim leaves modifiedon alone: the writer's update of projadvancedjournalline in the same transaction
    // stamps it, and a released row must look untouched.
    /**
     * The order of a page of pending rows: by row id, spelled as the whole pending-rows index
     * ({@code projcdsactualsimport_import}) although its first three columns are fixed by the page's condition. H2
     * reads a page in index order and stops after it only when the ORDER BY names the index's columns from the first;
     * ordered by the id alone it sorted every pending row for every page, so the import slowed with the square of the
     * month (issue 13: 6 s at 10,000 time rows, 229 s at 100,000). PostgreSQL plans both the same way.
     */
    static final String PENDING_ORDER = "projectdataareaid, isprocessed, isduplicate, actualsimportid";

    private static final String CLAIM = "UPDATE projcdsactualsimport SET isprocessed = TRUE, "
            + "integrationcount = integrationcount + 1 WHERE actualsimportid = ? AND isprocessed = FALSE AND "
            + "isduplicate = FALSE";
    private static final String RELEASE = "UPDATE projcdsactualsimport SET isprocessed = FALSE, "
            + "integrationcount = integrationcount - 1 WHERE actualsimportid = ? AND isprocessed = TRUE";

    private final FinanceContext ctx;
    private final PostingSetup setup;
    private final ExchangeRates rates;
    private final SalesTax salesTax;
    private final BilledSalesImport billedSales;
    private final JournalStore store;
    private final StagingWrites staging;
    private final int batchSize;

    public ImportFromStaging(FinanceContext ctx, PostingSetup setup, NumberSequences numbers, ExchangeRates rates,
                             SalesTax salesTax, BilledSalesImport billedSales) {
        this(ctx, setup, numbers, rates, salesTax, billedSales, DEFAULT_BATCH_SIZE);
    }

    public ImportFromStaging(FinanceContext ctx, PostingSetup setup, NumberSequences numbers, ExchangeRates rates,
                             SalesTax salesTax, BilledSalesImport billedSales, int batchSize) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not within 1..10000");
        }
        this.ctx = ctx;
        this.staging = new StagingWrites(ctx);
        this.setup = setup;
        this.rates = rates;
        this.salesTax = salesTax;
        this.billedSales = billedSales;
        this.store = new JournalStore(ctx, numbers);
        this.batchSize = batchSize;
    }

    /**
     * What a run did: journal lines created, rows left unprocessed with a logged error, the journals it put lines in
     * (period by period, in the order the run met the periods), and the billed sales rows it offered to
     * {@link BilledSalesImport}.
     */
    public record ImportResult(String dataAreaId, int lines, int errors, List<String> journals, int billedSalesRows) {
    }

    /** A logged import error (§11 item 20): the staged actual, the error code and the sentence. */
    public record ImportError(UUID actualId, UUID actualsImportId, String errorCode, String message,
                              OffsetDateTime loggedOn) {
    }

    /**
     * Imports the legal entity's pending staging rows.
     *
     * @throws TandemException NOT_FOUND for an unknown legal entity; POSTING_SETUP_MISSING when the journal number
     *                         sequence is missing (the page being imported is rolled back, earlier pages stay)
     */
    public ImportResult run(String dataAreaId) {
        LegalEntity entity = setup.legalEntity(dataAreaId);
        Run run = new Run(entity, new LineFactory(ctx, entity, rates, salesTax));
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> page = ctx.inTransaction(() -> {
                List<UUID> ids = pendingIds(dataAreaId, from);
                run.importPage(ids);
                return ids;
            });
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        int billed = offerBilledSales(dataAreaId);
        return new ImportResult(dataAreaId, run.lines, run.errors, run.journals.values().stream()
                .flatMap(List::stream).toList(), billed);
    }

    /** The import errors logged for a legal entity, newest first, at most {@code limit}. */
    public List<ImportError> errors(String dataAreaId, int limit) {
        return ctx.jdbc().query("SELECT * FROM projintegrationimporterror WHERE dataareaid = ? ORDER BY createdon DESC, "
                + "errorid LIMIT ?", (rs, n) -> new ImportError(rs.getObject("actualid", UUID.class),
                rs.getObject("actualsimportid", UUID.class), rs.getString("errorcode"), rs.getString("message"),
                rs.getObject("createdon", OffsetDateTime.class)), dataAreaId, limit);
    }

    private int offerBilledSales(String dataAreaId) {
        int offered = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<StagingRow> page = ctx.inTransaction(() -> page(dataAreaId, List.of(StagingRow.BILLED_SALES), from));
            if (page.isEmpty()) {
                return offered;
            }
            billedSales.importRows(page);
            offered += page.size();
            after = page.get(page.size() - 1).id();
        }
    }

    /** The next page of ids of pending cost and unbilled sales rows after a row id (keyset pagination). */
    private List<UUID> pendingIds(String dataAreaId, UUID after) {
        List<Object> args = new ArrayList<>(List.of(dataAreaId, StagingRow.COST, StagingRow.UNBILLED_SALES));
        String where = "";
        if (after != null) {
            where = " AND actualsimportid > ?";
            args.add(after);
        }
        args.add(batchSize);
        return ctx.jdbc().queryForList("SELECT actualsimportid FROM projcdsactualsimport WHERE projectdataareaid = ? AND "
                + "isprocessed = FALSE AND isduplicate = FALSE AND transtype IN (?, ?)" + where + " ORDER BY "
                + PENDING_ORDER + " LIMIT ?", UUID.class, args.toArray());
    }

    /** The next page of pending rows of the given transaction types after a row id (keyset pagination). */
    private List<StagingRow> page(String dataAreaId, List<Integer> types, UUID after) {
        List<Object> args = new ArrayList<>();
        args.add(dataAreaId);
        args.addAll(types);
        String where = "";
        if (after != null) {
            where = " AND actualsimportid > ?";
            args.add(after);
        }
        args.add(batchSize);
        return ctx.jdbc().query("SELECT * FROM projcdsactualsimport WHERE projectdataareaid = ? AND isprocessed = FALSE "
                + "AND isduplicate = FALSE AND transtype IN (" + FinanceContext.placeholders(types) + ")" + where
                + " ORDER BY " + PENDING_ORDER + " LIMIT ?", StagingRow::map, args.toArray());
    }

    /** The state of one run: its journals per period, and its counts. */
    private final class Run {

        private final LegalEntity entity;
        private final PeriodUnit unit;
        private final LineFactory factory;
        /** Period key → the journals this run created for it, the current one last. */
        private final Map<String, List<String>> journals = new LinkedHashMap<>();
        private int lines;
        private int errors;

        Run(LegalEntity entity, LineFactory factory) {
            this.entity = entity;
            this.unit = PeriodUnit.valueOf(entity.periodUnit());
            this.factory = factory;
        }

        /**
         * Claims the page's rows, reads them as they are once claimed (a delivery that changed a row between the
         * page read and the claim has committed by then), and turns them into lines; a row that can't become a
         * line is released again and its error logged.
         */
        void importPage(List<UUID> ids) {
            List<UUID> claimed = claim(ids);
            List<JournalLine> mine = new ArrayList<>();
            List<Object[]> failures = new ArrayList<>();
            Map<String, Object> audit = ctx.created();
            for (StagingRow row : claimedRows(claimed)) {
                try {
                    mine.add(factory.line(row));
                } catch (TandemException e) {
                    failures.add(new Object[] {Ids.newId(), entity.dataAreaId(), row.id(), row.actualId(),
                        e.errorCode().code(), cut("Unable to import actual " + row.actualId() + ": " + e.detail()),
                        audit.get("createdon"), audit.get("createdby")});
                }
            }
            if (!failures.isEmpty()) {
                release(failures.stream().map(f -> (UUID) f[2]).toList());
                ctx.jdbc().batchUpdate("INSERT INTO projintegrationimporterror (errorid, dataareaid, actualsimportid, "
                        + "actualid, errorcode, message, createdon, createdby) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", failures);
                errors += failures.size();
            }
            Map<String, String> journalOf = new HashMap<>();
            Map<UUID, UUID> links = new LinkedHashMap<>();
            for (int i = 0; i < mine.size(); i++) {
                JournalLine line = mine.get(i);
                LocalDate start = unit.periodStart(line.accountingDate());
                String journalId = journalOf.computeIfAbsent(key(start), k -> journalFor(k, start));
                mine.set(i, line.inJournal(journalId));
                links.put(line.actualId(), line.lineId());
            }
            store.insertLines(mine);
            staging.linkJournalLines(links);
            lines += mine.size();
        }

        /** Claims rows in row-id order (the page's order); returns the ids this run got, in that order. */
        private List<UUID> claim(List<UUID> ids) {
            int[] counts = ctx.jdbc().batchUpdate(CLAIM, ids.stream().map(id -> new Object[] {id}).toList());
            List<UUID> claimed = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    claimed.add(ids.get(i));
                } else if (counts[i] != 0) {
                    throw new IllegalStateException("the claim of staging row " + ids.get(i) + " reported " + counts[i]
                            + " rows; the driver must report the count of each batched statement");
                }
            }
            return claimed;
        }

        /** Undoes the claim of rows that could not become lines, so they stay pending as if never touched. */
        private void release(List<UUID> ids) {
            ctx.jdbc().batchUpdate(RELEASE, ids.stream().map(id -> new Object[] {id}).toList());
        }

        private List<StagingRow> claimedRows(List<UUID> claimed) {
            if (claimed.isEmpty()) {
                return List.of();
            }
            return ctx.jdbc().query("SELECT * FROM projcdsactualsimport WHERE actualsimportid IN ("
                    + FinanceContext.placeholders(claimed) + ") ORDER BY actualsimportid", StagingRow::map,
                    claimed.toArray());
        }

        /** The run's current DRAFT journal for the period, or a new one when it has none or it left DRAFT. */
        private String journalFor(String key, LocalDate start) {
            List<String> created = journals.computeIfAbsent(key, k -> new ArrayList<>());
            if (!created.isEmpty()) {
                String current = created.get(created.size() - 1);
                // Locks the header: posting, which moves it out of DRAFT, waits until these lines are committed.
                if (store.lockStatus(entity.dataAreaId(), current).orElse(null) == JournalStatus.DRAFT) {
                    return current;
                }
            }
            String journalId = store.createHeader(entity.dataAreaId(), unit, start, JournalStatus.DRAFT, null,
                    "Project Operations integration journal, " + unit.describe(start));
            created.add(journalId);
            return journalId;
        }

        private static String key(LocalDate start) {
            return start == null ? "ALL" : start.toString();
        }
    }

    private static String cut(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 999) + "…";
    }
}
