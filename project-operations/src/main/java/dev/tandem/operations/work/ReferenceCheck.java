package dev.tandem.operations.work;

import static dev.tandem.operations.OperationsError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Checks references of a batch of entries, querying each distinct id once. */
final class ReferenceCheck {

    private final OperationsContext ctx;
    private final Set<String> known = new HashSet<>();

    ReferenceCheck(OperationsContext ctx) {
        this.ctx = ctx;
    }

    void require(String table, String column, UUID id, String what, String row) {
        if (known.contains(table + id)) {
            return;
        }
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Integer.class, id);
        if (n == null || n == 0) {
            throw new TandemException(NOT_FOUND, row + ": unknown " + what + " " + id, Map.of("entity", what, "id", String.valueOf(id)));
        }
        known.add(table + id);
    }

    void requireTaskOfProject(UUID taskId, UUID projectId, String row) {
        if (known.contains("task" + taskId + projectId)) {
            return;
        }
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM msdyn_projecttask WHERE msdyn_projecttaskid = ? "
                + "AND msdyn_project = ?", Integer.class, taskId, projectId);
        if (n == null || n == 0) {
            throw new TandemException(NOT_FOUND, row + ": task " + taskId + " is not a task of project " + projectId);
        }
        known.add("task" + taskId + projectId);
    }
}
