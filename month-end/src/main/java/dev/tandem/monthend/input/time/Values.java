package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.Cell;
import dev.tandem.monthend.input.InputProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value forms of the tracker exports (docs/input-format.md, "Time-tracker exports"): ISO dates, decimal hours,
 * {@code H:MM:SS} durations, times of day and {@code Yes}/{@code No}. Each reader adds a problem for a value it
 * cannot read with certainty and then returns null; the row is then dropped by its caller.
 */
final class Values {

    /** Hours are stored with 6 decimals (work entry quantity, NUMERIC(19,6)). */
    static final int HOUR_SCALE = 6;

    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Pattern DECIMAL = Pattern.compile("(-)?(\\d+(?:\\.\\d+)?)");
    private static final Pattern DURATION = Pattern.compile("(-)?(\\d+):([0-5]\\d):([0-5]\\d)");
    private static final Pattern TIME_24 = Pattern.compile("(\\d{1,2}):([0-5]\\d):([0-5]\\d)");
    private static final Pattern TIME_12 =
            Pattern.compile("(\\d{1,2}):([0-5]\\d):([0-5]\\d) ?([AP]M)", Pattern.CASE_INSENSITIVE);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private Values() {
    }

    /** The value, or null with a REQUIRED problem when it is empty. */
    static String required(Cell cell, List<InputProblem> problems) {
        return cell.required() == null ? null : cell.asWritten();
    }

    /** A {@code YYYY-MM-DD} date that exists; else REQUIRED or DATE_FORMAT ({@link Cell#date}, as every file). */
    static LocalDate isoDate(Cell cell, List<InputProblem> problems) {
        return cell.date(true);
    }

    /**
     * Decimal hours with a {@code .} and at most 6 decimals, 0 or more (Harvest {@code Hours}, Clockify
     * {@code Duration (decimal)}); else REQUIRED, NEGATIVE or NUMBER_FORMAT ({@code 1,5} is not read as 1.5).
     */
    static BigDecimal decimalHours(Cell cell, List<InputProblem> problems) {
        if (required(cell, problems) == null) {
            return null;
        }
        Matcher m = DECIMAL.matcher(cell.asWritten());
        if (!m.matches()) {
            cell.problem("NUMBER_FORMAT", "\"" + cell.asWritten()
                    + "\" is not a number of hours with a '.' as decimal point and no other separator (e.g. 1.5)");
            return null;
        }
        BigDecimal hours = new BigDecimal(m.group(2));
        if (hours.scale() > HOUR_SCALE) {
            cell.problem("NUMBER_FORMAT",
                    "\"" + cell.asWritten() + "\" has more than " + HOUR_SCALE + " decimals");
            return null;
        }
        return negative(cell, m.group(1) != null, problems) ? null : hours;
    }

    /**
     * A duration {@code H:MM:SS} in hours: seconds / 3600 rounded half-up to 6 decimals (0:20:00 is 0.333333).
     * Else REQUIRED, DURATION_FORMAT, NEGATIVE, or INVALID when longer than {@code maxHours} (null = no limit).
     */
    static BigDecimal duration(Cell cell, Integer maxHours, List<InputProblem> problems) {
        if (required(cell, problems) == null) {
            return null;
        }
        Matcher m = DURATION.matcher(cell.asWritten());
        if (!m.matches()) {
            cell.problem("DURATION_FORMAT",
                    "\"" + cell.asWritten() + "\" is not a duration in the form H:MM:SS");
            return null;
        }
        if (negative(cell, m.group(1) != null, problems)) {
            return null;
        }
        long seconds = Long.parseLong(m.group(2)) * 3600 + Long.parseLong(m.group(3)) * 60
                + Long.parseLong(m.group(4));
        if (maxHours != null && seconds > maxHours * 3600L) {
            cell.problem("INVALID",
                    "\"" + cell.asWritten() + "\" is longer than " + maxHours + " hours; one time entry cannot be");
            return null;
        }
        return BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, HOUR_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * A time of day {@code HH:MM:SS} (24 h) or, when {@code twelveHour}, also {@code hh:mm:ss AM}/{@code PM},
     * normalized to {@code HH:MM:SS}; else REQUIRED or INVALID.
     */
    static String timeOfDay(Cell cell, boolean twelveHour, List<InputProblem> problems) {
        if (required(cell, problems) == null) {
            return null;
        }
        LocalTime time = parseTime(cell.asWritten(), twelveHour);
        if (time == null) {
            cell.problem("INVALID", "\"" + cell.asWritten() + "\" is not a time of day in the form HH:MM:SS"
                    + (twelveHour ? " (24 h) or hh:mm:ss AM/PM" : " (24 h)"));
            return null;
        }
        return time.format(HH_MM_SS);
    }

    private static LocalTime parseTime(String value, boolean twelveHour) {
        Matcher m24 = TIME_24.matcher(value);
        if (m24.matches()) {
            int hour = Integer.parseInt(m24.group(1));
            return hour < 24 ? time(hour, m24) : null;
        }
        Matcher m12 = TIME_12.matcher(value);
        if (twelveHour && m12.matches()) {
            int hour = Integer.parseInt(m12.group(1));
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = m12.group(4).equalsIgnoreCase("PM");
            return time(hour % 12 + (pm ? 12 : 0), m12);
        }
        return null;
    }

    private static LocalTime time(int hour, Matcher m) {
        return LocalTime.of(hour, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** {@code Yes} or {@code No} (in any letter case); else REQUIRED or YES_NO. */
    static Boolean yesNo(Cell cell, List<InputProblem> problems) {
        if (required(cell, problems) == null) {
            return null;
        }
        if (cell.asWritten().equalsIgnoreCase("Yes")) {
            return true;
        }
        if (cell.asWritten().equalsIgnoreCase("No")) {
            return false;
        }
        cell.problem("YES_NO", "\"" + cell.asWritten() + "\" is neither Yes nor No");
        return null;
    }

    private static boolean negative(Cell cell, boolean negative, List<InputProblem> problems) {
        if (negative) {
            cell.problem("NEGATIVE", "\"" + cell.asWritten() + "\" is below zero");
        }
        return negative;
    }
}
