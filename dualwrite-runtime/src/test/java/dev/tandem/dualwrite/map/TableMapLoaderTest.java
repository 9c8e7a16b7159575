package dev.tandem.dualwrite.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.map.AlertRule.Action;
import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableMapLoaderTest {

    private static final String FILE = "maps/actuals.yaml";

    /** A valid bidirectional map; the tests break one line of it. Line numbers are in the comments. */
    private static final String BASE = """
            map: actuals
            name: Actuals
            version: 1.0.0.1
            source: operations/msdyn_actuals
            target: finance/ProjCDSActualsImportEntity
            key: [actualid]
            fields:
              - msdyn_actualid = actualid
              - msdyn_amount > amount
              - msdyn_project.msdyn_projectnumber > projectid
              - tdm_vouchernumber < vouchernumber
            """;
    // 1 map, 2 name, 3 version, 4 source, 5 target, 6 key, 7 fields, 8 key mapping, 9 amount, 10 project,
    // 11 voucher write-back

    private final TableMapLoader loader = new TableMapLoader(MapFixtures.entities());

    private List<MapProblem> problems(String yaml) {
        return loader.validate(FILE, yaml);
    }

    private static String replace(String target, String replacement) {
        if (!BASE.contains(target)) {
            throw new IllegalArgumentException(target);
        }
        return BASE.replace(target, replacement);
    }

    // ---- valid maps ---------------------------------------------------------------------------------------------

    @Test
    void baseMapIsValid() {
        assertThat(problems(BASE)).isEmpty();
        TableMap map = loader.load(FILE, BASE);
        assertThat(map.id()).isEqualTo("actuals");
        assertThat(map.file()).isEqualTo(FILE);
        assertThat(map.master()).isEqualTo(TableMap.Master.SOURCE);
        assertThat(map.forwardOperations()).containsExactlyInAnyOrder(ChangeOperation.values());
        assertThat(map.reverseOperations()).containsExactlyInAnyOrder(ChangeOperation.values());
        assertThat(map.filter()).isNull();
        assertThat(map.company()).isNull();
        assertThat(map.alerts()).isEmpty();
        assertThat(map.hasReverseLeg()).isTrue();
        assertThat(map.fields()).extracting(FieldMapping::toString).containsExactly(
                "msdyn_actualid = actualid", "msdyn_amount > amount",
                "msdyn_project.msdyn_projectnumber > projectid", "tdm_vouchernumber < vouchernumber");
        assertThat(map.fields()).extracting(FieldMapping::line).containsExactly(8, 9, 10, 11);
    }

    @Test
    void fullMapLoadsEveryElement() {
        String yaml = """
                map: full
                name: Full map
                version: 2.10.0.19
                source: operations/msdyn_actuals
                target: finance/ProjCDSActualsImportEntity
                key: [projectdataareaid, actualid]
                master: target
                filter: tdm_skipsync eq false and msdyn_amount gt 0
                reverseFilter: vouchernumber ne null
                company:
                  source: msdyn_project.msdyn_contractorganizationalunitid.tdm_legalentity
                  target: projectdataareaid
                  legalEntities: [USMF, DEMF]
                operations: [INSERT]
                reverseOperations: [UPDATE, DELETE]
                alerts:
                  - {errorType: APPLICATION, count: 10, window: PT15M, action: PAUSE}
                  - errorType: LOOKUP
                    count: 1
                    window: P1D
                    action: NONE
                fields:
                  - msdyn_actualid = actualid
                  - msdyn_project.msdyn_projectnumber > projectref.projid
                  - map: msdyn_billingtype > billingtype
                    valueMap: {192350000: 1, "192350001": "2", true: yes}
                  - map: none > isjournalized
                    default: false
                  - map: msdyn_description = description
                    default: 42
                """;
        assertThat(problems(yaml)).isEmpty();
        TableMap map = loader.load("maps/full.yml", yaml);
        assertThat(map.version()).isEqualTo("2.10.0.19");
        assertThat(map.key()).containsExactly("projectdataareaid", "actualid");
        assertThat(map.master()).isEqualTo(TableMap.Master.TARGET);
        assertThat(map.filter().text()).isEqualTo("tdm_skipsync eq false and msdyn_amount gt 0");
        assertThat(map.filter().fields()).containsExactly("tdm_skipsync", "msdyn_amount");
        assertThat(map.reverseFilter().fields()).containsExactly("vouchernumber");
        assertThat(map.company().source().segments())
                .containsExactly("msdyn_project", "msdyn_contractorganizationalunitid", "tdm_legalentity");
        assertThat(map.company().target()).isEqualTo("projectdataareaid");
        assertThat(map.company().legalEntities()).containsExactly("USMF", "DEMF");
        assertThat(map.forwardOperations()).containsExactly(ChangeOperation.INSERT);
        assertThat(map.reverseOperations()).isEqualTo(Set.of(ChangeOperation.UPDATE, ChangeOperation.DELETE));
        assertThat(map.alerts()).containsExactly(
                new AlertRule(ErrorType.APPLICATION, 10, Duration.ofMinutes(15), Action.PAUSE),
                new AlertRule(ErrorType.LOOKUP, 1, Duration.ofDays(1), Action.NONE));
        FieldMapping billing = map.fields().get(2);
        // numbers and booleans are kept as the text written
        assertThat(billing.valueMap()).isEqualTo(Map.of("192350000", "1", "192350001", "2", "true", "yes"));
        assertThat(map.fields().get(3).source()).isNull();
        assertThat(map.fields().get(3).defaultValue()).isEqualTo("false");
        assertThat(map.fields().get(4).defaultValue()).isEqualTo("42");
        assertThat(map.fields().get(4).direction()).isEqualTo(Direction.BOTH);
    }

    @Test
    void theExampleOfTheDocsIsValid() throws IOException {
        Path doc = Path.of("..", "docs", "dual-write.md");
        String text = Files.readString(doc);
        int start = text.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = text.substring(start, text.indexOf("```", start));
        Map<String, Map<String, dev.tandem.dualwrite.entity.DataEntityDefinition>> entities = Map.of(
                "operations", MapFixtures.byName(MapFixtures.ACTUALS, MapFixtures.PROJECTS, MapFixtures.ORG_UNITS),
                "finance", MapFixtures.byName(MapFixtures.STAGING));
        TableMap map = new TableMapLoader(entities).load("maps/msdyn_actuals.yaml", yaml);
        assertThat(map.id()).isEqualTo("msdyn_actuals");
        assertThat(map.hasReverseLeg()).isTrue();
        assertThat(map.forwardOperations()).containsExactly(ChangeOperation.INSERT);
    }

    // ---- one rule at a time ----------------------------------------------------------------------------------------

    @Test
    void unknownSourceField() {
        List<MapProblem> problems = problems(replace("msdyn_amount > amount", "msdyn_amonut > amount"));
        assertThat(problems).extracting(MapProblem::toString).containsExactly(
                "maps/actuals.yaml:9: DIPV1021 unknown source field: 'msdyn_amonut' is not a field of msdyn_actuals");
    }

    @Test
    void unknownSourceFieldInsideALookupPath() {
        assertThat(problems(replace("msdyn_project.msdyn_projectnumber", "msdyn_project.msdyn_projectnumbr")))
                .containsExactly(new MapProblem(FILE, 10, "DIPV1021", "unknown source field: 'msdyn_projectnumbr' "
                        + "is not a field of msdyn_projects (in 'msdyn_project.msdyn_projectnumbr')"));
    }

    @Test
    void unknownTargetField() {
        assertThat(problems(replace("msdyn_amount > amount", "msdyn_amount > amonut")))
                .containsExactly(new MapProblem(FILE, 9, "DIPV1024",
                        "unknown target field: 'amonut' is not a field of ProjCDSActualsImportEntity"));
    }

    @Test
    void unknownAppsAndEntities() {
        String yaml = replace("operations/msdyn_actuals", "operations/msdyn_actual")
                .replace("finance/ProjCDSActualsImportEntity", "fin/ProjCDSActualsImportEntity");
        assertThat(problems(yaml)).containsExactly(
                new MapProblem(FILE, 4, "DIPV1021", "unknown source entity: 'msdyn_actual' is not an entity of operations"),
                new MapProblem(FILE, 5, "DIPV1024", "unknown target app: 'fin' (apps: finance, operations)"));
    }

    @Test
    void noKey() {
        assertThat(problems(replace("key: [actualid]\n", "")))
                .extracting(MapProblem::line, MapProblem::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "DIPV1003"));
        assertThat(problems(replace("key: [actualid]", "key: []")))
                .extracting(MapProblem::line, MapProblem::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(6, "DIPV1003"));
    }

    @Test
    void keyNotMappedTowardsTheTarget() {
        assertThat(problems(replace("  - msdyn_actualid = actualid\n", "")))
                .containsExactly(new MapProblem(FILE, 6, "DIPV1014", "key field 'actualid' is not mapped towards "
                        + "the target: it needs a mapping '<source field> = actualid' (or '>')"));
        // write-back only does not count
        assertThat(problems(replace("msdyn_actualid = actualid", "msdyn_actualid < actualid")))
                .extracting(MapProblem::rule).containsExactly("DIPV1014");
        // a key mapped through a lookup is refused
        assertThat(problems(replace("msdyn_actualid = actualid", "msdyn_project.msdyn_projectnumber = actualid")
                .replace("msdyn_project.msdyn_projectnumber > projectid", "msdyn_actualid > projectid")))
                .extracting(MapProblem::line, MapProblem::rule)
                .contains(org.assertj.core.groups.Tuple.tuple(8, "DIPV1014"));
    }

    @Test
    void keyFieldNotAKeyOfTheTarget() {
        String forwardOnly = replace("msdyn_actualid = actualid", "msdyn_actualid > actualid")
                .replace("  - tdm_vouchernumber < vouchernumber\n", "")
                .replace("key: [actualid]", "key: [amount]");
        assertThat(problems(forwardOnly)).containsExactly(new MapProblem(FILE, 6, "DIPV1015",
                "key field 'amount' is not a key of ProjCDSActualsImportEntity (keys: actualid)"));
    }

    @Test
    void keyNotBidirectionalInAMapThatWritesBack() {
        assertThat(problems(replace("msdyn_actualid = actualid", "msdyn_actualid > actualid")))
                .containsExactly(new MapProblem(FILE, 8, "DIPV1004", "key field 'actualid' must be mapped '=' "
                        + "because the map writes back (line 11): 'msdyn_actualid > actualid'"));
        // without the write-back, '>' is fine
        assertThat(problems(replace("msdyn_actualid = actualid", "msdyn_actualid > actualid")
                .replace("  - tdm_vouchernumber < vouchernumber\n", ""))).isEmpty();
    }

    @Test
    void sourceKeyFieldOfAMapThatWritesBackMustBeAKeyOfTheSource() {
        assertThat(problems(replace("msdyn_actualid = actualid", "msdyn_description = actualid")))
                .extracting(MapProblem::line, MapProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8, "DIPV1015"));
        // an alternate key of the source is a key
        assertThat(problems(replace("msdyn_actualid = actualid", "msdyn_externalreferenceid = actualid")))
                .isEmpty();
    }

    @Test
    void keyWithTwoFieldsBesidesTheCompany() {
        String yaml = replace("key: [actualid]", "key: [actualid, amount]");
        assertThat(problems(yaml)).extracting(MapProblem::rule).contains("DIPV1003");
    }

    @Test
    void duplicateTargetField() {
        String yaml = BASE + "  - msdyn_description > amount\n";
        assertThat(problems(yaml)).containsExactly(new MapProblem(FILE, 12, "DIPV1026",
                "target field 'amount' is written twice (also on line 9)"));
    }

    @Test
    void duplicateWriteBackSourceField() {
        String yaml = BASE + "  - tdm_vouchernumber < description\n";
        assertThat(problems(yaml)).containsExactly(new MapProblem(FILE, 12, "DIPV1023",
                "source field 'tdm_vouchernumber' is written back twice (also on line 11)"));
    }

    @Test
    void duplicateValueMapEntry() {
        String yaml = BASE + """
                  - map: msdyn_billingtype > billingtype
                    valueMap:
                      "192350000": "1"
                      192350001: "2"
                      "192350000": "3"
                """;
        assertThat(problems(yaml)).containsExactly(new MapProblem(FILE, 16, "DIPV1029",
                "value map of 'msdyn_billingtype > billingtype' lists '192350000' twice (first on line 14)"));
    }

    @Test
    void valueMapOfAWriteBackMappingMustBeInvertible() {
        String yaml = BASE + """
                  - map: msdyn_billingtype = billingtype
                    valueMap: {a: "1", b: "1"}
                """;
        assertThat(problems(yaml)).extracting(MapProblem::line, MapProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(13, "DIPV1029"));
        // one way, two values may map to the same target value
        assertThat(problems(yaml.replace("msdyn_billingtype = billingtype", "msdyn_billingtype > billingtype")))
                .isEmpty();
    }

    @Test
    void badFilters() {
        String yaml = replace("key: [actualid]\n", """
                key: [actualid]
                filter: tdm_skipsync eq
                reverseFilter: vouchernumbr ne null or description eq 'x'
                """);
        List<MapProblem> problems = problems(yaml);
        assertThat(problems).extracting(MapProblem::line, MapProblem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(7, "DIPV1012"),
                org.assertj.core.groups.Tuple.tuple(8, "DIPV1012"));
        assertThat(problems.get(0).message()).startsWith("filter does not parse: expected a field or a literal "
                + "at position 16");
        assertThat(problems.get(1).message()).isEqualTo("reverseFilter names 'vouchernumbr', which is not a field of "
                + "ProjCDSActualsImportEntity (a reverseFilter reads fields of the target entity itself, no lookups)");
    }

    @Test
    void filterMustNotFollowLookups() {
        String yaml = replace("key: [actualid]\n",
                "key: [actualid]\nfilter: msdyn_project.msdyn_projectnumber eq 'P-1'\n");
        assertThat(problems(yaml)).extracting(MapProblem::line, MapProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7, "DIPV1012"));
    }

    @Test
    void noneWithoutDefault() {
        assertThat(problems(BASE + "  - none > isjournalized\n")).containsExactly(new MapProblem(FILE, 12,
                "DIPV1031", "'none > isjournalized' maps from none and needs a default"));
        assertThat(problems(BASE + "  - {map: none > isjournalized, default: false}\n")).isEmpty();
    }

    @Test
    void noneCannotReceive() {
        assertThat(problems(BASE + "  - {map: msdyn_amount > none, default: 1}\n"))
                .extracting(MapProblem::line, MapProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(12, "TDM-FORMAT"));
    }

    @Test
    void badLookupSegments() {
        assertThat(problems(replace("msdyn_amount > amount", "msdyn_amount.msdyn_value > amount")))
                .containsExactly(new MapProblem(FILE, 9, "TDM-LOOKUP", "'msdyn_amount' is not a lookup field of "
                        + "msdyn_actuals, so 'msdyn_amount.msdyn_value' cannot follow it"));
        // a written path must end in a key of the referenced entity
        assertThat(problems(BASE + "  - msdyn_description > projectref.name\n"))
                .containsExactly(new MapProblem(FILE, 12, "TDM-LOOKUP", "'name' is not a key of ProjTable, so "
                        + "'projectref.name' cannot find the row to refer to (keys: projectrecid, projid)"));
        assertThat(problems(BASE + "  - msdyn_description > projectref.projid\n")).isEmpty();
        // on a write-back mapping, the source side is the written one
        assertThat(problems(BASE + "  - msdyn_project.msdyn_subject < description\n"))
                .extracting(MapProblem::rule).containsExactly("TDM-LOOKUP");
    }

    @Test
    void readOnlyFields() {
        assertThat(problems(BASE + "  - msdyn_description > isprocessed\n")).containsExactly(new MapProblem(FILE,
                12, "DIPV1011", "'msdyn_description > isprocessed' writes 'isprocessed', a read-only field of "
                        + "ProjCDSActualsImportEntity"));
        assertThat(problems(BASE + "  - createdon < description\n")).extracting(MapProblem::line,
                MapProblem::rule).containsExactly(org.assertj.core.groups.Tuple.tuple(12, "DIPV1011"));
        // reading a read-only field is fine
        assertThat(problems(BASE + "  - createdon > description\n")).isEmpty();
    }

    @Test
    void yamlSyntaxErrorWithItsLine() {
        List<MapProblem> problems = problems(replace("name: Actuals", "name: Actuals: of the year"));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(2);
        assertThat(problems.get(0).rule()).isEqualTo("TDM-FORMAT");
        assertThat(problems.get(0).message()).startsWith("YAML syntax: mapping values are not allowed here");
    }

    @Test
    void formatProblems() {
        String yaml = """
                map: bad id!
                version: 1.0
                source: operations/msdyn_actuals
                target: finance
                key: [actualid]
                reverseFiler: x eq 1
                master: both
                operations: [INSERT, UPSERT]
                alerts:
                  - {errorType: APPLICATION, count: 0, window: 15m, action: PAUSE}
                  - {errorType: OOPS, count: 1, window: PT1M}
                fields:
                  - msdyn_amount >> amount
                  - msdyn_amount > amount extra
                map: again
                """;
        List<MapProblem> problems = problems(yaml);
        assertThat(problems).allMatch(p -> p.rule().equals("TDM-FORMAT"));
        assertThat(problems).extracting(MapProblem::line, MapProblem::message).contains(
                org.assertj.core.groups.Tuple.tuple(1, "missing element 'name'"),
                org.assertj.core.groups.Tuple.tuple(1, "map id 'bad id!' may only hold letters, digits, '_', '.' and '-'"),
                org.assertj.core.groups.Tuple.tuple(2, "bad version '1.0': four numbers separated by dots, e.g. 1.0.0.19"),
                org.assertj.core.groups.Tuple.tuple(4, "target 'finance' must be app/entity, e.g. operations/msdyn_actuals"),
                org.assertj.core.groups.Tuple.tuple(7, "master 'both' must be source or target"),
                org.assertj.core.groups.Tuple.tuple(8, "unknown operation 'UPSERT' in operations (INSERT, UPDATE, DELETE)"),
                org.assertj.core.groups.Tuple.tuple(10, "alert count '0' must be a whole number of at least 1"),
                org.assertj.core.groups.Tuple.tuple(10, "alert window '15m' must be a positive ISO-8601 duration, e.g. PT15M"),
                org.assertj.core.groups.Tuple.tuple(11, "alert rule without 'action'"),
                org.assertj.core.groups.Tuple.tuple(11, "unknown alert errorType 'OOPS' (APPLICATION, LOOKUP, UNAVAILABLE, TIMEOUT)"),
                org.assertj.core.groups.Tuple.tuple(13, "unknown direction '>>' in 'msdyn_amount >> amount' (>, < or =)"),
                org.assertj.core.groups.Tuple.tuple(14, "a field mapping is '<source> <direction> <target>', not "
                        + "'msdyn_amount > amount extra'"),
                org.assertj.core.groups.Tuple.tuple(15, "element 'map' is given twice (first on line 1)"));
        assertThat(problems).extracting(MapProblem::line).contains(6); // unknown element reverseFiler
        assertThat(problems).extracting(MapProblem::line).isSorted();
    }

    @Test
    void companyStriping() {
        String yaml = replace("fields:\n", """
                company:
                  source: msdyn_contractorganizationalunitid.tdm_legalentty
                  target: dataareaid
                fields:
                """);
        assertThat(problems(yaml)).extracting(MapProblem::line, MapProblem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8, "DIPV1021"),
                org.assertj.core.groups.Tuple.tuple(9, "DIPV1024"));
        String writesCompany = replace("fields:\n", """
                company: {source: msdyn_contractorganizationalunitid.tdm_legalentity, target: projectdataareaid}
                fields:
                """) + "  - msdyn_description > projectdataareaid\n";
        assertThat(problems(writesCompany)).containsExactly(new MapProblem(FILE, 13, "DIPV1026",
                "target field 'projectdataareaid' is written twice (also on line 7)"));
    }

    @Test
    void everyProblemIsReportedAtOnceInLineOrder() {
        String yaml = replace("msdyn_amount > amount", "msdyn_amonut > amonut")
                .replace("msdyn_actualid = actualid", "msdyn_actualid > actualid")
                + "  - none > isjournalized\n  - msdyn_description > isprocessed\n";
        List<MapProblem> problems = problems(yaml);
        assertThat(problems).extracting(MapProblem::line, MapProblem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8, "DIPV1004"),
                org.assertj.core.groups.Tuple.tuple(9, "DIPV1021"),
                org.assertj.core.groups.Tuple.tuple(9, "DIPV1024"),
                org.assertj.core.groups.Tuple.tuple(12, "DIPV1031"),
                org.assertj.core.groups.Tuple.tuple(13, "DIPV1011"));

        assertThatThrownBy(() -> loader.load(FILE, yaml))
                .isInstanceOfSatisfying(MapLoadException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(DualWriteError.MAP_INVALID);
                    assertThat(e.problems()).isEqualTo(problems);
                    assertThat(e.detail()).startsWith("Table map maps/actuals.yaml is not valid:\n"
                            + "maps/actuals.yaml:8: DIPV1004 ");
                    assertThat(e.detail().lines()).hasSize(6);
                    assertThat(e.properties().get("problems")).isEqualTo(
                            problems.stream().map(MapProblem::toString).toList());
                });
    }

    @Test
    void keyProblemsAreReportedNextToUnreadableMappings() {
        String yaml = replace("msdyn_amount > amount", "msdyn_amount >> amount")
                .replace("msdyn_actualid = actualid", "msdyn_actualid > actualid");
        assertThat(problems(yaml)).extracting(MapProblem::line, MapProblem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8, "DIPV1004"),
                org.assertj.core.groups.Tuple.tuple(9, "TDM-FORMAT"));
        // an unreadable key mapping is not also reported as a missing one
        assertThat(problems(replace("msdyn_actualid = actualid", "msdyn_actualid == actualid")))
                .extracting(MapProblem::line, MapProblem::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(8, "TDM-FORMAT"));
    }

    @Test
    void emptyAndNonMappingFiles() {
        assertThat(problems("")).containsExactly(new MapProblem(FILE, 1, "TDM-FORMAT", "the file holds no table map"));
        assertThat(problems("- a\n- b\n")).extracting(MapProblem::rule).containsExactly("TDM-FORMAT");
    }

    // ---- directories ---------------------------------------------------------------------------------------------

    @Test
    void loadsADirectory(@TempDir Path dir) throws IOException {
        Path maps = Files.createDirectory(dir.resolve("maps"));
        Files.writeString(maps.resolve("b.yaml"), BASE.replace("map: actuals", "map: b"));
        Files.writeString(maps.resolve("a.yml"), BASE.replace("map: actuals", "map: a"));
        Files.writeString(maps.resolve("README.md"), "not a map");
        assertThat(loader.loadDirectory(maps)).extracting(TableMap::id, TableMap::file).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "maps/a.yml"),
                org.assertj.core.groups.Tuple.tuple("b", "maps/b.yaml"));
    }

    @Test
    void directoryProblemsOfAllFilesAndDuplicateIds(@TempDir Path dir) throws IOException {
        Path maps = Files.createDirectory(dir.resolve("maps"));
        Files.writeString(maps.resolve("a.yaml"), BASE);
        Files.writeString(maps.resolve("b.yaml"), "\n" + BASE);
        Files.writeString(maps.resolve("c.yaml"), BASE.replace("map: actuals", "map: c")
                .replace("msdyn_amount > amount", "msdyn_amonut > amount"));
        assertThatThrownBy(() -> loader.loadDirectory(maps))
                .isInstanceOfSatisfying(MapLoadException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            new MapProblem("maps/b.yaml", 2, "TDM-FORMAT",
                                    "map id 'actuals' is already used by maps/a.yaml"),
                            new MapProblem("maps/c.yaml", 9, "DIPV1021",
                                    "unknown source field: 'msdyn_amonut' is not a field of msdyn_actuals"));
                    assertThat(e.detail()).startsWith("Table maps in maps are not valid (2 files):\n");
                });
    }
}
