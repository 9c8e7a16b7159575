package dev.tandem.server.operations;

import dev.tandem.common.Page;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.Actuals;
import dev.tandem.operations.actuals.Actuals.Connection;
import dev.tandem.operations.masterdata.MasterData;
import dev.tandem.operations.masterdata.MasterDataTable;
import dev.tandem.server.api.PageRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads actuals (§3.1) and their transaction connections (§3.6). Actuals are read-only: approval, cancel approval
 * and invoicing create them (§11 rule 8).
 */
@RestController
@RequestMapping(OperationsApi.BASE)
public class ActualController {

    private final Actuals actuals;
    private final MasterData masterData;

    public ActualController(ProjectOperations operations) {
        this.actuals = operations.actuals();
        this.masterData = operations.masterData();
    }

    /**
     * A transaction connection: {@code transaction1} in {@code role1} is linked to {@code transaction2} in
     * {@code role2}, e.g. an Unbilled Sales actual to its Cost actual, or a reversal to its original.
     */
    record ConnectionView(UUID id, UUID transaction1, Option role1, UUID transaction2, Option role2) {

        static ConnectionView of(Connection c) {
            return new ConnectionView(c.id(), c.transaction1(), Option.of(c.role1()), c.transaction2(),
                    Option.of(c.role2()));
        }
    }

    @GetMapping("/actuals/{actualId}")
    ActualView actual(@PathVariable UUID actualId) {
        return ActualView.of(actuals.actual(actualId));
    }

    /** Connections in which the actual is transaction 1 or 2, oldest first. */
    @GetMapping("/actuals/{actualId}/connections")
    Page<ConnectionView> connections(@PathVariable UUID actualId, PageRequest page) {
        actuals.actual(actualId);
        return page.slice(actuals.connections(actualId).stream().map(ConnectionView::of).toList());
    }

    /** A project's actuals, newest document date first. */
    @GetMapping("/projects/{projectId}/actuals")
    Page<ActualView> byProject(@PathVariable UUID projectId, PageRequest page) {
        masterData.requireExists(MasterDataTable.PROJECTS, projectId);
        List<ActualView> items = actuals.byProject(projectId, page.page(), page.size()).stream().map(ActualView::of)
                .toList();
        return page.toPage(items, actuals.countByProject(projectId));
    }
}
