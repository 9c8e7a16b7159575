package dev.tandem.server.web;

import dev.tandem.server.reconcile.Reconciliation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The reconcile report for the integration admin (DESIGN §4): each invariant checked across both databases with the
 * rows it looked at, how many break it, and up to ten of them named — what {@code tandem reconcile} and
 * {@code GET /api/reconcile} answer, from the same {@link Reconciliation}. It reads only, so it needs only
 * {@code dualwrite:read}; it is meant for a quiet system (a transaction in flight can show as a transient difference).
 */
@Controller
class ReconcilePage {

    private final Reconciliation reconciliation;

    ReconcilePage(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/reconcile")
    @PreAuthorize("hasAuthority('dualwrite:read')")
    String reconcile(Model model) {
        model.addAttribute("report", reconciliation.check());
        return "reconcile";
    }
}
