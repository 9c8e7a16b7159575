package dev.tandem.finance.staging;

import static dev.tandem.finance.StagedActuals.cost;
import static dev.tandem.finance.StagedActuals.unbilled;
import static dev.tandem.finance.StagedActuals.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.FinanceTestBase;
import dev.tandem.finance.StagedActuals;
import dev.tandem.finance.staging.StagingEntity.UpsertResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The staging entity's write path (§3.7): validateWrite refusals (§11 item 20), insert, update, double delivery. */
class StagingEntityTest extends FinanceTestBase {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM projcdsactualsimport", Integer.class);
    }

    private int outbox() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox", Integer.class);
    }

    private Map<String, Object> staged(Object actualId) {
        return jdbc.queryForMap("SELECT * FROM projcdsactualsimport WHERE actualid = ?", actualId);
    }

    @Test
    void aNewActualIsInsertedWithTheProcessingFieldsAtTheirDefaultsAndReachesTheOutbox() {
        Map<String, Object> row = cost("800.00", "USD", DAY);

        UpsertResult result = finance.staging().upsert(List.of(row));

        assertThat(result).isEqualTo(new UpsertResult(1, 0, 0));
        Map<String, Object> stored = staged(row.get("actualid"));
        assertThat((BigDecimal) stored.get("amount")).isEqualByComparingTo("800.00");
        assertThat(stored).containsEntry("projectid", "P-001").containsEntry("isprocessed", false)
                .containsEntry("integrationcount", 0).containsEntry("isduplicate", false)
                .containsEntry("isjournalized", false).containsEntry("createdby", "accountant@example.test");
        assertThat(stored.get("actualsimportid")).isNotNull();
        assertThat(jdbc.queryForList("SELECT operation FROM dw_outbox WHERE entity = ? AND integration_key = ?",
                String.class, "ProjCDSActualsImportEntity", row.get("actualid").toString())).containsExactly("INSERT");
    }

    @Test
    void valuesArriveAsTextFromTheRuntimeAndAreStoredInTheirTypes() {
        UUID id = UUID.randomUUID();
        Map<String, Object> row = cost("0", "USD", DAY);
        row.put("actualid", id.toString());
        row.put("amount", "1234.56");
        row.put("quantity", "8.5");
        row.put("documentdate", "2026-03-02");
        row.put("transtype", "192350000");

        finance.staging().upsert(List.of(row));

        Map<String, Object> stored = staged(id);
        assertThat((BigDecimal) stored.get("amount")).isEqualByComparingTo("1234.56");
        assertThat((BigDecimal) stored.get("quantity")).isEqualByComparingTo("8.5");
    }

    @Test
    void aRedeliveryOfAnUnprocessedActualUpdatesIt() {
        Map<String, Object> row = cost("800.00", "USD", DAY);
        finance.staging().upsert(List.of(row));

        UpsertResult result = finance.staging().upsert(List.of(with(row, "amount", new BigDecimal("750.00"))));

        assertThat(result).isEqualTo(new UpsertResult(0, 1, 0));
        assertThat(rows()).isOne();
        assertThat((BigDecimal) staged(row.get("actualid")).get("amount")).isEqualByComparingTo("750.00");
        assertThat(staged(row.get("actualid"))).containsEntry("isduplicate", false);
    }

    @Test
    void aRedeliveryOfAProcessedActualOnlyMarksItDuplicate() {
        Map<String, Object> row = cost("800.00", "USD", DAY);
        finance.staging().upsert(List.of(row));
        finance.importFromStaging().run(LE);
        int lines = jdbc.queryForObject("SELECT COUNT(*) FROM projintegrationjournalline", Integer.class);

        UpsertResult result = finance.staging().upsert(List.of(with(row, "amount", new BigDecimal("999.00"))));

        assertThat(result).isEqualTo(new UpsertResult(0, 0, 1));
        Map<String, Object> stored = staged(row.get("actualid"));
        assertThat(stored).containsEntry("isduplicate", true).containsEntry("isprocessed", true)
                .containsEntry("integrationcount", 1);
        assertThat((BigDecimal) stored.get("amount")).isEqualByComparingTo("800.00");
        finance.importFromStaging().run(LE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projintegrationjournalline", Integer.class))
                .isEqualTo(lines).isOne();
    }

    @Test
    void financeOwnedFieldsInADeliveryAreIgnored() {
        Map<String, Object> row = cost("800.00", "USD", DAY);
        row.put("isprocessed", true);
        row.put("vouchernumber", "GJ-999999");

        finance.staging().upsert(List.of(row));

        assertThat(staged(row.get("actualid"))).containsEntry("isprocessed", false).containsEntry("vouchernumber", null);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a billing type without a line property", FinanceError.LINE_PROPERTY_NOT_FOUND,
                        (UnaryOperator<Map<String, Object>>) r -> with(r, "billingtype", StagedActuals.NOT_AVAILABLE),
                        List.of("Line property Not available doesn't exist", "billing type Not available (192350003)")),
                Arguments.of("an unknown project", FinanceError.PROJECT_NOT_FOUND,
                        (UnaryOperator<Map<String, Object>>) r -> with(r, "projectid", "P-404"),
                        List.of("project P-404 doesn't exist in legal entity USMF")),
                Arguments.of("an unknown customer", FinanceError.CUSTOMER_NOT_FOUND,
                        (UnaryOperator<Map<String, Object>>) r -> with(r, "customeraccountnumber", "C-999"),
                        List.of("Customer C-999 doesn't exist in legal entity USMF")),
                Arguments.of("an unknown legal entity", FinanceError.NOT_FOUND,
                        (UnaryOperator<Map<String, Object>>) r -> with(r, "projectdataareaid", "XXXX"),
                        List.of("legal entity XXXX doesn't exist")),
                Arguments.of("an invalid currency code", FinanceError.INVALID_INPUT,
                        (UnaryOperator<Map<String, Object>>) r -> with(r, "transactioncurrencyid", "ABC"),
                        List.of("currency code 'ABC' is not valid")),
                Arguments.of("a missing document date", FinanceError.INVALID_INPUT,
                        (UnaryOperator<Map<String, Object>>) r -> with(r, "documentdate", null),
                        List.of("field 'documentdate' must be filled in")),
                Arguments.of("a missing project", FinanceError.INVALID_INPUT,
                        (UnaryOperator<Map<String, Object>>) r -> with(r, "projectid", " "),
                        List.of("field 'projectid' must be filled in")),
                Arguments.of("an amount as binary floating point", FinanceError.INVALID_INPUT,
                        (UnaryOperator<Map<String, Object>>) r -> with(r, "amount", 0.1d),
                        List.of("Field 'amount' arrived as a binary floating-point number")),
                Arguments.of("an amount with seven decimals", FinanceError.INVALID_INPUT,
                        (UnaryOperator<Map<String, Object>>) r -> with(r, "amount", new BigDecimal("1.0000001")),
                        List.of("Field 'amount' is 1.0000001")),
                Arguments.of("an unknown transaction type", FinanceError.INVALID_INPUT,
                        (UnaryOperator<Map<String, Object>>) r -> with(r, "transtype", 42),
                        List.of("transaction type 42 is not a Project Operations transaction type")),
                Arguments.of("a field the entity does not have", FinanceError.INVALID_INPUT,
                        (UnaryOperator<Map<String, Object>>) r -> with(r, "msdyn_amount", "1"),
                        List.of("field 'msdyn_amount' is not a field of ProjCDSActualsImportEntity")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aDeliveryWithAWrongActualIsRefusedWholeAndNamesIt(String what, FinanceError code,
                                                          UnaryOperator<Map<String, Object>> breakIt,
                                                          List<String> sentence) {
        finance.staging().upsert(List.of(cost("100.00", "USD", DAY)));
        int rowsBefore = rows();
        int outboxBefore = outbox();
        Map<String, Object> good = unbilled("200.00", "USD", DAY);
        Map<String, Object> bad = breakIt.apply(unbilled("300.00", "USD", DAY));

        assertThatThrownBy(() -> finance.staging().upsert(List.of(good, bad)))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(code);
                    assertThat(e.detail()).contains(sentence).contains("Nothing was written")
                            .contains("Actual " + bad.get("actualid"))
                            .contains("validateWrite failed on data source 'ProjCDSActualsImport'");
                    assertThat(e.properties().get("actualIds")).isEqualTo(List.of(bad.get("actualid").toString()));
                });
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(outbox()).isEqualTo(outboxBefore);
    }

    @Test
    void aRefusalNamesEveryWrongActual() {
        Map<String, Object> first = with(cost("1.00", "USD", DAY), "projectid", "P-404");
        Map<String, Object> second = with(cost("2.00", "USD", DAY), "billingtype", StagedActuals.NOT_AVAILABLE);

        assertThatThrownBy(() -> finance.staging().upsert(List.of(first, second)))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.PROJECT_NOT_FOUND);
                    assertThat(e.detail()).contains(first.get("actualid").toString(), second.get("actualid").toString());
                    assertThat(e.properties()).containsEntry("problems", 2);
                });
        assertThat(rows()).isZero();
    }

    @Test
    void anActualTwiceInOneDeliveryIsRefused() {
        Map<String, Object> row = cost("1.00", "USD", DAY);
        Map<String, Object> again = cost("2.00", "USD", DAY);
        again.put("actualid", row.get("actualid"));

        assertThatThrownBy(() -> finance.staging().upsert(List.of(row, again)))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.detail()).contains("appears more than once"));
        assertThat(rows()).isZero();
    }
}
