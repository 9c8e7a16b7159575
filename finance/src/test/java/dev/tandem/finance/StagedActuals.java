package dev.tandem.finance;

import dev.tandem.finance.staging.StagingRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Delivered actuals as the dual-write runtime hands them to the staging entity: field → value maps of
 * {@code ProjCDSActualsImportEntity}, defaulting to project P-001 of contract PC-001 in USMF, one hour of time,
 * billing type Chargeable.
 */
public final class StagedActuals {

    public static final int TIME = 192350000;
    public static final int CHARGEABLE = 192350001;
    public static final int NON_CHARGEABLE = 192350000;
    public static final int NOT_AVAILABLE = 192350003;

    private StagedActuals() {
    }

    public static Map<String, Object> cost(String amount, String currency, LocalDate documentDate) {
        return actual(StagingRow.COST, amount, currency, documentDate);
    }

    public static Map<String, Object> unbilled(String amount, String currency, LocalDate documentDate) {
        Map<String, Object> row = actual(StagingRow.UNBILLED_SALES, amount, currency, documentDate);
        row.put("customeraccountnumber", "C-001");
        return row;
    }

    public static Map<String, Object> billed(String amount, String currency, LocalDate documentDate) {
        Map<String, Object> row = actual(StagingRow.BILLED_SALES, amount, currency, documentDate);
        row.put("customeraccountnumber", "C-001");
        row.put("invoiceid", "INV-000001");
        return row;
    }

    public static Map<String, Object> actual(int transType, String amount, String currency, LocalDate documentDate) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("actualid", UUID.randomUUID());
        row.put("projectdataareaid", "USMF");
        row.put("projectid", "P-001");
        row.put("contractid", "PC-001");
        row.put("transtype", transType);
        row.put("transactionclassification", TIME);
        row.put("billingtype", CHARGEABLE);
        row.put("quantity", BigDecimal.ONE);
        row.put("unitprice", new BigDecimal(amount));
        row.put("amount", new BigDecimal(amount));
        row.put("transactioncurrencyid", currency);
        row.put("documentdate", documentDate);
        row.put("transactioncategoryid", "Development");
        row.put("description", "Work on " + documentDate);
        return row;
    }

    /** The same map with one field changed, for fluent setup. */
    public static Map<String, Object> with(Map<String, Object> row, String field, Object value) {
        row.put(field, value);
        return row;
    }
}
