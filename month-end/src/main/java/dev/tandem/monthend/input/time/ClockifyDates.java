package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.Cell;
import dev.tandem.monthend.input.InputProblem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date order of one Clockify export's {@code Start Date} column (docs/input-format.md, "Clockify"). Clockify
 * writes dates in the exporting user's form, {@code MM/DD/YYYY} or {@code DD/MM/YYYY}, and says nothing about which.
 * The order is certain when company.yaml declares it ({@code clockifyDateFormat}), or when the file decides it: a
 * date whose first part is over 12 (and second is not) makes the file day-first, one whose second part is over 12
 * month-first. A file with both kinds has a DATE_FORMAT problem on every deciding row; in a file that decides
 * nothing, a date whose day and month differ (both 12 or less) is AMBIGUOUS_DATE, while {@code 03/03/2025} reads
 * the same both ways and is fine.
 */
final class ClockifyDates {

    /** The two orders, by the form company.yaml and the messages write them. */
    enum Order {
        MONTH_FIRST("MM/DD/YYYY"), DAY_FIRST("DD/MM/YYYY");

        private final String form;

        Order(String form) {
            this.form = form;
        }

        LocalDate date(int first, int second, int year) {
            return this == MONTH_FIRST ? LocalDate.of(year, first, second) : LocalDate.of(year, second, first);
        }
    }

    private static final Pattern DATE = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4})");

    private final Order order;
    private final String why;
    private final boolean conflicting;

    private ClockifyDates(Order order, String why, boolean conflicting) {
        this.order = order;
        this.why = why;
        this.conflicting = conflicting;
    }

    /**
     * The date order of a file: the declared one when {@code declaredFormat} is not null, else decided by the file's
     * {@code dates}.
     *
     * @param declaredFormat {@code MM/DD/YYYY}, {@code DD/MM/YYYY} (company.yaml {@code clockifyDateFormat}) or null
     * @throws IllegalArgumentException when {@code declaredFormat} is another value (company.yaml's reader rejects
     *                                  those first)
     */
    static ClockifyDates of(String declaredFormat, List<Cell> dates) {
        if (declaredFormat != null) {
            for (Order order : Order.values()) {
                if (order.form.equalsIgnoreCase(declaredFormat.strip())) {
                    return new ClockifyDates(order, "clockifyDateFormat of company.yaml", false);
                }
            }
            throw new IllegalArgumentException("clockifyDateFormat must be MM/DD/YYYY or DD/MM/YYYY, not "
                    + declaredFormat);
        }
        boolean dayFirst = false;
        boolean monthFirst = false;
        for (Cell date : dates) {
            Matcher m = DATE.matcher(date.asWritten());
            if (m.matches()) {
                int first = Integer.parseInt(m.group(1));
                int second = Integer.parseInt(m.group(2));
                dayFirst |= first > 12 && second <= 12;
                monthFirst |= second > 12 && first <= 12;
            }
        }
        if (dayFirst == monthFirst) {
            return new ClockifyDates(null, null, dayFirst);
        }
        return dayFirst
                ? new ClockifyDates(Order.DAY_FIRST, "the form of this file: a date has a first part over 12", false)
                : new ClockifyDates(Order.MONTH_FIRST, "the form of this file: a date has a second part over 12",
                false);
    }

    /** The date of {@code cell}; null with a REQUIRED, DATE_FORMAT or AMBIGUOUS_DATE problem when not certain. */
    LocalDate read(Cell cell, List<InputProblem> problems) {
        if (Values.required(cell, problems) == null) {
            return null;
        }
        Matcher m = DATE.matcher(cell.asWritten());
        if (!m.matches()) {
            String form = order == null ? "MM/DD/YYYY or DD/MM/YYYY" : order.form;
            cell.problem("DATE_FORMAT", "\"" + cell.asWritten() + "\" is not a date in the form " + form);
            return null;
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        int year = Integer.parseInt(m.group(3));
        if (order != null) {
            return date(cell, order, first, second, year, order.form + " (" + why + ")", problems);
        }
        if (conflicting && (first > 12 || second > 12)) {
            cell.problem("DATE_FORMAT", "\"" + cell.asWritten() + "\" cannot be read with certainty: this"
                    + " file has dates with a first part over 12 (DD/MM/YYYY) and dates with a second part over 12"
                    + " (MM/DD/YYYY); set clockifyDateFormat in company.yaml");
            return null;
        }
        if (first != second && first <= 12 && second <= 12 && first > 0 && second > 0) {
            cell.problem("AMBIGUOUS_DATE", "\"" + cell.asWritten() + "\" reads as MM/DD/YYYY and as"
                    + " DD/MM/YYYY, and no date of this file has a part over 12 to decide; set clockifyDateFormat in"
                    + " company.yaml");
            return null;
        }
        // Day and month are equal (both orders agree), or the value is not a date in either order.
        return date(cell, Order.MONTH_FIRST, first, second, year, "MM/DD/YYYY or DD/MM/YYYY", problems);
    }

    private static LocalDate date(Cell cell, Order order, int first, int second, int year, String form,
                                  List<InputProblem> problems) {
        try {
            return order.date(first, second, year);
        } catch (DateTimeException e) {
            cell.problem("DATE_FORMAT",
                    "\"" + cell.asWritten() + "\" is not a date in the form " + form);
            return null;
        }
    }

    /** The declared or decided order, or null when the file leaves it open. */
    Order order() {
        return order;
    }
}
