package dev.tandem.finance.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The proposal data entities: each table has exactly the entity's fields (so a row image is the payload), and the
 * proposal and on-account code writes those tables only through DataEntityWriter, never with its own SQL.
 */
class ProposalDataEntitiesTest extends ProposalTestBase {

    @Test
    void everyEntityTableHasExactlyTheEntitysFields() {
        for (DataEntityDefinition entity : ProposalDataEntities.ALL) {
            List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE "
                    + "table_name = ? AND table_schema = current_schema()", String.class, entity.table());
            assertThat(columns).as(entity.table()).containsExactlyInAnyOrderElementsOf(entity.fields());
        }
    }

    @Test
    void noProposalSourceWritesAnEntityTableWithItsOwnSql() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String dir : List.of("src/main/java/dev/tandem/finance/proposal", "src/main/java/dev/tandem/finance/onaccount")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    for (DataEntityDefinition entity : ProposalDataEntities.ALL) {
                        Pattern write = Pattern.compile("(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+" + entity.table()
                                + "\\b", Pattern.CASE_INSENSITIVE);
                        if (write.matcher(source).find()) {
                            offenders.add(file + " writes " + entity.table());
                        }
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
