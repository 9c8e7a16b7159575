package dev.tandem.server.operations;

import static dev.tandem.server.api.Decimals.plain;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.NteStatus;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.backlog.BillingBacklog;
import dev.tandem.operations.backlog.BillingBacklog.BacklogPage;
import dev.tandem.operations.backlog.BillingBacklog.CurrencyTotal;
import dev.tandem.operations.backlog.BillingBacklog.Filter;
import dev.tandem.server.api.IdList;
import dev.tandem.server.api.InputError;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.operations.ContractViews.MilestoneView;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The billing backlog (§4.2, §4.6, §5 step 7): the Time and Material backlog (unbilled sales actuals not invoiced and
 * not reversed) and the fixed-price milestone backlog, filtered and paged with totals per currency over all pages,
 * and the Ready / Not ready to invoice actions. NTE-Failed actuals show but can't be marked Ready: 409
 * {@code NTE_FAILED} with {@code limit}, {@code committed} and {@code requested} (§11 rule 3). Marking is
 * all-or-nothing.
 */
@RestController
@RequestMapping(OperationsApi.BASE + "/backlog")
public class BacklogController {

    private final BillingBacklog backlog;

    public BacklogController(ProjectOperations operations) {
        this.backlog = operations.backlog();
    }

    /**
     * The rows matching a filter in one currency: their number, the sum of their amounts and the sum of the
     * chargeable ones (what invoices would total; every milestone is chargeable).
     */
    record TotalView(String currency, long count, String amount, String chargeableAmount) {

        static TotalView of(CurrencyTotal t) {
            return new TotalView(t.currency(), t.count(), plain(t.amount()), plain(t.chargeableAmount()));
        }
    }

    /** One page of the backlog plus {@code totals}, one per currency, over every page of the filter. */
    record BacklogView<T>(List<T> items, int page, int size, long total, List<TotalView> totals) {

        static <R, T> BacklogView<T> of(BacklogPage<R> page, Function<R, T> view) {
            return new BacklogView<>(page.items().stream().map(view).toList(), page.page(), page.size(), page.total(),
                    page.totals().stream().map(TotalView::of).toList());
        }
    }

    /**
     * Unbilled sales actuals, oldest document date first; dates filter the document date, inclusive;
     * {@code classification} (e.g. {@code TIME}) and {@code nteStatus} (e.g. {@code FAILED}) narrow them.
     */
    @GetMapping("/time-and-material")
    BacklogView<ActualView> timeAndMaterial(@RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) UUID projectId, @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean readyOnly,
            @RequestParam(required = false) TransactionClassification classification,
            @RequestParam(required = false) NteStatus nteStatus, PageRequest page) {
        Filter f = filter(contractId, projectId, customerId, from, to, readyOnly);
        Filter filter = new Filter(f.contractId(), f.projectId(), f.customerId(), f.from(), f.to(), f.readyOnly(),
                classification, nteStatus);
        return BacklogView.of(backlog.timeAndMaterial(filter, page.page(), page.size()), ActualView::of);
    }

    /** Milestones not yet invoiced, oldest milestone date first; dates filter the milestone date, inclusive. */
    @GetMapping("/milestones")
    BacklogView<MilestoneView> milestones(@RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) UUID projectId, @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean readyOnly, PageRequest page) {
        Filter filter = filter(contractId, projectId, customerId, from, to, readyOnly);
        return BacklogView.of(backlog.milestones(filter, page.page(), page.size()), MilestoneView::of);
    }

    @PostMapping("/actuals/ready")
    ResponseEntity<Void> actualsReady(@Valid @RequestBody IdList body) {
        backlog.markActuals(body.ids(), true);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/actuals/not-ready")
    ResponseEntity<Void> actualsNotReady(@Valid @RequestBody IdList body) {
        backlog.markActuals(body.ids(), false);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/milestones/ready")
    ResponseEntity<Void> milestonesReady(@Valid @RequestBody IdList body) {
        backlog.markMilestones(body.ids(), true);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/milestones/not-ready")
    ResponseEntity<Void> milestonesNotReady(@Valid @RequestBody IdList body) {
        backlog.markMilestones(body.ids(), false);
        return ResponseEntity.noContent().build();
    }

    /** A date range that ends before it starts would silently match nothing, so it is refused instead. */
    private static Filter filter(UUID contractId, UUID projectId, UUID customerId, LocalDate from, LocalDate to,
            boolean readyOnly) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InputError("to", "must not be before from (" + from + "), was " + to).refusal();
        }
        return new Filter(contractId, projectId, customerId, from, to, readyOnly);
    }
}
