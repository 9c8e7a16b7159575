package dev.tandem.finance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.finance.sync.FinanceSyncEntities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3: Finance's data-entity rows are written only through DataEntityWriter, which records the outbox row in
 * the same transaction. This test reads the app's sources and fails when one of them writes the table of any entity
 * of {@link FinanceSyncEntities#DEFINITIONS} with its own SQL ({@code INSERT INTO}, {@code UPDATE}, {@code DELETE
 * FROM}, {@code MERGE INTO}) or through {@code insertAudited}. The one allowed exception is Import from staging's claim
 * and release of staging rows, a conditional update the writer cannot express (its class Javadoc says why).
 */
class DataEntityWritePathTest {

    /** File → the one table it may write with its own SQL. */
    private static final Map<String, Set<String>> ALLOWED = Map.of("ImportFromStaging.java",
            Set.of("projcdsactualsimport"));

    @Test
    void noSourceWritesADataEntityTableWithItsOwnSql() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Set<String> allowed = ALLOWED.getOrDefault(file.getFileName().toString(), Set.of());
                for (DataEntityDefinition entity : FinanceSyncEntities.DEFINITIONS) {
                    if (allowed.contains(entity.table())) {
                        continue;
                    }
                    Pattern write = Pattern.compile("((INSERT|MERGE)\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+" + entity.table()
                            + "\\b|insertAudited\\(\\s*\"" + entity.table() + "\"", Pattern.CASE_INSENSITIVE);
                    if (write.matcher(source).find()) {
                        offenders.add(file + " writes " + entity.table());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(FinanceSyncEntities.DEFINITIONS).extracting(DataEntityDefinition::name).containsExactly(
                "legalentities", "exchangerates", "customers", "projects", "projectcontracts", "projectcontractlines",
                "projinvoiceproposals", "ProjCDSActualsImportEntity", "projcdstransactionrelationships",
                "projonaccounttransactions", "projcustomerinvoiceexports");
    }

    /** The check itself finds a write, so a green run means something. */
    @Test
    void theCheckRecognisesAWrite() {
        Pattern write = Pattern.compile("((INSERT|MERGE)\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+custtable\\b|"
                + "insertAudited\\(\\s*\"custtable\"", Pattern.CASE_INSENSITIVE);
        assertThat(write.matcher("ctx.insertAudited(\"custtable\", row)").find()).isTrue();
        assertThat(write.matcher("MERGE INTO custtable t USING").find()).isTrue();
        assertThat(write.matcher("SELECT * FROM custtable FOR UPDATE").find()).isFalse();
    }
}
