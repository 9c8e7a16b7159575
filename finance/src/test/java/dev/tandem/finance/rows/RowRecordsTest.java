package dev.tandem.finance.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowRecordsTest {

    enum Kind { HOUR, FEE }

    record Line(UUID lineId, @Field("projid") String projectId, @Field(value = "currencyid", padded = true)
                String currency, BigDecimal lineAmount, int transType, Integer billingType, boolean toBeInvoiced,
                LocalDate transDate, @Field("linetype") Kind type) {
    }

    record Tax(String taxGroup) {
    }

    private static final UUID ID = UUID.fromString("0190a000-0000-7000-8000-000000000001");

    @Test
    void fieldsAreTheLowerCaseComponentNamesUnlessFieldNamesThem() {
        assertThat(RowRecords.fields(Line.class)).containsExactly("lineid", "projid", "currencyid", "lineamount",
                "transtype", "billingtype", "tobeinvoiced", "transdate", "linetype");
    }

    @Test
    void aRecordBecomesItsFieldMapAndBackWithAmountsAsTheyAre() {
        Line line = new Line(ID, "P-001", "EUR", new BigDecimal("100.125000"), 192350000, null, true,
                LocalDate.of(2025, 4, 30), Kind.FEE);

        Map<String, Object> fields = RowRecords.toFields(line);

        assertThat(fields).containsEntry("projid", "P-001").containsEntry("lineamount", new BigDecimal("100.125000"))
                .containsEntry("linetype", "FEE").containsEntry("billingtype", null).hasSize(9);
        assertThat(RowRecords.fromFields(Line.class, fields)).isEqualTo(line);
        assertThat(RowRecords.toFields(line, Set.of("projid", "currencyid"))).containsOnlyKeys("projid", "currencyid");
        assertThat(RowRecords.values(line)).containsExactly(ID, "P-001", "EUR", new BigDecimal("100.125000"),
                192350000, null, true, LocalDate.of(2025, 4, 30), "FEE");
    }

    @Test
    void missingFieldsAreEmptyAndJdbcShapesAreTakenOver() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("lineid", ID);
        fields.put("transtype", 192350005L);
        fields.put("transdate", Date.valueOf("2025-04-30"));
        fields.put("unknown", "ignored");

        Line line = RowRecords.fromFields(Line.class, fields);

        assertThat(line).isEqualTo(new Line(ID, null, null, null, 192350005, null, false, LocalDate.of(2025, 4, 30),
                null));
    }

    @Test
    void aValueOfAnotherTypeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> RowRecords.fromFields(Line.class, Map.of("lineamount", 1.5d)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lineamount");
    }

    @Test
    void insertListsTheComponentsThenTheAuditColumns() {
        assertThat(RowRecords.insert("projx", Tax.class)).isEqualTo("INSERT INTO projx (taxgroup, createdon, "
                + "createdby, modifiedon, modifiedby) VALUES (?, ?, ?, ?, ?)");
    }

    @Test
    void aPartialRowMustNameFieldsOfTheEntity() {
        DataEntityDefinition entity = new DataEntityDefinition("x", "x", "lineid", List.of("lineid", "taxgroup"));
        RowRecords.requireFieldsOf(entity, Tax.class);
        assertThatThrownBy(() -> RowRecords.requireFieldsOf(entity, Line.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("projid");
    }
}
