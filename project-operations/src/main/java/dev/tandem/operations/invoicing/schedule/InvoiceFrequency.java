package dev.tandem.operations.invoicing.schedule;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;

import dev.tandem.common.TandemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How often a Time and Material contract line is invoiced: the invoice frequency from which its schedule's
 * Invoice Run Dates are generated (§3.5, [D:SCHED]). The original configures frequencies as records (period, runs
 * per period, run day); Tandem offers the common ones directly.
 *
 * <p>Every frequency yields run dates strictly after the billing start date and on or before the end date: the
 * start date is the first day of the first invoiced period, so a run on it would have a cutoff (the day before)
 * preceding everything it should invoice.
 */
public sealed interface InvoiceFrequency {

    /** The run dates between {@code start} (exclusive) and {@code end} (inclusive), ascending. */
    List<LocalDate> runDates(LocalDate start, LocalDate end);

    /** Every 7 days from the start date: start + 7, start + 14, … */
    static InvoiceFrequency weekly() {
        return new EveryDays(7);
    }

    /** Every 14 days from the start date: start + 14, start + 28, … */
    static InvoiceFrequency biweekly() {
        return new EveryDays(14);
    }

    /**
     * Once a month on {@code dayOfMonth} (1–31); in shorter months on the month's last day, so 31 means "month
     * end" and 30 runs on 28 or 29 February.
     */
    static InvoiceFrequency monthly(int dayOfMonth) {
        return new Monthly(dayOfMonth);
    }

    /** Exactly these run dates. */
    static InvoiceFrequency dates(List<LocalDate> dates) {
        return new Dates(dates);
    }

    /** A fixed number of days between runs (weekly: 7, biweekly: 14). */
    record EveryDays(int days) implements InvoiceFrequency {

        public EveryDays {
            if (days < 1) {
                throw new TandemException(INVALID_INPUT, "Days between invoice runs must be at least 1, not " + days);
            }
        }

        @Override
        public List<LocalDate> runDates(LocalDate start, LocalDate end) {
            List<LocalDate> dates = new ArrayList<>();
            for (LocalDate d = start.plusDays(days); !d.isAfter(end); d = d.plusDays(days)) {
                dates.add(d);
            }
            return dates;
        }

        @Override
        public String toString() {
            return "every " + days + " days";
        }
    }

    /** Monthly on a day of the month, clamped to the month's length. */
    record Monthly(int dayOfMonth) implements InvoiceFrequency {

        public Monthly {
            if (dayOfMonth < 1 || dayOfMonth > 31) {
                throw new TandemException(INVALID_INPUT, "The day of month of a monthly invoice run must be 1-31, not "
                        + dayOfMonth);
            }
        }

        @Override
        public List<LocalDate> runDates(LocalDate start, LocalDate end) {
            List<LocalDate> dates = new ArrayList<>();
            for (YearMonth m = YearMonth.from(start); !m.atDay(1).isAfter(end); m = m.plusMonths(1)) {
                LocalDate d = m.atDay(Math.min(dayOfMonth, m.lengthOfMonth()));
                if (d.isAfter(start) && !d.isAfter(end)) {
                    dates.add(d);
                }
            }
            return dates;
        }

        @Override
        public String toString() {
            return "monthly on day " + dayOfMonth;
        }
    }

    /** Explicit run dates, given in any order; each must fall after the start date and on or before the end date. */
    record Dates(List<LocalDate> dates) implements InvoiceFrequency {

        public Dates {
            if (dates == null || dates.isEmpty() || dates.stream().anyMatch(Objects::isNull)) {
                throw new TandemException(INVALID_INPUT, "Explicit invoice run dates must be given, none of them empty");
            }
            if (new TreeSet<>(dates).size() != dates.size()) {
                throw new TandemException(INVALID_INPUT, "Explicit invoice run dates must differ: " + dates);
            }
            dates = List.copyOf(new TreeSet<>(dates));
        }

        @Override
        public List<LocalDate> runDates(LocalDate start, LocalDate end) {
            List<LocalDate> outside = dates.stream().filter(d -> !d.isAfter(start) || d.isAfter(end)).toList();
            if (!outside.isEmpty()) {
                throw new TandemException(INVALID_INPUT, "Invoice run dates " + outside + " are not after the start date "
                        + start + " and on or before the end date " + end);
            }
            return dates;
        }

        @Override
        public String toString() {
            return "dates " + dates;
        }
    }
}
