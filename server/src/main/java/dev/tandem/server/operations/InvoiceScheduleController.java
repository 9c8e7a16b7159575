package dev.tandem.server.operations;

import dev.tandem.common.Page;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.invoicing.Invoicing;
import dev.tandem.operations.invoicing.schedule.InvoiceFrequency;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.api.InputError;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.operations.InvoiceJobViews.RunSummaryView;
import dev.tandem.server.operations.InvoiceJobViews.ScheduleRowView;
import dev.tandem.server.operations.InvoiceJobViews.ScheduleView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoice schedules of Time and Material contract lines and the scheduled invoice run (§3.5, §4.9, §8 "Automatic
 * invoice creation", [D:SCHED], [D:AUTO]): "Generate Invoice Schedule" on a line, its schedule, and a run of
 * everything due on a run date now — what the daily job does ({@code dev.tandem.server.jobs.DailyInvoiceRun}).
 * Generating honours {@value Idempotency#HEADER}.
 *
 * <p>Refusals: 400 {@code INVALID_INPUT} (missing or inconsistent frequency fields, end before start, no run date
 * in the range, an explicit date outside it, a fixed-price line), 409 {@code DUPLICATE} (run dates the line already
 * has, named), 404 {@code NOT_FOUND}. A run never refuses single contracts: their failures are recorded on their
 * rows as Run Failed and reported in the answer.
 */
@RestController
@RequestMapping(OperationsApi.BASE)
public class InvoiceScheduleController {

    private final Invoicing invoicing;
    private final Contracts contracts;
    private final Idempotency idempotency;
    private final Clock clock;

    public InvoiceScheduleController(ProjectOperations operations, Idempotency idempotency, Clock clock) {
        this.invoicing = operations.invoicing();
        this.contracts = operations.contracts();
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** How often the line is invoiced ({@link InvoiceFrequency}). */
    enum Frequency {
        /** Every 7 days from the start date. */
        WEEKLY,
        /** Every 14 days from the start date. */
        BIWEEKLY,
        /** On {@code dayOfMonth} of each month (the month's last day when it is shorter). */
        MONTHLY,
        /** Exactly the given {@code dates}. */
        DATES
    }

    /**
     * Run dates from {@code frequency}, after {@code start} (the billing start date) and on or before {@code end}.
     * {@code dayOfMonth} (1–31) goes with {@code MONTHLY} only, {@code dates} with {@code DATES} only.
     */
    record ScheduleRequest(@NotNull Frequency frequency, @NotNull LocalDate start, @NotNull LocalDate end,
                           Integer dayOfMonth, List<@NotNull LocalDate> dates) {

        /** @throws dev.tandem.common.TandemException 400 naming the missing or misplaced field */
        InvoiceFrequency invoiceFrequency() {
            if (frequency != Frequency.MONTHLY && dayOfMonth != null) {
                throw new InputError("dayOfMonth", "is only for frequency MONTHLY").refusal();
            }
            if (frequency != Frequency.DATES && dates != null) {
                throw new InputError("dates", "are only for frequency DATES").refusal();
            }
            return switch (frequency) {
                case WEEKLY -> InvoiceFrequency.weekly();
                case BIWEEKLY -> InvoiceFrequency.biweekly();
                case MONTHLY -> {
                    if (dayOfMonth == null) {
                        throw new InputError("dayOfMonth", "is required for frequency MONTHLY").refusal();
                    }
                    yield InvoiceFrequency.monthly(dayOfMonth);
                }
                case DATES -> {
                    if (dates == null || dates.isEmpty()) {
                        throw new InputError("dates", "are required for frequency DATES").refusal();
                    }
                    yield InvoiceFrequency.dates(dates);
                }
            };
        }
    }

    /** The date to run for: rows with a run date on or before it are due; absent, today (UTC). */
    record RunRequest(LocalDate runDate) {
    }

    /**
     * "Generate Invoice Schedule": adds Not Run rows to the line's schedule, all or none; answers the line's whole
     * schedule by run date.
     */
    @PostMapping("/contract-lines/{lineId}/invoice-schedule")
    ResponseEntity<?> generate(@PathVariable UUID lineId, @Valid @RequestBody ScheduleRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        InvoiceFrequency frequency = body.invoiceFrequency();
        return idempotency.once(key, request, body, () -> ResponseEntity.ok(ScheduleView.of(lineId,
                invoicing.schedules().generate(lineId, frequency, body.start(), body.end()))));
    }

    /** The line's schedule by run date, with each row's run outcome. */
    @GetMapping("/contract-lines/{lineId}/invoice-schedule")
    Page<ScheduleRowView> schedule(@PathVariable UUID lineId, PageRequest page) {
        contracts.line(lineId);
        return page.slice(invoicing.schedules().schedule(lineId).stream().map(ScheduleRowView::of).toList());
    }

    /**
     * Runs everything due on the run date now, each contract in its own transaction. Not under an
     * {@value Idempotency#HEADER}: the run commits contract by contract, so it can't share one transaction with a
     * stored answer; it needs none, as a repeated run finds the rows already run and does nothing.
     */
    @PostMapping("/invoice-runs")
    RunSummaryView run(@Valid @RequestBody(required = false) RunRequest body) {
        LocalDate runDate = body == null || body.runDate() == null ? LocalDate.now(clock) : body.runDate();
        return RunSummaryView.of(invoicing.runs().runDue(runDate));
    }
}
