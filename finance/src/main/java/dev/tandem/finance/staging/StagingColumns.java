package dev.tandem.finance.staging;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The columns of the actuals staging table (§3.7, {@code V1__actuals_staging.sql}) as the staging entity's write path
 * sees them: their SQL type, which ones a delivered actual must carry, and which ones Finance owns.
 *
 * <p>Values arrive from the dual-write runtime as Java objects or as their JSON text; {@link #coerce} turns them into
 * the column's Java type or says why it can't. Decimals are accepted as {@link BigDecimal}, integers or decimal text,
 * never as {@code double} (binary floating point would change amounts on the way).
 */
final class StagingColumns {

    /** Java type of a column, with the limits its SQL type sets. */
    enum Kind { UUID, DATE, INTEGER, AMOUNT, RATE, BOOLEAN, TIMESTAMP, TEXT }

    record Column(String name, Kind kind, int length) {
    }

    /** Fields every delivered actual must carry (the NOT NULL columns without a Finance default). */
    static final List<String> REQUIRED = List.of("actualid", "projectdataareaid", "projectid", "transactioncurrencyid",
            "transtype", "transactionclassification", "amount", "quantity", "documentdate");

    /**
     * Fields Finance writes and a delivery does not: the row id, the processing fields (§3.7), the accounting
     * details written back on posting (§10) and the proposal fields set on invoice-proposal creation (§10 item 2),
     * and the audit columns. A delivered value for them is ignored, so a redelivered full image cannot undo a
     * posting's write-back.
     */
    static final Set<String> FINANCE_OWNED = Set.of("actualsimportid", "isprocessed", "integrationcount", "isduplicate",
            "projadvancedjournalline", "vouchernumber", "salestaxamount", "accountingamount", "isjournalized",
            "invoiceproposalid", "invoiceproposallinetransid", "fundingsourceid", "createdon", "createdby",
            "modifiedon", "modifiedby");

    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1E13");
    private static final BigDecimal RATE_LIMIT = new BigDecimal("1E9");

    private static final Map<String, Column> COLUMNS = new LinkedHashMap<>();

    static {
        for (String c : List.of("actualsimportid", "actualid", "contractline", "contractingunit", "owningbusinessid",
                "owninguser", "taskid", "transactioncategory", "projadvancedjournalline", "resourceid",
                "resourceoperationunitid")) {
            add(c, Kind.UUID, 0);
        }
        for (String c : List.of("accountingdate", "documentdate", "startdate", "enddate", "exchangeratedate")) {
            add(c, Kind.DATE, 0);
        }
        for (String c : List.of("adjustmentstatus", "billingstatusid", "billingtype", "status", "statusreason",
                "transactionclassification", "transtype", "integrationcount")) {
            add(c, Kind.INTEGER, 0);
        }
        for (String c : List.of("amount", "amountmst", "quantity", "unitprice", "unitpricemst", "salestaxamount",
                "accountingamount")) {
            add(c, Kind.AMOUNT, 0);
        }
        add("exchangerate", Kind.RATE, 0);
        for (String c : List.of("isjournalized", "isprocessed", "isduplicate")) {
            add(c, Kind.BOOLEAN, 0);
        }
        add("createdon", Kind.TIMESTAMP, 0);
        add("modifiedon", Kind.TIMESTAMP, 0);
        Object[][] texts = {{"contractid", 50}, {"description", 500}, {"externaldescription", 500},
            {"externalreference", 100}, {"invoiceid", 50}, {"projectid", 50}, {"transactioncategoryid", 100},
            {"transactioncurrencyid", 3}, {"unitofmeasure", 20}, {"projectdataareaid", 10},
            {"customeraccountnumber", 50}, {"productnumber", 50}, {"vouchernumber", 40}, {"bookableresourcename", 200},
            {"activitynumber", 50}, {"fundingsourceid", 50}, {"invoiceproposalid", 50},
            {"invoiceproposallinetransid", 50}, {"createdby", 100}, {"modifiedby", 100}};
        for (Object[] t : texts) {
            add((String) t[0], Kind.TEXT, (Integer) t[1]);
        }
        if (!COLUMNS.keySet().equals(Set.copyOf(FinanceDataEntities.ACTUALS_STAGING.fields()))
                || !FINANCE_OWNED.equals(Set.copyOf(FinanceDataEntities.ACTUALS_STAGING.readOnly()))) {
            throw new IllegalStateException("StagingColumns and FinanceDataEntities.ACTUALS_STAGING disagree");
        }
    }

    private StagingColumns() {
    }

    private static void add(String name, Kind kind, int length) {
        COLUMNS.put(name, new Column(name, kind, length));
    }

    static boolean isColumn(String name) {
        return COLUMNS.containsKey(name);
    }

    /**
     * The value in the column's Java type ({@code null} stays {@code null}).
     *
     * @throws FieldProblem with a sentence naming the field when the value does not fit the column
     */
    static Object coerce(String name, Object value) {
        Column column = COLUMNS.get(name);
        if (value == null) {
            return null;
        }
        try {
            return switch (column.kind()) {
                case UUID -> value instanceof UUID u ? u : UUID.fromString(text(value));
                case DATE -> value instanceof LocalDate d ? d : LocalDate.parse(text(value));
                case INTEGER -> integer(value);
                case AMOUNT -> decimal(name, value, AMOUNT_LIMIT, 6);
                case RATE -> decimal(name, value, RATE_LIMIT, 10);
                case BOOLEAN -> value instanceof Boolean b ? b : Boolean.valueOf(bool(text(value)));
                case TIMESTAMP -> value instanceof OffsetDateTime t ? t : OffsetDateTime.parse(text(value));
                case TEXT -> text(name, value, column.length());
            };
        } catch (FieldProblem e) {
            throw e;
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new FieldProblem("Field '" + name + "' has the value '" + value + "', which is not a "
                    + describe(column.kind()));
        }
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s.trim();
        }
        throw new IllegalArgumentException("not text");
    }

    private static String text(String name, Object value, int length) {
        String s = value.toString();
        if (s.length() > length) {
            throw new FieldProblem("Field '" + name + "' is " + s.length() + " characters long; at most "
                    + length + " fit");
        }
        return s;
    }

    private static Integer integer(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long || value instanceof Short || value instanceof BigInteger) {
            return Math.toIntExact(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return d.intValueExact();
        }
        return Integer.valueOf(text(value));
    }

    private static BigDecimal decimal(String name, Object value, BigDecimal limit, int scale) {
        BigDecimal d;
        if (value instanceof BigDecimal b) {
            d = b;
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            d = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger i) {
            d = new BigDecimal(i);
        } else if (value instanceof Double || value instanceof Float) {
            throw new FieldProblem("Field '" + name + "' arrived as a binary floating-point number ("
                    + value + "); send it as a decimal (text or BigDecimal) so that no digit changes on the way");
        } else {
            d = new BigDecimal(text(value));
        }
        d = d.stripTrailingZeros();
        if (d.scale() > scale || d.abs().compareTo(limit) >= 0) {
            throw new FieldProblem("Field '" + name + "' is " + d.toPlainString() + ": it must be below "
                    + limit.toPlainString() + " with at most " + scale + " decimals");
        }
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static String bool(String s) {
        if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
            throw new NumberFormatException(s);
        }
        return s;
    }

    /** A value that does not fit its column, with the sentence to show. */
    static final class FieldProblem extends IllegalArgumentException {

        FieldProblem(String message) {
            super(message);
        }
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case UUID -> "row id (GUID)";
            case DATE -> "date (yyyy-mm-dd)";
            case INTEGER -> "whole number";
            case AMOUNT, RATE -> "decimal number";
            case BOOLEAN -> "yes/no value (true or false)";
            case TIMESTAMP -> "timestamp with offset";
            case TEXT -> "text";
        };
    }
}
