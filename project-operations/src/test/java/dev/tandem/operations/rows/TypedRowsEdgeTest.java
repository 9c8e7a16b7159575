package dev.tandem.operations.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No {@code Map<String, Object>} carries a row of the hot data entities — actuals ({@code msdyn_actuals}), proforma
 * invoice headers ({@code invoices}), invoice lines ({@code invoicedetails}), invoice line details
 * ({@code msdyn_invoicelinetransactions}) and transaction connections ({@code msdyn_transactionconnections}) —
 * outside the data-entity writer's edge (issue 12 point 2, acceptance 2). Their rows are the typed records
 * {@code ActualRow}, {@code InvoiceRow}, {@code InvoiceLineRow}, {@code InvoiceLineDetailRow} and
 * {@code TransactionConnectionRow}.
 *
 * <p><b>The edge</b> is exactly:
 * <ul>
 *   <li>the package {@code dev.tandem.operations.rows} ({@link EntityRows}, the one record ↔ map conversion);</li>
 *   <li>{@code OperationsDataEntities}, which defines the entities' field lists;</li>
 *   <li>the {@code @EntityField} annotations of the row records, which name each component's field;</li>
 *   <li>the package {@code dev.tandem.operations.sync}: the inbound write path of table maps, whose rows arrive as
 *       maps from the dual-write runtime.</li>
 * </ul>
 * Everywhere else in main code, checked on the source text:
 * <ol>
 *   <li>no full row image of those entities is written or read through the writer as a map
 *       ({@code writer.insert(ACTUALS, …)}, {@code writer.read(INVOICES, …)}: use {@code ActualRow.ROWS.insert}
 *       and {@code .read});</li>
 *   <li>no map is keyed by one of their integration keys ({@code put("msdyn_actualid", …)},
 *       {@code get("invoiceid")}…): a row map always carries its key, while a partial update — the field values
 *       {@code writer.update(entity, keys, values)} sets on rows named by key — never may, so this finds a row
 *       built or read as a map by any other route.</li>
 * </ol>
 * Partial updates (a status, a link, the audit's modified fields set on rows by key) are field sets, not rows, and
 * are outside this rule.
 */
class TypedRowsEdgeTest {

    private static final String ENTITIES = "(ACTUALS|INVOICES|INVOICE_LINES|INVOICE_LINE_DETAILS|TRANSACTION_CONNECTIONS)";
    private static final Pattern ROW_IMAGE_CALL = Pattern.compile(
            "\\.(insert|read)\\(\\s*(OperationsDataEntities\\.)?" + ENTITIES + "\\b");
    private static final Pattern KEYED_BY_INTEGRATION_KEY = Pattern.compile("\\.(put|get|getOrDefault|containsKey|remove)"
            + "\\(\\s*\"(msdyn_actualid|invoiceid|invoicedetailid|msdyn_invoicelinetransactionid"
            + "|msdyn_transactionconnectionid)\"");
    private static final Path MAIN = Path.of("src/main/java/dev/tandem/operations");

    @Test
    void rowsOfTheHotEntitiesAreMapsOnlyAtTheWritersEdge() throws IOException {
        assertThat(MAIN).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (atTheEdge(MAIN.relativize(file))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (ROW_IMAGE_CALL.matcher(line).find() || KEYED_BY_INTEGRATION_KEY.matcher(line).find()) {
                        found.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(found).as("rows of the hot entities handled as maps outside the writer's edge; use the row "
                + "records and their ROWS edge").isEmpty();
    }

    @Test
    void theRuleSeesARowBuiltAsAMap() {
        assertThat(ROW_IMAGE_CALL.matcher("ctx.writer().insert(OperationsDataEntities.ACTUALS, rows);").find()).isTrue();
        assertThat(ROW_IMAGE_CALL.matcher("ctx.writer().read(INVOICE_LINE_DETAILS, ids)").find()).isTrue();
        assertThat(ROW_IMAGE_CALL.matcher("ctx.writer().insert(OperationsDataEntities.MILESTONES, rows);").find())
                .isFalse();
        assertThat(KEYED_BY_INTEGRATION_KEY.matcher("row.put(\"msdyn_actualid\", Ids.newId());").find()).isTrue();
        assertThat(KEYED_BY_INTEGRATION_KEY.matcher("rs.getObject(\"msdyn_actualid\", UUID.class)").find()).isFalse();
    }

    private static boolean atTheEdge(Path relative) {
        String path = relative.toString().replace('\\', '/');
        return path.startsWith("rows/") || path.startsWith("sync/") || path.equals("OperationsDataEntities.java");
    }
}
