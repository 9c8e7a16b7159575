package dev.tandem.operations.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.spi.DataEntity;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.OperationsError;
import dev.tandem.operations.OperationsTestBase;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.invoicing.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write paths dual-write uses (§7, §10): Finance's write-back onto actuals and invoices, the customers,
 * companies and exchange rates Finance is master of, the read-only entities, and typed reads.
 */
class OperationsSyncEntitiesTest extends OperationsTestBase {

    private static final LocalDate INVOICE_DATE = LocalDate.of(2026, 3, 31);

    private List<DataEntity> entities;

    @BeforeEach
    void entities() {
        entities = OperationsSyncEntities.create(ops);
    }

    private DataEntity entity(String name) {
        return entities.stream().filter(e -> e.definition().name().equals(name)).findFirst().orElseThrow();
    }

    /** Upserts as the runtime does: inside a transaction of the app. */
    private void upsert(String entity, String keyField, List<Map<String, Object>> rows) {
        ops.context().inTransaction(() -> entity(entity).upsert(keyField, rows));
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static void refused(Runnable action, OperationsError code, String... words) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.detail()).contains(words);
        });
    }

    private int outbox(String entity, String key) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = ? AND integration_key = ?",
                Integer.class, entity, key);
        return n == null ? 0 : n;
    }

    private Actual unbilledActual() {
        UUID entry = submittedTime("8", DAY);
        ops.workEntries().approve(entry);
        return ops.actuals().bySource(entry).stream()
                .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).findFirst().orElseThrow();
    }

    private UUID draftInvoice() {
        ops.contracts().confirm(contract);
        Actual unbilled = unbilledActual();
        ops.backlog().markActuals(List.of(unbilled.id()), true);
        return ops.invoicing().creation().createForContract(contract, INVOICE_DATE).get(0);
    }

    private UUID confirmedInvoice() {
        UUID id = draftInvoice();
        ops.invoicing().confirmation().confirm(id);
        return id;
    }

    private String number(UUID invoiceId) {
        return ops.invoicing().store().invoice(invoiceId).number();
    }

    private static Map<String, Object> posted(String invoiceNumber) {
        return row("invoicenumber", invoiceNumber, "msdyn_projectinvoicestatus", "690970000",
                "tdm_customerinvoicenumber", "CI-000001", "tdm_customerinvoicedate", "2026-03-31",
                "tdm_customerinvoicetax", "228.00", "tdm_customerinvoiceamount", 1728);
    }

    // --- msdyn_actuals: write-back of accounting details (§10 items 1, 3) ---

    @Test
    void writeBackStoresTheAccountingDetailsOfAnActualAndRecordsTheChange() {
        Actual actual = unbilledActual();
        int before = outbox("msdyn_actuals", actual.id().toString());

        upsert("msdyn_actuals", "msdyn_actualid", List.of(row("msdyn_actualid", actual.id().toString(),
                "tdm_vouchernumber", "GJ-000001", "tdm_accountingamount", "1600.00", "tdm_salestaxamount", 0,
                "exchangerate", "1.0000000000", "msdyn_accountingdate", "2026-03-31")));

        Map<String, Object> stored = jdbc.queryForMap("SELECT tdm_vouchernumber, tdm_accountingamount, "
                + "tdm_salestaxamount, exchangerate, msdyn_accountingdate, msdyn_amount FROM msdyn_actual "
                + "WHERE msdyn_actualid = ?", actual.id());
        assertThat(stored.get("tdm_vouchernumber")).isEqualTo("GJ-000001");
        assertThat((BigDecimal) stored.get("tdm_accountingamount")).isEqualByComparingTo("1600");
        assertThat((BigDecimal) stored.get("tdm_salestaxamount")).isZero();
        assertThat((BigDecimal) stored.get("exchangerate")).isEqualByComparingTo("1");
        assertThat(((java.sql.Date) stored.get("msdyn_accountingdate")).toLocalDate()).isEqualTo(INVOICE_DATE);
        assertThat((BigDecimal) stored.get("msdyn_amount")).isEqualByComparingTo("1600");
        assertThat(outbox("msdyn_actuals", actual.id().toString())).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT operation FROM dw_outbox WHERE integration_key = ? "
                + "ORDER BY sequence_no DESC FETCH FIRST 1 ROWS ONLY", String.class, actual.id().toString()))
                .isEqualTo("UPDATE");
    }

    @Test
    void writeBackWithTheStoredValuesWritesNothing() {
        Actual actual = unbilledActual();
        Map<String, Object> writeBack = row("msdyn_actualid", actual.id().toString(), "tdm_vouchernumber", "GJ-7",
                "tdm_accountingamount", new BigDecimal("1600.5"), "exchangerate", "1.25");
        upsert("msdyn_actuals", "msdyn_actualid", List.of(writeBack));
        Map<String, Integer> counts = rowCounts();
        Object modified = jdbc.queryForObject("SELECT modifiedon FROM msdyn_actual WHERE msdyn_actualid = ?",
                Object.class, actual.id());

        upsert("msdyn_actuals", "msdyn_actualid", List.of(writeBack, row("msdyn_actualid", actual.id(),
                "tdm_accountingamount", "1600.500000")));

        assertThat(rowCounts()).isEqualTo(counts);
        assertThat(jdbc.queryForObject("SELECT modifiedon FROM msdyn_actual WHERE msdyn_actualid = ?",
                Object.class, actual.id())).isEqualTo(modified);
    }

    @Test
    void writeBackOfAnyOtherFieldIsRefusedAndWritesNothing() {
        Actual actual = unbilledActual();
        Map<String, Integer> counts = rowCounts();

        refused(() -> upsert("msdyn_actuals", "msdyn_actualid", List.of(row("msdyn_actualid",
                actual.id().toString(), "tdm_vouchernumber", "GJ-1", "msdyn_amount", "1.00"))),
                OperationsError.INVALID_INPUT, "field msdyn_amount of msdyn_actuals is not written by Finance",
                actual.id().toString());

        assertThat(rowCounts()).isEqualTo(counts);
        assertThat(jdbc.queryForObject("SELECT tdm_vouchernumber FROM msdyn_actual WHERE msdyn_actualid = ?",
                String.class, actual.id())).isNull();
    }

    @Test
    void writeBackForAnUnknownActualIsRefused() {
        UUID unknown = UUID.randomUUID();
        refused(() -> upsert("msdyn_actuals", "msdyn_actualid", List.of(row("msdyn_actualid", unknown.toString(),
                "tdm_vouchernumber", "GJ-1"))), OperationsError.NOT_FOUND,
                "Actual " + unknown + " doesn't exist in Project Operations");
    }

    @Test
    void aValueThatDoesNotFitIsRefusedNamingTheActual() {
        Actual actual = unbilledActual();
        refused(() -> upsert("msdyn_actuals", "msdyn_actualid", List.of(row("msdyn_actualid", actual.id().toString(),
                "tdm_accountingamount", "1.1234567"))), OperationsError.INVALID_INPUT,
                "Actual " + actual.id(), "tdm_accountingamount");
        refused(() -> upsert("msdyn_actuals", "msdyn_actualid", List.of(row("msdyn_actualid", actual.id().toString(),
                "msdyn_accountingdate", "31.03.2026"))), OperationsError.INVALID_INPUT, "msdyn_accountingdate");
        refused(() -> upsert("msdyn_actuals", "msdyn_actualid", List.of(row("msdyn_actualid", actual.id().toString(),
                "tdm_vouchernumber", "V".repeat(41)))), OperationsError.INVALID_INPUT, "at most 40 characters");
    }

    @Test
    void actualsCantBeDeletedThroughDualWrite() {
        Actual actual = unbilledActual();
        refused(() -> ops.context().inTransaction(() -> entity("msdyn_actuals").delete("msdyn_actualid",
                List.of(actual.id()))), OperationsError.INVALID_INPUT, "aren't deleted");
        assertThat(ops.actuals().actual(actual.id())).isNotNull();
    }

    // --- invoices: msdyn_customerinvoices, the posted customer invoice (§10 item 5) ---

    @Test
    void postingWriteBackMakesAConfirmedInvoicePostedAndStoresTheCustomerInvoice() {
        UUID invoiceId = confirmedInvoice();
        String number = number(invoiceId);
        int before = outbox("invoices", invoiceId.toString());

        upsert("invoices", "invoicenumber", List.of(posted(number)));

        assertThat(ops.invoicing().store().invoice(invoiceId).status()).isEqualTo(InvoiceStatus.POSTED);
        Map<String, Object> stored = jdbc.queryForMap("SELECT msdyn_projectinvoicestatus, tdm_customerinvoicenumber, "
                + "tdm_customerinvoicedate, tdm_customerinvoicetax, tdm_customerinvoiceamount, modifiedby FROM invoice "
                + "WHERE invoiceid = ?", invoiceId);
        assertThat(stored.get("msdyn_projectinvoicestatus")).isEqualTo(690970000);
        assertThat(stored.get("tdm_customerinvoicenumber")).isEqualTo("CI-000001");
        assertThat(((java.sql.Date) stored.get("tdm_customerinvoicedate")).toLocalDate()).isEqualTo(INVOICE_DATE);
        assertThat((BigDecimal) stored.get("tdm_customerinvoicetax")).isEqualByComparingTo("228");
        assertThat((BigDecimal) stored.get("tdm_customerinvoiceamount")).isEqualByComparingTo("1728");
        assertThat(stored.get("modifiedby")).isEqualTo("pm@example.test");
        assertThat(outbox("invoices", invoiceId.toString())).isEqualTo(before + 1);

        // Idempotent: the same write-back again writes nothing.
        upsert("invoices", "invoicenumber", List.of(posted(number)));
        assertThat(outbox("invoices", invoiceId.toString())).isEqualTo(before + 1);
    }

    @Test
    void aPostedInvoiceStaysReadOnlyAndIsRevisedAndPaidLikeAConfirmedOne() {
        UUID invoiceId = confirmedInvoice();
        String number = number(invoiceId);
        upsert("invoices", "invoicenumber", List.of(posted(number)));

        refused(() -> ops.invoicing().drafts().deleteInvoice(invoiceId), OperationsError.INVOICE_READ_ONLY, "Posted");
        refused(() -> ops.invoicing().drafts().setStatus(invoiceId, InvoiceStatus.DRAFT), OperationsError.INVOICE_STATUS,
                "Posted");
        UUID corrective = ops.invoicing().revision().revise(invoiceId, null);
        assertThat(ops.invoicing().store().invoice(corrective).correctedInvoiceId()).isEqualTo(invoiceId);

        ops.invoicing().drafts().markPaid(invoiceId);
        assertThat(ops.invoicing().store().invoice(invoiceId).status()).isEqualTo(InvoiceStatus.INVOICE_PAID);
        // A repeated write-back leaves the paid invoice Paid.
        int outbox = outbox("invoices", invoiceId.toString());
        upsert("invoices", "invoicenumber", List.of(posted(number)));
        assertThat(ops.invoicing().store().invoice(invoiceId).status()).isEqualTo(InvoiceStatus.INVOICE_PAID);
        assertThat(outbox("invoices", invoiceId.toString())).isEqualTo(outbox);
    }

    @Test
    void anInvoiceMarkedPaidBeforeFinancePostedItTakesTheWriteBackAndStaysPaid() {
        UUID invoiceId = confirmedInvoice();
        String number = number(invoiceId);
        ops.invoicing().drafts().markPaid(invoiceId);

        Map<String, Object> withoutStatus = new java.util.LinkedHashMap<>(posted(number));
        withoutStatus.remove("msdyn_projectinvoicestatus");
        upsert("invoices", "invoicenumber", List.of(withoutStatus));

        assertThat(ops.invoicing().store().invoice(invoiceId).status()).isEqualTo(InvoiceStatus.INVOICE_PAID);
        assertThat(jdbc.queryForObject("SELECT tdm_customerinvoicenumber FROM invoice WHERE invoiceid = ?", String.class,
                invoiceId)).isEqualTo("CI-000001");
    }

    @Test
    void theCustomerInvoiceWithoutAStatusMakesAConfirmedInvoicePosted() {
        UUID invoiceId = confirmedInvoice();
        Map<String, Object> withoutStatus = new java.util.LinkedHashMap<>(posted(number(invoiceId)));
        withoutStatus.remove("msdyn_projectinvoicestatus");

        upsert("invoices", "invoicenumber", List.of(withoutStatus));

        assertThat(ops.invoicing().store().invoice(invoiceId).status()).isEqualTo(InvoiceStatus.POSTED);
    }

    @Test
    void postingWriteBackOntoADraftIsRefusedWithTheInvoiceStatus() {
        UUID invoiceId = draftInvoice();
        String number = number(invoiceId);
        Map<String, Integer> counts = rowCounts();

        refused(() -> upsert("invoices", "invoicenumber", List.of(posted(number))), OperationsError.INVOICE_STATUS,
                "Invoice " + number + " is Draft");

        assertThat(rowCounts()).isEqualTo(counts);
        assertThat(ops.invoicing().store().invoice(invoiceId).status()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void financeSetsNoOtherStatusThanPosted() {
        UUID invoiceId = confirmedInvoice();
        String number = number(invoiceId);
        refused(() -> upsert("invoices", "invoicenumber", List.of(row("invoicenumber", number,
                "msdyn_projectinvoicestatus", InvoiceStatus.INVOICE_PAID.value()))), OperationsError.INVOICE_STATUS,
                number, "only to Posted", "Invoice Paid");
        refused(() -> upsert("invoices", "invoicenumber", List.of(row("invoicenumber", number, "totalamount", "1"))),
                OperationsError.INVALID_INPUT, "field totalamount of invoices is not written by Finance");
    }

    @Test
    void postingWriteBackForAnUnknownInvoiceIsRefused() {
        refused(() -> upsert("invoices", "invoicenumber", List.of(posted("INV-999999"))), OperationsError.NOT_FOUND,
                "Invoice INV-999999 doesn't exist in Project Operations");
    }

    // --- accounts: Customers, Finance is master ---

    @Test
    void customersInsertNewAccountsAndRenameExistingOnes() {
        upsert("accounts", "accountnumber", List.of(row("accountnumber", "C-900", "name", "Northwind"),
                row("accountnumber", "C-001", "name", "Fabrikam Inc.")));

        Map<String, Object> created = jdbc.queryForMap("SELECT * FROM account WHERE accountnumber = 'C-900'");
        assertThat(created.get("accountid")).isInstanceOf(UUID.class);
        assertThat(created.get("name")).isEqualTo("Northwind");
        assertThat(created.get("createdby")).isEqualTo("pm@example.test");
        assertThat(jdbc.queryForObject("SELECT name FROM account WHERE accountid = ?", String.class, customer))
                .isEqualTo("Fabrikam Inc.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'accounts' AND operation = "
                + "'INSERT' AND integration_key = ?", Integer.class, created.get("accountid").toString())).isOne();
        int outbox = count("dw_outbox");

        upsert("accounts", "accountnumber", List.of(row("accountnumber", "C-001", "name", "Fabrikam Inc.")));

        assertThat(count("dw_outbox")).isEqualTo(outbox);
    }

    @Test
    void customersAreValidated() {
        Map<String, Integer> counts = rowCounts();
        int accounts = count("account");

        refused(() -> upsert("accounts", "accountnumber", List.of(row("accountnumber", "C-901"))),
                OperationsError.INVALID_INPUT, "Account C-901", "name is required");
        refused(() -> upsert("accounts", "accountnumber", List.of(row("accountnumber", "C-001", "name", " "))),
                OperationsError.INVALID_INPUT, "Account C-001", "name is required");
        refused(() -> upsert("accounts", "accountnumber", List.of(row("accountnumber", "C-902", "name",
                "N".repeat(161)))), OperationsError.INVALID_INPUT, "Account C-902", "at most 160 characters");
        refused(() -> upsert("accounts", "accountnumber", List.of(row("accountnumber", "C-0000000000000000000903",
                "name", "Too long"))), OperationsError.INVALID_INPUT, "at most 20 characters");
        refused(() -> upsert("accounts", "accountnumber", List.of(row("accountnumber", "C-001", "name", "F",
                "createdby", "finance"))), OperationsError.INVALID_INPUT, "field createdby of accounts");
        refused(() -> ops.context().inTransaction(() -> entity("accounts").delete("accountnumber", List.of("C-001"))),
                OperationsError.INVALID_INPUT, "aren't deleted");

        assertThat(rowCounts()).isEqualTo(counts);
        assertThat(count("account")).isEqualTo(accounts);
    }

    // --- cdm_companies, msdyn_currencyexchangerates: plain upserts, Finance is master ---

    @Test
    void companiesAndExchangeRatesAreUpserted() {
        upsert("cdm_companies", "cdm_companycode", List.of(row("cdm_companycode", "USMF", "cdm_name", "Contoso USA",
                "tdm_accountingcurrency", "USD")));
        upsert("cdm_companies", "cdm_companycode", List.of(row("cdm_companycode", "USMF", "cdm_name",
                "Contoso Entertainment USA")));
        assertThat(jdbc.queryForMap("SELECT cdm_name, tdm_accountingcurrency FROM cdm_company WHERE cdm_companycode = "
                + "'USMF'")).containsEntry("cdm_name", "Contoso Entertainment USA")
                .containsEntry("tdm_accountingcurrency", "USD");

        upsert("msdyn_currencyexchangerates", "msdyn_currencyexchangerateid", List.of(
                row("msdyn_currencyexchangerateid", "ECB|EUR|USD|2026-03-02", "msdyn_ratetype", "ECB",
                        "msdyn_fromcurrency", "EUR", "msdyn_tocurrency", "USD", "msdyn_rate", "1.0825",
                        "msdyn_validfrom", "2026-03-02"),
                row("msdyn_ratetype", "ECB", "msdyn_fromcurrency", "EUR", "msdyn_tocurrency", "GBP",
                        "msdyn_rate", 0.8351, "msdyn_validfrom", "2026-03-02")));
        upsert("msdyn_currencyexchangerates", "msdyn_currencyexchangerateid", List.of(
                row("msdyn_currencyexchangerateid", "ECB|EUR|USD|2026-03-02", "msdyn_rate", "1.0831")));

        assertThat(jdbc.queryForObject("SELECT msdyn_rate FROM msdyn_currencyexchangerate WHERE "
                + "msdyn_currencyexchangerateid = 'ECB|EUR|USD|2026-03-02'", BigDecimal.class))
                .isEqualByComparingTo("1.0831");
        assertThat(jdbc.queryForObject("SELECT msdyn_rate FROM msdyn_currencyexchangerate WHERE "
                + "msdyn_currencyexchangerateid = 'ECB|EUR|GBP|2026-03-02'", BigDecimal.class))
                .isEqualByComparingTo("0.8351");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'msdyn_currencyexchangerates'",
                Integer.class)).isEqualTo(3);

        ops.context().inTransaction(() -> entity("msdyn_currencyexchangerates").delete("msdyn_currencyexchangerateid",
                List.of("ECB|EUR|GBP|2026-03-02")));
        assertThat(count("msdyn_currencyexchangerate")).isOne();
    }

    @Test
    void companiesAndExchangeRatesAreValidated() {
        refused(() -> upsert("cdm_companies", "cdm_companycode", List.of(row("cdm_companycode", "DEMF", "cdm_name",
                "Contoso Germany"))), OperationsError.INVALID_INPUT, "Company DEMF", "tdm_accountingcurrency is required");
        refused(() -> upsert("cdm_companies", "cdm_companycode", List.of(row("cdm_companycode", "DEMF", "cdm_name",
                "Contoso Germany", "tdm_accountingcurrency", "XYZ"))), OperationsError.INVALID_INPUT, "Company DEMF",
                "XYZ", "ISO 4217");
        refused(() -> upsert("msdyn_currencyexchangerates", "msdyn_currencyexchangerateid", List.of(
                row("msdyn_currencyexchangerateid", "ECB|EUR|USD|2026-03-03", "msdyn_ratetype", "ECB",
                        "msdyn_fromcurrency", "EUR", "msdyn_tocurrency", "USD", "msdyn_rate", "1.08",
                        "msdyn_validfrom", "2026-03-02"))), OperationsError.INVALID_INPUT,
                "Exchange rate ECB|EUR|USD|2026-03-03", "ECB|EUR|USD|2026-03-02");
        refused(() -> upsert("msdyn_currencyexchangerates", "msdyn_currencyexchangerateid", List.of(
                row("msdyn_ratetype", "ECB", "msdyn_fromcurrency", "EUR", "msdyn_tocurrency", "USD", "msdyn_rate", "0",
                        "msdyn_validfrom", "2026-03-02"))), OperationsError.INVALID_INPUT, "greater than 0");
        refused(() -> upsert("msdyn_currencyexchangerates", "msdyn_currencyexchangerateid", List.of(
                row("msdyn_currencyexchangerateid", "ECB|EUR|USD|2026-03-02", "msdyn_rate", "1.08"))),
                OperationsError.INVALID_INPUT, "msdyn_ratetype is required");
        refused(() -> upsert("msdyn_currencyexchangerates", "msdyn_currencyexchangerateid", List.of(
                row("msdyn_ratetype", "ECB", "msdyn_fromcurrency", "EUR", "msdyn_tocurrency", "USD",
                        "msdyn_rate", "1.08", "msdyn_validfrom", "2026-03-02", "createdon", "2026-03-02T00:00:00Z"))),
                OperationsError.INVALID_INPUT, "field createdon");
        assertThat(count("cdm_company") + count("msdyn_currencyexchangerate")).isZero();
    }

    // --- read-only entities and typed reads ---

    @Test
    void entitiesProjectOperationsIsMasterOfRefuseWrites() {
        refused(() -> upsert("msdyn_projects", "msdyn_projectid", List.of(row("msdyn_projectid", project.toString(),
                "msdyn_subject", "Renamed"))), OperationsError.INVALID_INPUT, "msdyn_projects is read-only");
        refused(() -> ops.context().inTransaction(() -> entity("salesorders").delete("salesorderid",
                List.of(contract))), OperationsError.INVALID_INPUT, "salesorders is read-only");
        assertThat(jdbc.queryForObject("SELECT msdyn_subject FROM msdyn_project WHERE msdyn_projectid = ?",
                String.class, project)).isEqualTo("ERP rollout");
    }

    @Test
    void readAndPageReturnTypedRows() {
        Actual actual = unbilledActual();

        Map<String, Object> read = entity("msdyn_actuals").read("msdyn_actualid", List.of(actual.id().toString()))
                .get(0);
        assertThat(read.get("msdyn_actualid")).isEqualTo(actual.id());
        assertThat(read.get("msdyn_project")).isEqualTo(project);
        assertThat(read.get("msdyn_documentdate")).isEqualTo(DAY);
        assertThat(read.get("msdyn_amount")).isInstanceOfSatisfying(BigDecimal.class,
                a -> assertThat(a).isEqualByComparingTo("1600"));
        assertThat(read.get("msdyn_quantity")).isInstanceOf(BigDecimal.class);
        assertThat(read.get("createdon")).isInstanceOf(OffsetDateTime.class);
        assertThat(read.get("tdm_skipsync")).isEqualTo(false);
        assertThat(read.get("msdyn_transactiontypecode")).isEqualTo(TransactionType.UNBILLED_SALES.value());

        assertThat(entity("accounts").read("accountnumber", List.of("C-001", "C-404")))
                .singleElement().satisfies(a -> assertThat(a).containsEntry("accountid", customer));

        List<Map<String, Object>> firstPage = entity("msdyn_actuals").page(null, 1);
        assertThat(firstPage).singleElement().satisfies(r -> assertThat(r.get("msdyn_actualid")).isInstanceOf(UUID.class));
        List<Map<String, Object>> rest = entity("msdyn_actuals").page(firstPage.get(0).get("msdyn_actualid").toString(), 10);
        assertThat(rest).hasSize(count("msdyn_actual") - 1);
        assertThat(rest).extracting(r -> r.get("msdyn_actualid")).doesNotContain(firstPage.get(0).get("msdyn_actualid"));
        assertThat(entity("msdyn_organizationalunits").page(null, 10)).singleElement()
                .satisfies(u -> assertThat(u).containsEntry("msdyn_organizationalunitid", unit)
                        .containsEntry("tdm_legalentity", "USMF"));
    }

    @Test
    void theEntitiesAreTheDefinitionsInRelationshipOrder() {
        assertThat(entities).extracting(DataEntity::definition).containsExactlyElementsOf(OperationsDataEntities.ALL);
    }

    @Test
    void masterDataIsWrittenThroughTheOutbox() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'accounts' AND integration_key = ?",
                Integer.class, customer.toString())).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'msdyn_organizationalunits' "
                + "AND integration_key = ?", Integer.class, unit.toString())).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'bookableresources' "
                + "AND integration_key = ?", Integer.class, resource.toString())).isOne();
    }
}
