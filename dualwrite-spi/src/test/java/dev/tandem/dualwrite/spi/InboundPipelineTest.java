package dev.tandem.dualwrite.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.common.testing.DatabaseTest;
import dev.tandem.dualwrite.AppContext;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The inbound pipeline, one case per rule, on H2 and PostgreSQL ({@link DatabaseTest}): an entity {@code things}
 * over a table with a UUID key, an alternate key, a decimal of scale 2, a text of at most 5 characters, a date, a
 * read-only field and the audit fields. Its rule records what reaches it and writes inserts and changed fields.
 */
class InboundPipelineTest extends DatabaseTest {

    private static final DataEntityDefinition THINGS = new DataEntityDefinition("things", "thing", "thingid",
            List.of("thingid", "code", "amount", "label", "validfrom", "secret", "createdon", "createdby",
                    "modifiedon", "modifiedby"))
            .withAlternateKeys("code")
            .withReadOnly("secret", "createdon", "createdby", "modifiedon", "modifiedby");

    private static final String ID = "0190cccc-0000-7000-8000-000000000001";

    private AppContext ctx;
    private final List<InboundRefusal> refusals = new ArrayList<>();
    private final List<List<InboundRow>> written = new ArrayList<>();
    private boolean deletesAllowed;
    private DataEntity things;

    @Override
    protected List<String> migrationLocations() {
        return List.of("classpath:db/dualwrite");
    }

    @BeforeEach
    void setUp() {
        ctx = new AppContext(dataSource(), new DataSourceTransactionManager(dataSource()), Clock.systemUTC(),
                () -> "sync-user");
        ctx.jdbc().execute("CREATE TABLE thing (thingid UUID PRIMARY KEY, code VARCHAR(10) NOT NULL UNIQUE, "
                + "amount NUMERIC(19,2), label VARCHAR(5), validfrom DATE, secret VARCHAR(10), "
                + "createdon TIMESTAMP WITH TIME ZONE, createdby VARCHAR(100), modifiedon TIMESTAMP WITH TIME ZONE, "
                + "modifiedby VARCHAR(100))");
        things = InboundPipeline.entity(THINGS, ctx, this::refuse, new InboundRule() {
            @Override
            public String noun() {
                return "Thing";
            }

            @Override
            public void write(String keyField, List<InboundRow> rows) {
                written.add(rows);
                List<Map<String, Object>> inserts = new ArrayList<>();
                Map<Object, Map<String, Object>> updates = new LinkedHashMap<>();
                for (InboundRow row : rows) {
                    if (row.isNew()) {
                        inserts.add(row.completed());
                    } else {
                        updates.put(row.stored().get("thingid"), row.changes(Set.of("thingid", keyField)));
                    }
                }
                InboundPipeline.write(ctx, THINGS, inserts, updates);
            }

            @Override
            public String whyNoDeletes(DataEntityDefinition entity) {
                return deletesAllowed ? null : InboundRule.super.whyNoDeletes(entity);
            }
        });
    }

    private TandemException refuse(InboundRefusal refusal) {
        refusals.add(refusal);
        return new TandemException(DualWriteError.INVALID_INPUT, refusal.toString());
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    /** The JSON-shaped row the runtime delivers for a new thing. */
    private static Map<String, Object> delivered() {
        return row("thingid", ID, "code", "T-1", "amount", "12.50", "label", "Box", "validfrom", "2026-03-02");
    }

    @SafeVarargs
    private void upsert(Map<String, Object>... rows) {
        things.upsert("thingid", List.of(rows));
    }

    private InboundRefusal refused(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(TandemException.class);
        assertThat(refusals).hasSize(1);
        assertThat(count("thing")).isZero();
        assertThat(count("dw_outbox")).isZero();
        assertThat(written).isEmpty();
        return refusals.getFirst();
    }

    private int count(String table) {
        return ctx.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Test
    void aRowWithoutItsKeyIsRefusedByItsPositionAndNothingIsWritten() {
        InboundRefusal refusal = refused(() -> upsert(delivered(), row("code", "T-2", "label", "No id")));

        assertThat(refusal).isEqualTo(new InboundRefusal.KeyMissing("things", "thingid", "Thing", 2));
    }

    @Test
    void aBlankKeyIsAMissingKey() {
        InboundRefusal refusal = refused(() -> upsert(row("thingid", " ", "code", "T-2")));

        assertThat(refusal).isInstanceOf(InboundRefusal.KeyMissing.class);
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheRowAndTheField() {
        Map<String, Object> row = delivered();
        row.put("colour", "red");

        assertThat(refused(() -> upsert(row)))
                .isEqualTo(new InboundRefusal.UnknownField("things", "Thing " + ID, "colour"));
    }

    @Test
    void aReadOnlyFieldIsRefusedNamingTheRowAndTheField() {
        Map<String, Object> row = delivered();
        row.put("secret", "x");

        assertThat(refused(() -> upsert(row))).isInstanceOfSatisfying(InboundRefusal.ReadOnlyField.class, r -> {
            assertThat(r.row()).isEqualTo("Thing " + ID);
            assertThat(r.field()).isEqualTo("secret");
            assertThat(r.writable()).containsExactly("thingid", "code", "amount", "label", "validfrom");
        });
    }

    @Test
    void jsonShapedValuesAreCoercedToTheColumnTypesAndTextIsTrimmed() {
        Map<String, Object> row = delivered();
        row.put("label", " Box ");
        upsert(row);

        assertThat(written).singleElement().satisfies(rows -> assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(UUID.fromString(ID));
            assertThat(r.name()).isEqualTo("Thing " + ID);
            assertThat(r.isNew()).isTrue();
            assertThat(r.delivered()).containsEntry("amount", new BigDecimal("12.50"))
                    .containsEntry("validfrom", LocalDate.of(2026, 3, 2)).containsEntry("label", "Box");
        }));
        Map<String, Object> stored = things.read("code", List.of("T-1")).getFirst();
        assertThat(stored).containsEntry("thingid", UUID.fromString(ID)).containsEntry("label", "Box")
                .containsEntry("validfrom", LocalDate.of(2026, 3, 2)).containsEntry("createdby", "sync-user");
        assertThat((BigDecimal) stored.get("amount")).isEqualByComparingTo("12.5");
    }

    @Test
    void aValueThatDoesNotFitItsColumnIsRefusedNamingTheRowTheFieldAndTheValue() {
        Map<String, Object> row = delivered();
        row.put("amount", "12.345");

        assertThat(refused(() -> upsert(row)))
                .isEqualTo(new InboundRefusal.DoesNotFit("things", "Thing " + ID, "amount", "12.345", "BigDecimal"));
    }

    @Test
    void aBadDateIsRefused() {
        Map<String, Object> row = delivered();
        row.put("validfrom", "02.03.2026");

        assertThat(refused(() -> upsert(row))).isInstanceOfSatisfying(InboundRefusal.DoesNotFit.class,
                r -> assertThat(r.field()).isEqualTo("validfrom"));
    }

    @Test
    void aTextLongerThanItsColumnIsRefusedNamingTheRowKeyAndTheField() {
        Map<String, Object> row = delivered();
        row.put("label", "Parcel");

        assertThat(refused(() -> upsert(row)))
                .isEqualTo(new InboundRefusal.TooLong("things", "Thing " + ID, "label", "Parcel", 5));
    }

    @Test
    void anUnchangedRowWritesNothingNoUpdateAndNoOutboxRow() {
        upsert(delivered());
        Map<String, Object> before = things.read("thingid", List.of(ID)).getFirst();

        Map<String, Object> again = delivered();
        again.put("amount", 12.5); // the same decimal, delivered as a JSON number
        again.put("label", "Box  ");
        upsert(again);

        assertThat(written).hasSize(1);
        assertThat(count("dw_outbox")).isOne();
        assertThat(things.read("thingid", List.of(ID)).getFirst()).isEqualTo(before);
    }

    @Test
    void aChangedRowReachesTheRuleWithItsStoredRowAndOnlyTheChangeIsWritten() {
        upsert(delivered());
        things.upsert("code", List.of(row("code", "T-1", "label", "Crate")));

        assertThat(written).hasSize(2);
        InboundRow changed = written.get(1).getFirst();
        assertThat(changed.key()).isEqualTo("T-1");
        assertThat(changed.stored()).containsEntry("label", "Box");
        assertThat(changed.changes(Set.of("code"))).containsOnlyKeys("label");
        assertThat(changed.completed()).containsEntry("label", "Crate").containsEntry("validfrom",
                LocalDate.of(2026, 3, 2));
        assertThat(ctx.jdbc().queryForList("SELECT operation FROM dw_outbox ORDER BY sequence_no", String.class))
                .containsExactly("INSERT", "UPDATE");
    }

    @Test
    void rowsOfOneKeyAreMergedLaterFieldsWinning() {
        upsert(delivered(), row("thingid", ID, "label", "Crate"));

        assertThat(written).singleElement().satisfies(rows -> assertThat(rows).singleElement()
                .satisfies(r -> assertThat(r.delivered()).containsEntry("label", "Crate").containsEntry("code", "T-1")));
        assertThat(count("dw_outbox")).isOne();
    }

    @Test
    void deletesAreRefusedUnlessTheEntityAllowsThem() {
        upsert(delivered());

        assertThatThrownBy(() -> things.delete("code", List.of("T-1"))).isInstanceOf(TandemException.class);
        assertThat(refusals).containsExactly(new InboundRefusal.DeleteRefused("things", "Thing", List.of("T-1"),
                "deleting things rows by sync isn't supported"));
        assertThat(count("thing")).isOne();

        deletesAllowed = true;
        things.delete("code", List.of("T-1"));

        assertThat(count("thing")).isZero();
        assertThat(ctx.jdbc().queryForList("SELECT operation FROM dw_outbox ORDER BY sequence_no", String.class))
                .containsExactly("INSERT", "DELETE");
    }

    @Test
    void anEntityWithoutARuleTakesNoWrites() {
        DataEntity readOnly = InboundPipeline.readOnly(THINGS, ctx, this::refuse);

        assertThatThrownBy(() -> readOnly.upsert("thingid", List.of(delivered()))).isInstanceOf(TandemException.class);
        assertThatThrownBy(() -> readOnly.delete("thingid", List.of(ID))).isInstanceOf(TandemException.class);
        assertThat(refusals).containsExactly(new InboundRefusal.EntityReadOnly("things"),
                new InboundRefusal.EntityReadOnly("things"));
        assertThat(count("thing")).isZero();
    }
}
