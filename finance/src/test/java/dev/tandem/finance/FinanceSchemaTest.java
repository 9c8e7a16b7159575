package dev.tandem.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.testing.DatabaseTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Finance schema on both databases: the actuals staging table (spec §3.7) and its constraints. */
class FinanceSchemaTest extends DatabaseTest {

    private JdbcTemplate jdbc;

    @Override
    protected List<String> migrationLocations() {
        return List.of(FinanceSchema.LOCATIONS);
    }

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(dataSource());
    }

    @Test
    void createsTheStagingTableNextToTheOutbox() {
        assertThat(jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_name IN (?, ?)", String.class,
                "projcdsactualsimport", "dw_outbox"))
                .containsExactlyInAnyOrder("projcdsactualsimport", "dw_outbox");
    }

    @Test
    void migratingAgainChangesNothing() {
        List<String> before = appliedVersions();

        FinanceSchema.migrate(dataSource());

        // Not a list of every version: each new migration would have to edit it. Every migration on the classpath
        // is applied, the dual-write migrations (0.x: outbox, runtime bookkeeping) before staging (1), and the second
        // run applies none.
        List<String> after = appliedVersions();
        assertThat(after).isEqualTo(before).startsWith("0.1").contains("1").doesNotHaveDuplicates();
        assertThat(after.subList(0, after.indexOf("1"))).allMatch(v -> v.startsWith("0."));
        assertThat(Flyway.configure().dataSource(dataSource()).locations(FinanceSchema.LOCATIONS).load().info().pending())
                .isEmpty();
    }

    @Test
    void acceptsAMinimalRowAndDefaultsTheProcessingFields() {
        Map<String, Object> row = minimalRow();
        insert(row);

        Map<String, Object> stored = jdbc.queryForMap(
                "SELECT isprocessed, integrationcount, isduplicate, isjournalized, vouchernumber "
                        + "FROM projcdsactualsimport WHERE actualid = ?", row.get("actualid"));
        assertThat(stored).containsEntry("isprocessed", false).containsEntry("integrationcount", 0)
                .containsEntry("isduplicate", false).containsEntry("isjournalized", false)
                .containsEntry("vouchernumber", null);
    }

    @Test
    void keepsAmountsToSixDecimalPlaces() {
        Map<String, Object> row = minimalRow();
        row.put("amount", new BigDecimal("1234567890123.123456"));
        row.put("accountingamount", new BigDecimal("-0.000001"));
        insert(row);

        Map<String, Object> stored = jdbc.queryForMap(
                "SELECT amount, accountingamount FROM projcdsactualsimport WHERE actualid = ?", row.get("actualid"));
        assertThat((BigDecimal) stored.get("amount")).isEqualByComparingTo("1234567890123.123456");
        assertThat((BigDecimal) stored.get("accountingamount")).isEqualByComparingTo("-0.000001");
    }

    @Test
    void refusesAnAmountBeyondThirteenIntegerDigits() {
        Map<String, Object> row = minimalRow();
        row.put("amount", new BigDecimal("10000000000000"));

        assertThatThrownBy(() -> insert(row)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void refusesASecondRowForTheSameActual() {
        Map<String, Object> first = minimalRow();
        insert(first);
        Map<String, Object> second = minimalRow();
        second.put("actualid", first.get("actualid"));

        assertThatThrownBy(() -> insert(second)).isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projcdsactualsimport", Integer.class)).isOne();
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"actualid", "amount", "quantity", "documentdate", "projectid", "projectdataareaid",
            "transactioncurrencyid", "transtype", "transactionclassification", "createdon", "modifiedby"})
    void refusesARowWithoutARequiredColumn(String column) {
        Map<String, Object> row = minimalRow();
        row.put(column, null);

        assertThatThrownBy(() -> insert(row)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void refusesANegativeIntegrationCount() {
        Map<String, Object> row = minimalRow();
        row.put("integrationcount", -1);

        assertThatThrownBy(() -> insert(row)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void refusesAnExchangeRateThatIsNotPositive() {
        Map<String, Object> row = minimalRow();
        row.put("exchangerate", BigDecimal.ZERO);

        assertThatThrownBy(() -> insert(row)).isInstanceOf(DataIntegrityViolationException.class);
    }

    /** The columns without a default that every staged actual carries. */
    private static Map<String, Object> minimalRow() {
        OffsetDateTime now = OffsetDateTime.of(2025, 3, 31, 12, 0, 0, 0, ZoneOffset.UTC);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("actualsimportid", UUID.randomUUID());
        row.put("actualid", UUID.randomUUID());
        row.put("amount", new BigDecimal("1200.00"));
        row.put("quantity", new BigDecimal("8"));
        row.put("documentdate", LocalDate.of(2025, 3, 31));
        row.put("projectid", "PRJ-000001");
        row.put("projectdataareaid", "USPM");
        row.put("transactioncurrencyid", "USD");
        row.put("transtype", 192350005);
        row.put("transactionclassification", 192350000);
        row.put("createdon", now);
        row.put("createdby", "dual-write");
        row.put("modifiedon", now);
        row.put("modifiedby", "dual-write");
        return row;
    }

    private void insert(Map<String, Object> row) {
        String sql = "INSERT INTO projcdsactualsimport (" + String.join(", ", row.keySet()) + ") VALUES ("
                + row.keySet().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        jdbc.update(sql, row.values().toArray());
    }

    private List<String> appliedVersions() {
        // Flyway also records schema creation as a row without a version; only migrations count here.
        return jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                + "ORDER BY installed_rank", String.class);
    }
}
