package dev.tandem.finance.rates;

import static dev.tandem.finance.FinanceError.INVALID_INPUT;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports the European Central Bank's historical euro reference rates ({@code eurofxref-hist.csv}) into
 * {@code exchangerate} as EUR → X rates of one rate type (§9; §11 item 20 is what a missing rate then causes).
 *
 * <p>The file: a header {@code Date,USD,JPY,…} naming ISO 4217 codes, then one row per business day, newest first,
 * each cell "units of X per 1 EUR". A cell {@code N/A} or empty means no rate that day (the currency did not exist
 * yet or any more) and is skipped. The ECB ends every line with a comma, so a trailing empty column is accepted.
 * Each rate is stored as published, at {@link ExchangeRates#RATE_SCALE} decimals at most: nothing is rounded.
 *
 * <p>Refusals ({@code INVALID_INPUT}, the whole import rolled back, nothing written) name the line number and the
 * column: a header that does not start with {@code Date} or names a column that is not a three-letter code, or names
 * one twice; a row with a different number of cells; a date that is not {@code yyyy-mm-dd} or repeats an earlier
 * row's; a cell that is not a positive decimal of at most 9 integer and 10 decimal digits (the column's
 * {@code NUMERIC(19,10)}). Broken CSV quoting is refused with Commons CSV's message, which names the line and position.
 * An unknown rate type is {@code NOT_FOUND}.
 *
 * <p>Importing is an upsert per (rate type, EUR, currency, date): a file imported twice leaves the table as once, and a
 * corrected rate replaces the old one. Rates are a data entity ({@link ExchangeRates#ENTITY}), so they are written
 * through the data-entity writer and every new or corrected rate is in the outbox in the same transaction. The file
 * is streamed and written in batches of {@value #BATCH_SIZE} rows (one read of the batch's stored rates, one JDBC
 * batch of inserts, one of updates), so memory does not grow with the file (only the set of dates seen, one entry
 * per row, is kept); the real file (~6,700 dates × up to 41 currencies) imports in one transaction.
 *
 * <p>A {@link Scope} keeps only the rates an installation needs: some currencies, and the dates from one day to
 * another plus, per currency, its latest rate before the first day. Because a rate is looked up as the latest one on
 * or before a date ({@link ExchangeRates}), every lookup on a day of the scope then finds the same rate as it would
 * after importing the whole file (a weekend or holiday at the start of the scope falls back to the rate before it).
 * The cells outside the scope are still read and checked, so a broken file is refused whatever the scope.
 */
public final class EcbRatesImport {

    /** Rows per JDBC batch. */
    static final int BATCH_SIZE = 1000;
    private static final String EUR = "EUR";
    private static final String DATE_COLUMN = "Date";
    private static final String NOT_AVAILABLE = "N/A";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** A rate that fits NUMERIC(19,10): at most 9 integer and 10 decimal digits, no sign, no exponent. */
    private static final Pattern RATE = Pattern.compile("\\d{1,9}(\\.\\d{1,10})?");
    /**
     * Empty lines are kept as records (and skipped here) so that a record's number is its line number in the file,
     * which refusals name.
     */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

    /**
     * Which rates of the file an import stores: the rates of {@code currencies} (ISO 4217 codes, each a column the
     * file must have; null for every column of the file) dated from {@code from} to {@code to} (both included; null
     * for no bound), and, when {@code from} is set, each of those currencies' latest rate dated before {@code from},
     * so that a lookup on any day from {@code from} on finds the rate it would find with the whole file imported.
     *
     * @throws TandemException INVALID_INPUT when {@code from} is after {@code to} or a currency is not a three-letter
     *                         code
     */
    public record Scope(Set<String> currencies, LocalDate from, LocalDate to) {

        /** Every rate of the file. */
        public static final Scope ALL = new Scope(null, null, null);

        public Scope {
            currencies = currencies == null ? null : Set.copyOf(currencies);
            if (from != null && to != null && from.isAfter(to)) {
                throw new TandemException(INVALID_INPUT, "The rates' scope starts on " + from + ", after its end " + to,
                        Map.of("from", from.toString(), "to", to.toString()));
            }
            for (String c : currencies == null ? Set.<String>of() : currencies) {
                if (!CURRENCY.matcher(c).matches()) {
                    throw new TandemException(INVALID_INPUT, "'" + c + "' is not a three-letter currency code",
                            Map.of("currency", c));
                }
            }
        }
    }

    /**
     * What an import did.
     *
     * @param dates     data rows (business days) read
     * @param rates     rate cells of the scope, each upserted as one EUR → X row (every rate cell without a scope)
     * @param changed   rows inserted or whose rate changed (0 when the same file is imported again)
     * @param skipped   cells without a rate ({@code N/A} or empty)
     * @param outside   rate cells read and checked but left out, being outside the {@link Scope} (0 without one)
     * @param firstDate earliest date of the file, {@code null} when it has no rows
     * @param lastDate  latest date of the file, {@code null} when it has no rows
     */
    public record Result(String rateType, int dates, long rates, long changed, long skipped, long outside,
                         LocalDate firstDate, LocalDate lastDate) {
    }

    private final FinanceContext ctx;
    private final ExchangeRateTypes types;

    public EcbRatesImport(FinanceContext ctx) {
        this.ctx = ctx;
        this.types = new ExchangeRateTypes(ctx);
    }

    /**
     * Imports the file read from {@code reader} (read to its end and closed) as rates of {@code rateType}, in one
     * transaction (joining the caller's, if any).
     *
     * @throws TandemException INVALID_INPUT naming the line and column of the first bad cell, nothing written;
     *                         NOT_FOUND when the rate type doesn't exist
     */
    public Result importCsv(Reader reader, String rateType) {
        return importCsv(reader, rateType, Scope.ALL);
    }

    /**
     * Imports the rates of {@code scope} from the file read from {@code reader} (read to its end and closed) as rates
     * of {@code rateType}, in one transaction (joining the caller's, if any). Every cell of the file is checked as by
     * {@link #importCsv(Reader, String)}; only the scope's rates are written.
     *
     * @throws TandemException INVALID_INPUT naming the line and column of the first bad cell, or naming a currency of
     *                         the scope the file has no column for, nothing written; NOT_FOUND when the rate type
     *                         doesn't exist
     */
    public Result importCsv(Reader reader, String rateType, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        return ctx.inTransaction(() -> {
            types.require(rateType);
            try (CSVParser parser = FORMAT.parse(reader)) {
                return new Run(rateType, scope, parser).read();
            } catch (UncheckedIOException e) {
                throw unparsable(rateType, e.getCause());
            } catch (IOException e) {
                throw unparsable(rateType, e);
            }
        });
    }

    /** Commons CSV reports malformed quoting (and a failing reader) as an I/O error whose message names the line. */
    private static TandemException unparsable(String rateType, IOException e) {
        return new TandemException(INVALID_INPUT, "ECB rates file can't be parsed: " + e.getMessage(),
                Map.of("rateType", rateType));
    }

    /** One EUR → currency rate of the file, with its integration key. */
    private record Rate(String id, String currency, LocalDate date, BigDecimal rate) {
    }

    /** One pass over one file: its header, the dates seen, the pending batch and the counts. */
    private final class Run {

        private final String rateType;
        private final Scope scope;
        private final Iterator<CSVRecord> records;
        private final Map<String, Object> created = ctx.created();
        private final Map<String, Object> modified = ctx.modified();
        private final List<Rate> batch = new ArrayList<>(BATCH_SIZE);
        private final Map<LocalDate, Long> dateLines = new HashMap<>();
        private List<String> currencies;
        /** Per column after Date: whether the scope keeps the column's currency. */
        private boolean[] kept;
        /** Per kept currency, its latest rate dated before the scope's first day, written at the end. */
        private final Map<String, Rate> before = new HashMap<>();
        private int dates;
        private long outside;
        /** Rate cells dated before the scope's first day, of the kept currencies. */
        private long beforeScope;
        private long rates;
        private long changed;
        private long skipped;
        private LocalDate first;
        private LocalDate last;

        Run(String rateType, Scope scope, CSVParser parser) {
            this.rateType = rateType;
            this.scope = scope;
            this.records = parser.iterator();
        }

        Result read() {
            if (!records.hasNext()) {
                throw refused(1, null, "the file is empty; the first line is the header Date,USD,JPY,…");
            }
            currencies = header(records.next());
            kept = new boolean[currencies.size()];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = scope.currencies() == null || scope.currencies().contains(currencies.get(i));
            }
            if (scope.currencies() != null && !currencies.containsAll(scope.currencies())) {
                Set<String> missing = new TreeSet<>(scope.currencies());
                missing.removeAll(currencies);
                throw refused(1, null, "the header has no column " + String.join(", ", missing)
                        + ", whose rates are asked for");
            }
            while (records.hasNext()) {
                CSVRecord row = records.next();
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue; // an empty line
                }
                row(row);
            }
            for (Rate r : before.values()) {
                add(r);
            }
            outside += beforeScope - before.size();
            flush();
            return new Result(rateType, dates, rates, changed, skipped, outside, first, last);
        }

        /** The currency of each column after Date, without a trailing empty column. */
        private List<String> header(CSVRecord header) {
            List<String> names = header.toList();
            if (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
                names = names.subList(0, names.size() - 1);
            }
            if (names.isEmpty() || !DATE_COLUMN.equals(names.get(0))) {
                throw refused(1, "1", "'" + (names.isEmpty() ? "" : names.get(0)) + "' is not 'Date'");
            }
            List<String> result = names.subList(1, names.size());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < result.size(); i++) {
                String code = result.get(i);
                if (!CURRENCY.matcher(code).matches()) {
                    throw refused(1, String.valueOf(i + 2), "'" + code + "' is not a three-letter currency code");
                }
                if (!seen.add(code)) {
                    throw refused(1, String.valueOf(i + 2), code + " is named a second time");
                }
            }
            return List.copyOf(result);
        }

        private void row(CSVRecord row) {
            long line = row.getRecordNumber();
            int named = currencies.size() + 1;
            boolean trailingEmpty = row.size() == named + 1 && row.get(named).isEmpty();
            if (row.size() != named && !trailingEmpty) {
                throw refused(line, null, "the row has " + row.size() + " cells, the header names " + named + " columns");
            }
            LocalDate date = date(line, row.get(0));
            Long earlier = dateLines.putIfAbsent(date, line);
            if (earlier != null) {
                throw refused(line, DATE_COLUMN, date + " is already the date of line " + earlier);
            }
            dates++;
            first = first == null || date.isBefore(first) ? date : first;
            last = last == null || date.isAfter(last) ? date : last;
            boolean afterScope = scope.to() != null && date.isAfter(scope.to());
            boolean beforeFrom = scope.from() != null && date.isBefore(scope.from());
            for (int i = 0; i < currencies.size(); i++) {
                String cell = row.get(i + 1);
                if (cell.isEmpty() || NOT_AVAILABLE.equals(cell)) {
                    skipped++;
                    continue;
                }
                String currency = currencies.get(i);
                BigDecimal rate = rate(line, currency, cell);
                if (!kept[i] || afterScope) {
                    outside++;
                } else if (beforeFrom) {
                    // Only the latest rate before the scope is kept; the file may come in any order.
                    Rate latest = before.get(currency);
                    if (latest == null || latest.date().isBefore(date)) {
                        before.put(currency, new Rate(ExchangeRates.rateId(rateType, EUR, currency, date), currency,
                                date, rate));
                    }
                    beforeScope++;
                } else {
                    add(new Rate(ExchangeRates.rateId(rateType, EUR, currency, date), currency, date, rate));
                }
            }
        }

        private void add(Rate rate) {
            batch.add(rate);
            rates++;
            if (batch.size() == BATCH_SIZE) {
                flush();
            }
        }

        private LocalDate date(long line, String cell) {
            try {
                return LocalDate.parse(cell);
            } catch (DateTimeParseException e) {
                throw refused(line, DATE_COLUMN, "'" + cell + "' is not a date (yyyy-mm-dd)");
            }
        }

        private BigDecimal rate(long line, String currency, String cell) {
            BigDecimal rate = RATE.matcher(cell).matches() ? new BigDecimal(cell) : null;
            if (rate == null || rate.signum() <= 0) {
                throw refused(line, currency, "'" + cell + "' is not an exchange rate (a positive "
                        + "number with at most 9 integer and 10 decimal digits, or N/A)");
            }
            return rate;
        }

        /**
         * Writes the batch through the data-entity writer, so every new or corrected rate reaches the outbox (the CDS
         * Exchange Rates map): the stored rates of the batch's keys are read in one query, new rates inserted in one
         * JDBC batch, changed ones updated in another, unchanged ones left alone (a repeated import writes nothing).
         */
        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, BigDecimal> stored = new HashMap<>();
            List<String> ids = batch.stream().map(Rate::id).toList();
            ctx.jdbc().query("SELECT rateid, rate FROM exchangerate WHERE rateid IN (" + FinanceContext.placeholders(ids)
                    + ")", rs -> {
                        stored.put(rs.getString(1), rs.getBigDecimal(2));
                    }, ids.toArray());
            List<Map<String, Object>> inserts = new ArrayList<>();
            Map<Object, Map<String, Object>> updates = new LinkedHashMap<>();
            for (Rate r : batch) {
                BigDecimal old = stored.get(r.id());
                if (old == null) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("rateid", r.id());
                    row.put("ratetype", rateType);
                    row.put("fromcurrency", EUR);
                    row.put("tocurrency", r.currency());
                    row.put("validfrom", r.date());
                    row.put("rate", r.rate());
                    row.putAll(created);
                    inserts.add(row);
                } else if (old.compareTo(r.rate()) != 0) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("rate", r.rate());
                    values.putAll(modified);
                    updates.put(r.id(), values);
                }
            }
            ctx.writer().insert(ExchangeRates.ENTITY, inserts);
            ctx.writer().updateEach(ExchangeRates.ENTITY, updates);
            changed += inserts.size() + updates.size();
            batch.clear();
        }

        /** A refusal naming the line and, when one cell is wrong, its column (header name, or number in the header). */
        private TandemException refused(long line, String column, String why) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("rateType", rateType);
            props.put("line", line);
            if (column != null) {
                props.put("column", column);
            }
            return new TandemException(INVALID_INPUT, "ECB rates file, line " + line
                    + (column == null ? "" : ", column " + column) + ": " + why, props);
        }
    }
}
