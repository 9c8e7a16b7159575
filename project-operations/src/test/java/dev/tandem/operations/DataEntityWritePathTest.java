package dev.tandem.operations;

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
 * DESIGN §3: data-entity rows are written only through DataEntityWriter, which records the outbox row. This test
 * reads the app's sources and fails when any of them writes a data-entity table with its own SQL or with
 * {@code insertAudited} (the helper for plain tables), master data such as accounts and organizational units
 * included.
 */
class DataEntityWritePathTest {

    @Test
    void noSourceWritesADataEntityTableWithItsOwnSql() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (DataEntityDefinition entity : OperationsDataEntities.ALL) {
                    // Own SQL, or the audited-insert helper of plain tables (AppContext.insertAudited("table", …)).
                    Pattern write = Pattern.compile("((INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+|insertAudited\\(\\s*\")"
                            + entity.table() + "\\b", Pattern.CASE_INSENSITIVE);
                    if (write.matcher(source).find()) {
                        offenders.add(file + " writes " + entity.table());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(OperationsDataEntities.ALL).extracting(DataEntityDefinition::name).contains("msdyn_actuals",
                "msdyn_transactionconnections", "msdyn_contractlinescheduleofvalues", "msdyn_projects", "salesorders",
                "salesorderdetails", "invoices", "invoicedetails", "msdyn_invoicelinetransactions", "accounts",
                "msdyn_organizationalunits", "cdm_companies", "msdyn_currencyexchangerates",
                "msdyn_transactioncategories", "bookableresources");
        assertThat(OperationsDataEntities.ALL).extracting(DataEntityDefinition::table).contains("account",
                "msdyn_organizationalunit", "bookableresource", "msdyn_transactioncategory");
    }
}
