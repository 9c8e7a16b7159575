package dev.tandem.operations.actuals;

import static dev.tandem.operations.OperationsError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads actuals. Actuals are never created or edited directly (§3.1 rules): only approval and invoicing do. */
public final class Actuals {

    private final OperationsContext ctx;

    public Actuals(OperationsContext ctx) {
        this.ctx = ctx;
    }

    /** @throws TandemException NOT_FOUND naming the actual id */
    public Actual actual(UUID id) {
        return ctx.jdbc().query("SELECT " + Actual.COLUMNS + " FROM msdyn_actual WHERE msdyn_actualid = ?", Actual::map, id)
                .stream().findFirst().orElseThrow(() -> new TandemException(NOT_FOUND, "Unknown actual " + id,
                        Map.of("entity", "actual", "id", String.valueOf(id))));
    }

    public List<Actual> actuals(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Actual> found = new java.util.ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            found.addAll(ctx.jdbc().query("SELECT " + Actual.COLUMNS + " FROM msdyn_actual WHERE msdyn_actualid IN ("
                    + OperationsContext.placeholders(chunk) + ")", Actual::map, chunk.toArray()));
        }
        return found;
    }

    /** Actuals created from one source document (a work entry), oldest first. */
    public List<Actual> bySource(UUID sourceDocumentId) {
        return ctx.jdbc().query("SELECT " + Actual.COLUMNS + " FROM msdyn_actual WHERE tdm_sourcedocumentid = ? "
                + "ORDER BY createdon, msdyn_actualid", Actual::map, sourceDocumentId);
    }

    /** Actuals of a project, newest first, one page. */
    public List<Actual> byProject(UUID projectId, int page, int size) {
        return ctx.jdbc().query("SELECT " + Actual.COLUMNS + " FROM msdyn_actual WHERE msdyn_project = ? "
                + "ORDER BY msdyn_documentdate DESC, msdyn_actualid LIMIT ? OFFSET ?", Actual::map, projectId, size,
                (long) page * size);
    }

    public long countByProject(UUID projectId) {
        Long n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM msdyn_actual WHERE msdyn_project = ?", Long.class, projectId);
        return n == null ? 0 : n;
    }

    /** A transaction connection as stored (§3.6). */
    public record Connection(UUID id, UUID transaction1, ConnectionRole role1, UUID transaction2, ConnectionRole role2) {
    }

    /** Connections in which the actual is transaction 1 or transaction 2. */
    public List<Connection> connections(UUID actualId) {
        return ctx.jdbc().query("SELECT * FROM msdyn_transactionconnection WHERE msdyn_transaction1 = ? "
                + "OR msdyn_transaction2 = ? ORDER BY createdon", (rs, n) -> new Connection(
                rs.getObject("msdyn_transactionconnectionid", UUID.class), rs.getObject("msdyn_transaction1", UUID.class),
                dev.tandem.operations.OptionValue.of(ConnectionRole.class, rs.getInt("msdyn_transaction1role")),
                rs.getObject("msdyn_transaction2", UUID.class),
                dev.tandem.operations.OptionValue.of(ConnectionRole.class, rs.getInt("msdyn_transaction2role"))),
                actualId, actualId);
    }
}
