package dev.tandem.finance.journal;

import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.journal.ImportFromStaging.ImportError;
import dev.tandem.finance.staging.StagingRow;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads of actuals staging (§3.7) as the accountant looks at it before and while Import from staging runs (§8): a
 * page of a legal entity's staged actuals with the last import error of each (§11 item 20), how many rows there are,
 * and how many the next import would take, which falls page by page as a running import commits (each page of the
 * import is its own transaction), so a caller can show the import's progress from another transaction.
 */
public final class StagingQueries {

    private final FinanceContext ctx;

    public StagingQueries(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /** A staged actual and the import error last logged for it, {@code null} when none. */
    public record StagedActual(StagingRow row, ImportError lastError) {
    }

    /**
     * A page of the legal entity's staging rows by document date then row id.
     *
     * @param processed only the rows Import from staging took ({@code true}) or left ({@code false}); {@code null}
     *                  for all
     * @param page      0-based
     * @param size      rows per page
     */
    public List<StagedActual> page(String dataAreaId, Boolean processed, int page, int size) {
        List<Object> args = new ArrayList<>(List.of(dataAreaId));
        String where = where(processed, args);
        args.add(size);
        args.add((long) page * size);
        List<StagingRow> rows = ctx.jdbc().query("SELECT * FROM projcdsactualsimport WHERE " + where
                + " ORDER BY documentdate, actualsimportid LIMIT ? OFFSET ?", StagingRow::map, args.toArray());
        Map<UUID, ImportError> errors = lastErrors(dataAreaId, rows.stream().map(StagingRow::actualId).toList());
        return rows.stream().map(r -> new StagedActual(r, errors.get(r.actualId()))).toList();
    }

    /** How many rows {@link #page} pages through with the same filter. */
    public long count(String dataAreaId, Boolean processed) {
        List<Object> args = new ArrayList<>(List.of(dataAreaId));
        Long n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM projcdsactualsimport WHERE " + where(processed, args),
                Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /**
     * The rows the next Import from staging would turn into journal lines: unprocessed, not duplicates, cost or
     * unbilled sales (billed sales go to their proposals, §5 step 12).
     */
    public long pending(String dataAreaId) {
        Long n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM projcdsactualsimport WHERE projectdataareaid = ? AND "
                + "isprocessed = FALSE AND isduplicate = FALSE AND transtype IN (?, ?)", Long.class, dataAreaId,
                StagingRow.COST, StagingRow.UNBILLED_SALES);
        return n == null ? 0 : n;
    }

    private static String where(Boolean processed, List<Object> args) {
        if (processed == null) {
            return "projectdataareaid = ?";
        }
        args.add(processed);
        return "projectdataareaid = ? AND isprocessed = ?";
    }

    private Map<UUID, ImportError> lastErrors(String dataAreaId, List<UUID> actualIds) {
        Map<UUID, ImportError> last = new HashMap<>();
        if (actualIds.isEmpty()) {
            return last;
        }
        List<Object> args = new ArrayList<>(List.of(dataAreaId));
        args.addAll(actualIds);
        ctx.jdbc().query("SELECT * FROM projintegrationimporterror WHERE dataareaid = ? AND actualid IN ("
                + FinanceContext.placeholders(actualIds) + ") ORDER BY createdon, errorid", rs -> {
                    ImportError e = new ImportError(rs.getObject("actualid", UUID.class),
                            rs.getObject("actualsimportid", UUID.class), rs.getString("errorcode"),
                            rs.getString("message"), rs.getObject("createdon", OffsetDateTime.class));
                    last.put(e.actualId(), e);
                }, args.toArray());
        return last;
    }
}
