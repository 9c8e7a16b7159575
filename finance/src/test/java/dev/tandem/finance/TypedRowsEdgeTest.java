package dev.tandem.finance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.finance.journal.JournalLine;
import dev.tandem.finance.proposal.ProposalDataEntities;
import dev.tandem.finance.proposal.ProposalLine;
import dev.tandem.finance.proposal.TransactionRelationships;
import dev.tandem.finance.rows.RowRecords;
import dev.tandem.finance.staging.FinanceDataEntities;
import dev.tandem.finance.staging.StagingEntity;
import dev.tandem.finance.staging.StagingRow;
import dev.tandem.finance.staging.StagingWrites;
import dev.tandem.finance.sync.FinanceSyncEntities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 point 2, acceptance 2: no {@code Map<String, Object>} carries a row of Finance's hot entities — the staged
 * actual ({@link StagingRow}, entity {@code ProjCDSActualsImportEntity}), the transaction relationship
 * ({@link TransactionRelationships.Relationship}), the integration journal line ({@link JournalLine}) and the invoice
 * proposal line ({@link ProposalLine}) — outside the data-entity writer's edge. Everywhere else these rows are typed
 * records.
 *
 * <p><b>The edge</b> is where a row must be a map because the API on the other side takes or gives maps:
 * <ul>
 *   <li>the writer's side: {@link RowRecords}, the one generic record ↔ field-map conversion, and the classes that
 *       hand its maps to {@link dev.tandem.dualwrite.entity.DataEntityWriter} — {@link StagingWrites} for the staged
 *       actual, {@link TransactionRelationships} for the relationship. Journal and proposal lines are not data
 *       entities: their stores bind the records to SQL through {@link RowRecords} and build no map;</li>
 *   <li>the inbound side: the dual-write runtime delivers rows as maps to {@code dev.tandem.finance.sync} (the
 *       entities of {@link FinanceSyncEntities}), which passes the actuals on to {@link StagingEntity#upsert}; the
 *       staging entity's validator and columns ({@code StagingValidator}, {@code StagingColumns}) read the delivered
 *       fields by name and turn each map into a {@link StagingRow};</li>
 *   <li>the REST side: {@code IntegrationJournal.update} takes the edited fields of a journal line by name, as the
 *       API's PATCH body names them, and refuses the ones that are not editable by that name.</li>
 * </ul>
 * Two rules hold it: only the edge's classes touch the entity definitions of the staged actual and the relationship
 * (ArchUnit, on the compiled classes), and no other main source uses a field name of these rows as a map key
 * ({@code .put("vouchernumber", …)}, {@code .get("actualid")}, {@code Map.of("projadvancedjournalline", …)}, the second
 * key of a {@code Map.of} on one line). Field
 * names that another Finance data entity shares ({@code description}, {@code status}, the audit fields) don't tell
 * the rows apart and are not searched for; the ArchUnit rule covers the writes that would use them.
 */
class TypedRowsEdgeTest {

    private static final String STAGING = "dev.tandem.finance.staging.";

    private static final Path MAIN = Path.of("src/main/java/dev/tandem/finance");

    /** Main sources of the edge, relative to {@link #MAIN}; a folder stands for everything under it. */
    private static final Set<String> EDGE = Set.of("rows/RowRecords.java", "staging/StagingWrites.java",
            "proposal/TransactionRelationships.java", "sync/", "staging/StagingEntity.java",
            "staging/StagingValidator.java", "staging/StagingColumns.java", "journal/IntegrationJournal.java");

    /** Where the entity definitions are declared and listed: they name them, they don't write rows. */
    private static final Set<String> DECLARATIONS = Set.of("staging/FinanceDataEntities.java",
            "proposal/ProposalDataEntities.java");

    /** The first key of a map call: {@code .put("f"}, {@code .get("f"}, {@code Map.of("f"}, {@code Map.entry("f"}. */
    private static final Pattern MAP_KEY = Pattern.compile(
            "(\\.(put|get|getOrDefault|containsKey|remove|putIfAbsent|computeIfAbsent)|Map\\.of|Map\\.entry)"
                    + "\\(\\s*\"([a-z0-9_]+)\"");
    /** A later key of a {@code Map.of(…)}: a literal between two commas after the call's opening. */
    private static final Pattern LATER_KEY = Pattern.compile(",\\s*\"([a-z0-9_]+)\"\\s*,");

    @Test
    void onlyTheEdgeTouchesTheEntityDefinitionsOfStagedActualsAndRelationships() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tandem.finance");
        Set<String> edgeClasses = Set.of(StagingWrites.class.getName(), TransactionRelationships.class.getName(),
                StagingEntity.class.getName(), STAGING + "StagingValidator", STAGING + "StagingColumns",
                FinanceDataEntities.class.getName(), ProposalDataEntities.class.getName());
        DescribedPredicate<JavaClass> edge = DescribedPredicate.describe("the writer's or the inbound edge",
                c -> c.getPackageName().equals("dev.tandem.finance.sync")
                        || edgeClasses.contains(c.getName().replaceFirst("\\$.*", "")));
        noClasses().that(DescribedPredicate.not(edge))
                .should().accessField(FinanceDataEntities.class, "ACTUALS_STAGING")
                .orShould().accessField(ProposalDataEntities.class, "ACTUALS_STAGING")
                .orShould().accessField(ProposalDataEntities.class, "TRANSACTION_RELATIONSHIPS")
                .because("rows of these entities reach the data-entity writer only through its edge (issue 12)")
                .check(classes);
    }

    @Test
    void noSourceOutsideTheEdgeKeysAMapWithAFieldOfTheseRows() throws IOException {
        Set<String> fields = rowFields();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = MAIN.relativize(file).toString().replace('\\', '/');
                if (isEdge(relative) || DECLARATIONS.contains(relative)) {
                    continue;
                }
                offenders.addAll(mapKeys(relative, Files.readAllLines(file), fields));
            }
        }
        assertThat(fields).contains("actualid", "vouchernumber", "projadvancedjournalline", "transaction1role",
                "linetransid", "postedaccountingdate");
        assertThat(offenders).as("a map keyed with fields of a typed row; use the record").isEmpty();
    }

    /** The check itself finds a map row, so a green run means something. */
    @Test
    void theCheckRecognisesAMapRow() {
        List<String> lines = List.of("Map<String, Object> v = new LinkedHashMap<>();",
                "v.put(\"vouchernumber\", p.voucher());", "values.put(\"description\", d);",
                "Object id = row.get(\"actualid\");", "Map.of(\"projadvancedjournalline\", id)",
                "Map.of(\"proposalid\", id, \"invoiceproposalid\", p)", "row(\"dataareaid\", d, \"linepropertyid\", l)");
        assertThat(mapKeys("Example.java", lines, rowFields())).hasSize(4)
                .allMatch(s -> s.startsWith("Example.java:"));
        assertThat(isEdge("sync/DeliveredRows.java")).isTrue();
        assertThat(isEdge("journal/JournalPosting.java")).isFalse();
    }

    /** Fields of the four rows that no other Finance data entity has, audit fields excluded. */
    private static Set<String> rowFields() {
        Set<String> fields = new TreeSet<>();
        fields.addAll(FinanceDataEntities.ACTUALS_STAGING.fields());
        fields.addAll(ProposalDataEntities.TRANSACTION_RELATIONSHIPS.fields());
        fields.addAll(RowRecords.fields(JournalLine.class));
        fields.addAll(RowRecords.fields(ProposalLine.class));
        Set<String> shared = new HashSet<>(RowRecords.AUDIT);
        for (DataEntityDefinition entity : FinanceSyncEntities.DEFINITIONS) {
            if (entity != FinanceDataEntities.ACTUALS_STAGING
                    && entity != ProposalDataEntities.TRANSACTION_RELATIONSHIPS) {
                shared.addAll(entity.fields());
            }
        }
        fields.removeAll(shared);
        return fields;
    }

    private static List<String> mapKeys(String file, List<String> lines, Set<String> fields) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            List<String> keys = new ArrayList<>();
            Matcher first = MAP_KEY.matcher(line);
            while (first.find()) {
                keys.add(first.group(3));
            }
            int mapOf = line.indexOf("Map.of(");
            if (mapOf >= 0) {
                Matcher later = LATER_KEY.matcher(line.substring(mapOf));
                while (later.find()) {
                    keys.add(later.group(1));
                }
            }
            if (keys.stream().anyMatch(fields::contains)) {
                found.add(file + ":" + (i + 1) + ": " + line.strip());
            }
        }
        return found;
    }

    private static boolean isEdge(String relative) {
        return EDGE.stream().anyMatch(e -> e.endsWith("/") ? relative.startsWith(e) : relative.equals(e));
    }
}
