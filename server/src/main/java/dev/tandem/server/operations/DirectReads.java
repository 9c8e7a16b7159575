package dev.tandem.server.operations;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsError;
import dev.tandem.operations.OptionValue;
import dev.tandem.operations.masterdata.MasterDataTable;
import dev.tandem.operations.pricing.PriceListContext;
import dev.tandem.operations.work.WorkEntryStatus;
import dev.tandem.server.database.OperationsDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the operations database that the Project Operations services do not offer, so the API can answer them
 * meanwhile: one master-data row by id, one price list by id, and the number of a project's work entries (for the
 * {@code total} of its paged list). Read-only; every write goes through {@link dev.tandem.operations.ProjectOperations}.
 * Each method has an obvious home in the domain ({@code MasterData}, {@code PriceLists}, {@code WorkEntries}) and
 * moves there when the domain offers it.
 */
@Component
class DirectReads {

    private final JdbcTemplate jdbc;

    DirectReads(@OperationsDatabase JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A price list's header. */
    record PriceListRow(UUID id, String name, PriceListContext context, String currency, LocalDate validFrom,
                        LocalDate validTo) {
    }

    /**
     * One row of a master-data table, all columns.
     *
     * @throws TandemException NOT_FOUND naming the kind of row and the id, as the domain's own refusals do
     */
    Map<String, Object> masterDataRow(MasterDataTable table, UUID id) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table.table() + " WHERE "
                + MasterDataViews.idColumn(table) + " = ?", id);
        if (rows.isEmpty()) {
            throw notFound(MasterDataViews.entity(table), id);
        }
        return rows.getFirst();
    }

    /** @throws TandemException NOT_FOUND for an unknown price list */
    PriceListRow priceList(UUID id) {
        return jdbc.query("SELECT pricelevelid, name, msdyn_context, transactioncurrency, begindate, enddate "
                        + "FROM pricelevel WHERE pricelevelid = ?", (rs, n) -> new PriceListRow(
                        rs.getObject(1, UUID.class), rs.getString(2), OptionValue.of(PriceListContext.class, rs.getInt(3)),
                        rs.getString(4).trim(), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)), id)
                .stream().findFirst().orElseThrow(() -> notFound("price list", id));
    }

    /** Work entries of a project, of one status or ({@code status == null}) all. */
    long workEntryCount(UUID projectId, WorkEntryStatus status) {
        Long n = status == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM tdm_workentry WHERE msdyn_project = ?", Long.class, projectId)
                : jdbc.queryForObject("SELECT COUNT(*) FROM tdm_workentry WHERE msdyn_project = ? AND tdm_status = ?",
                        Long.class, projectId, status.name());
        return n == null ? 0 : n;
    }

    private static TandemException notFound(String entity, UUID id) {
        return new TandemException(OperationsError.NOT_FOUND, "Unknown " + entity + " " + id,
                Map.of("entity", entity, "id", id.toString()));
    }
}
