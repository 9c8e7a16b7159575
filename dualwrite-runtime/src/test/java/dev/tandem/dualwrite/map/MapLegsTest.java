package dev.tandem.dualwrite.map;

import static dev.tandem.dualwrite.map.MapFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import dev.tandem.dualwrite.map.MapFixtures.FakeLookups;
import dev.tandem.dualwrite.map.MapLeg.Mapped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MapLegsTest {

    private static final String MAP = """
            map: actuals
            name: Actuals
            version: 1.0.0.1
            source: operations/msdyn_actuals
            target: finance/ProjCDSActualsImportEntity
            key: [projectdataareaid, actualid]
            filter: tdm_skipsync ne true
            reverseFilter: vouchernumber ne null
            company:
              source: msdyn_project.msdyn_contractorganizationalunitid.tdm_legalentity
              target: projectdataareaid
              legalEntities: [USMF, DEMF]
            fields:
              - msdyn_actualid = actualid
              - msdyn_amount > amount
              - msdyn_project.msdyn_projectnumber > projectid
              - msdyn_project.msdyn_projectnumber > projectref.projid
              - tdm_vouchernumber < vouchernumber
              - map: msdyn_billingtype = billingtype
                valueMap: {"192350000": "TM", "192350001": "FP"}
              - map: none > isjournalized
                default: "false"
              - map: msdyn_description > description
                default: (none)
            """;

    private final TableMapLoader loader = new TableMapLoader(MapFixtures.entities());
    private TableMap map;
    private FakeLookups operations;
    private FakeLookups finance;

    @BeforeEach
    void setUp() {
        map = loader.load("maps/actuals.yaml", MAP);
        operations = new FakeLookups(MapFixtures.ACTUALS, MapFixtures.PROJECTS, MapFixtures.ORG_UNITS)
                .add("msdyn_projects", row("msdyn_projectid", "P1", "msdyn_projectnumber", "PRJ-1",
                        "msdyn_contractorganizationalunitid", "OU1"))
                .add("msdyn_projects", row("msdyn_projectid", "P2", "msdyn_projectnumber", "PRJ-2",
                        "msdyn_contractorganizationalunitid", "OU2"))
                .add("msdyn_projects", row("msdyn_projectid", "P3", "msdyn_projectnumber", "PRJ-3",
                        "msdyn_contractorganizationalunitid", "OU1"))
                .add("msdyn_projects", row("msdyn_projectid", "P4", "msdyn_projectnumber", "PRJ-4",
                        "msdyn_contractorganizationalunitid", "OU3"))
                .add("msdyn_organizationalunits", row("msdyn_organizationalunitid", "OU1", "tdm_legalentity", "USMF"))
                .add("msdyn_organizationalunits", row("msdyn_organizationalunitid", "OU2", "tdm_legalentity", "DEMF"))
                .add("msdyn_organizationalunits", row("msdyn_organizationalunitid", "OU3", "tdm_legalentity", "GBSI"));
        finance = new FakeLookups(MapFixtures.STAGING, MapFixtures.PROJ_TABLE)
                .add("ProjTable", row("projectrecid", "R1", "projid", "PRJ-1"))
                .add("ProjTable", row("projectrecid", "R2", "projid", "PRJ-2"));
    }

    private static Map<String, Object> actual(String id, String project, Object billingType) {
        return row("msdyn_actualid", id, "msdyn_amount", new BigDecimal("100.00"), "msdyn_project", project,
                "msdyn_billingtype", billingType, "msdyn_description", null, "tdm_skipsync", false);
    }

    @Test
    void forwardLegShape() {
        MapLeg leg = MapLegs.forward(map);
        assertThat(leg.map()).isSameAs(map);
        assertThat(leg.forward()).isTrue();
        assertThat(List.of(leg.fromApp(), leg.fromEntity(), leg.toApp(), leg.toEntity()))
                .containsExactly("operations", "msdyn_actuals", "finance", "ProjCDSActualsImportEntity");
        assertThat(leg.fromKeyField()).isEqualTo("msdyn_actualid");
        assertThat(leg.toKeyField()).isEqualTo("actualid");
    }

    @Test
    void reverseLegShape() {
        MapLeg leg = MapLegs.reverse(map).orElseThrow();
        assertThat(leg.forward()).isFalse();
        assertThat(List.of(leg.fromApp(), leg.fromEntity(), leg.toApp(), leg.toEntity()))
                .containsExactly("finance", "ProjCDSActualsImportEntity", "operations", "msdyn_actuals");
        assertThat(leg.fromKeyField()).isEqualTo("actualid");
        assertThat(leg.toKeyField()).isEqualTo("msdyn_actualid");
    }

    @Test
    void noReverseLegWithoutWriteBack() {
        TableMap oneWay = loader.load("maps/one-way.yaml", MAP
                .replace("  - tdm_vouchernumber < vouchernumber\n", "")
                .replace("msdyn_billingtype = billingtype", "msdyn_billingtype > billingtype"));
        assertThat(MapLegs.reverse(oneWay)).isEmpty();
    }

    @Test
    void forwardTransformResolvesLookupsDefaultsValueMapsAndCompany() {
        List<Mapped> mapped = MapLegs.forward(map).transform(List.of(actual("A1", "P1", 192350000)), operations,
                finance);
        assertThat(mapped).hasSize(1);
        assertThat(mapped.get(0).ok()).isTrue();
        assertThat(mapped.get(0).row()).containsExactly(
                Map.entry("actualid", "A1"),
                Map.entry("amount", new BigDecimal("100.00")),
                Map.entry("projectid", "PRJ-1"),
                Map.entry("projectref", "R1"),
                Map.entry("billingtype", "TM"),
                Map.entry("isjournalized", "false"),
                Map.entry("description", "(none)"),
                Map.entry("projectdataareaid", "USMF"));
    }

    @Test
    void problemsOfSingleRowsDoNotStopTheOthers() {
        List<Mapped> mapped = MapLegs.forward(map).transform(List.of(
                actual("A1", "P3", "192350001"),   // PRJ-3 has no ProjTable row
                actual("A2", "P2", "192350009"),   // no value map entry
                actual("A3", "P2", "192350001")), operations, finance);
        assertThat(mapped.get(0)).isEqualTo(new Mapped(null, ErrorType.LOOKUP,
                "Couldn't resolve the guid for the field: projectref. The lookup was not found: PRJ-3."));
        assertThat(mapped.get(1)).isEqualTo(new Mapped(null, ErrorType.LOOKUP,
                "No value map entry of msdyn_billingtype for value '192350009' in map actuals"));
        assertThat(mapped.get(2).ok()).isTrue();
        assertThat(mapped.get(2).row()).containsEntry("projectref", "R2").containsEntry("billingtype", "FP")
                .containsEntry("projectdataareaid", "DEMF");
    }

    @Test
    void valueMapsMatchNumbersWhateverTheirScale() {
        Map<String, Object> row = actual("A1", "P1", new BigDecimal("192350001.000"));
        assertThat(MapLegs.forward(map).transform(List.of(row), operations, finance).get(0).row())
                .containsEntry("billingtype", "FP");
    }

    @Test
    void missingSourceLookupYieldsNullAndNullLookupsNeedNoRead() {
        TableMap noCompany = loader.load("maps/nc.yaml", MAP
                .replace("key: [projectdataareaid, actualid]", "key: [actualid]")
                .replace("company:\n  source: msdyn_project.msdyn_contractorganizationalunitid.tdm_legalentity\n"
                        + "  target: projectdataareaid\n  legalEntities: [USMF, DEMF]\n", ""));
        assertThat(noCompany.company()).isNull();
        List<Mapped> mapped = MapLegs.forward(noCompany).transform(List.of(
                actual("A1", "P404", "192350000"), actual("A2", null, "192350000")), operations, finance);
        assertThat(mapped).allMatch(Mapped::ok);
        assertThat(mapped.get(0).row()).containsEntry("projectid", null).containsEntry("projectref", null);
        assertThat(mapped.get(1).row()).containsEntry("projectid", null).containsEntry("projectref", null)
                .doesNotContainKey("projectdataareaid");
        assertThat(finance.totalReads()).isZero(); // no project number to look up
    }

    @Test
    void missingLookupOfTheKeyIsAProblem() {
        // the loader refuses key mappings through lookups (DIPV1014); a hand-built map shows the leg's behaviour
        TableMap byNumber = new TableMap("by-number", "By number", "1.0.0.0", "operations", "msdyn_actuals",
                "finance", "ProjTable", List.of("projid"), TableMap.Master.SOURCE, null, null, null,
                List.of(new FieldMapping(FieldPath.parse("msdyn_project.msdyn_projectnumber"), Direction.TO_TARGET,
                        FieldPath.parse("projid"), null, Map.of(), 1)),
                List.of(), EnumSet.allOf(ChangeOperation.class), EnumSet.allOf(ChangeOperation.class), "x.yaml");
        List<Mapped> mapped = MapLegs.forward(byNumber).transform(List.of(actual("A1", "P404", null),
                actual("A2", "P1", null)), operations, finance);
        assertThat(mapped.get(0).problem())
                .isEqualTo("Couldn't resolve the guid for the field: msdyn_project. The lookup was not found: P404.");
        assertThat(mapped.get(1).row()).isEqualTo(Map.of("projid", "PRJ-1"));
    }

    @Test
    void reverseTransformSwapsSidesAndInvertsValueMaps() {
        Map<String, Object> staging = row("actualid", "A1", "amount", new BigDecimal("5"), "projectid", "PRJ-1",
                "vouchernumber", "V-7", "billingtype", "FP", "projectdataareaid", "USMF", "description", "x");
        List<Mapped> mapped = MapLegs.reverse(map).orElseThrow().transform(List.of(staging), finance, operations);
        assertThat(mapped.get(0).row()).containsExactly(
                Map.entry("msdyn_actualid", "A1"),
                Map.entry("tdm_vouchernumber", "V-7"),
                Map.entry("msdyn_billingtype", "192350001"));
        staging.put("billingtype", "XX");
        assertThat(MapLegs.reverse(map).orElseThrow().transform(List.of(staging), finance, operations).get(0)
                .problem()).isEqualTo("No value map entry of billingtype for value 'XX' in map actuals");
    }

    @Test
    void forwardPassingAppliesTheFilterAndTheLegalEntities() {
        Map<String, Object> skipped = actual("A1", "P1", 1);
        skipped.put("tdm_skipsync", true);
        Map<String, Object> usmf = actual("A2", "P1", 1);
        Map<String, Object> demf = actual("A3", "P2", 1);
        Map<String, Object> gbsi = actual("A4", "P4", 1);
        Map<String, Object> unknownProject = actual("A5", "P404", 1);
        Map<String, Object> noProject = actual("A6", null, 1);
        assertThat(MapLegs.forward(map).passing(List.of(skipped, usmf, demf, gbsi, unknownProject, noProject),
                operations)).containsExactly(usmf, demf);
        assertThat(operations.reads).containsExactly(Map.entry("msdyn_projects", 1),
                Map.entry("msdyn_organizationalunits", 1));
    }

    @Test
    void reversePassingChecksTheTargetCompanyField() {
        Map<String, Object> ok = row("actualid", "A1", "vouchernumber", "V1", "projectdataareaid", "USMF");
        Map<String, Object> noVoucher = row("actualid", "A2", "vouchernumber", null, "projectdataareaid", "USMF");
        Map<String, Object> otherCompany = row("actualid", "A3", "vouchernumber", "V3", "projectdataareaid", "GBSI");
        assertThat(MapLegs.reverse(map).orElseThrow().passing(List.of(ok, noVoucher, otherCompany), finance))
                .containsExactly(ok);
        assertThat(finance.totalReads()).isZero();
    }

    @Test
    void lookupsAreReadOncePerLevelWhateverTheNumberOfRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(actual("A" + i, "P" + (1 + i % 3), 192350000));
        }
        MapLeg leg = MapLegs.forward(map);
        List<Map<String, Object>> passing = leg.passing(rows, operations);
        assertThat(passing).hasSize(5000);
        assertThat(operations.reads).containsExactly(Map.entry("msdyn_projects", 1),
                Map.entry("msdyn_organizationalunits", 1));

        operations.reads.clear();
        List<Mapped> mapped = leg.transform(passing, operations, finance);
        assertThat(mapped).hasSize(5000);
        assertThat(mapped.get(0).row()).containsEntry("projectref", "R1").containsEntry("projectdataareaid", "USMF");
        assertThat(mapped.get(2).problem()).contains("PRJ-3");
        // two paths start with msdyn_project: one read of msdyn_projects for both, one of the org units
        assertThat(operations.reads).containsExactly(Map.entry("msdyn_projects", 1),
                Map.entry("msdyn_organizationalunits", 1));
        assertThat(finance.reads).containsExactly(Map.entry("ProjTable", 1));
    }

    @Test
    void readsAreChunkedByAThousandDistinctValues() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            operations.add("msdyn_projects", row("msdyn_projectid", "Q" + i, "msdyn_projectnumber", "Q-" + i,
                    "msdyn_contractorganizationalunitid", "OU1"));
            rows.add(actual("A" + i, "Q" + i, 192350000));
            rows.add(actual("B" + i, "Q" + i, 192350000));
        }
        MapLegs.forward(map).transform(rows, operations, finance);
        assertThat(operations.reads).containsEntry("msdyn_projects", 3).containsEntry("msdyn_organizationalunits", 1);
        assertThat(operations.readSizes).containsExactly(1000, 1000, 500, 1);
        assertThat(finance.readSizes).containsExactly(1000, 1000, 500);
    }
}
