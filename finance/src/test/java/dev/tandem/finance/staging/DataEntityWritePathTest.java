package dev.tandem.finance.staging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3: Finance's data-entity rows are written only through DataEntityWriter, which records the outbox row.
 * This test reads the app's sources and fails when one of them writes a data-entity table with its own SQL. The one
 * allowed exception is Import from staging's claim and release of staging rows, a conditional update the writer
 * cannot express (its class Javadoc says why).
 */
class DataEntityWritePathTest {

    private static final Set<String> ALLOWED = Set.of("ImportFromStaging.java");

    @Test
    void noSourceWritesADataEntityTableWithItsOwnSql() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (ALLOWED.contains(file.getFileName().toString())) {
                    continue;
                }
                String source = Files.readString(file);
                for (DataEntityDefinition entity : FinanceDataEntities.ALL) {
                    Pattern write = Pattern.compile("(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+" + entity.table() + "\\b",
                            Pattern.CASE_INSENSITIVE);
                    if (write.matcher(source).find()) {
                        offenders.add(file + " writes " + entity.table());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(FinanceDataEntities.ALL).extracting(DataEntityDefinition::name).contains("ProjCDSActualsImportEntity");
    }
}
