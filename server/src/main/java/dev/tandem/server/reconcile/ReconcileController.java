package dev.tandem.server.reconcile;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reconcile}: checks the invariants of DESIGN §4 across both databases and answers the
 * {@link ReconcileReport} as JSON, 200 whether or not they hold ({@code ok} says which); a database that can't be
 * read is the usual 500 problem.
 */
@RestController
public class ReconcileController {

    private final Reconciliation reconciliation;

    public ReconcileController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/api/reconcile")
    public ReconcileReport reconcile() {
        return reconciliation.check();
    }
}
