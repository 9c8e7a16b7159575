package dev.tandem.finance.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Finance side of the table maps in {@code maps/}: every Finance entity, field, key, company field and lookup a map
 * names exists in {@link FinanceSyncEntities#DEFINITIONS}, and no map writes a field Finance keeps for itself. The
 * runtime's loader validates whole maps against both apps; this keeps Finance's half honest from this module, which
 * must not see Project Operations.
 */
class FinanceMapsTest {

    private static final Path MAPS = Path.of("../maps");
    private static final Pattern MAPPING = Pattern.compile("^(\\S+)\\s*([<>=])\\s*(\\S+)$");
    private static final Pattern FILTER_FIELD = Pattern.compile("([a-z_][a-z0-9_]*)\\s+(eq|ne|gt|ge|lt|le)\\s");
    private static final Map<String, DataEntityDefinition> FINANCE = new LinkedHashMap<>();

    static {
        FinanceSyncEntities.DEFINITIONS.forEach(d -> FINANCE.put(d.name(), d));
    }

    @Test
    void everyMapNamesFinanceFieldsThatExistAndMayBeWritten() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(MAPS)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder("msdyn_actuals.yaml",
                "invoices.yaml", "msdyn_transactionconnections.yaml", "msdyn_contractlinescheduleofvalues.yaml",
                "msdyn_projects.yaml", "salesorders.yaml", "salesorderdetails.yaml", "customers.yaml",
                "legalentities.yaml", "exchangerates.yaml", "msdyn_customerinvoices.yaml");
        for (Path file : files) {
            Map<String, Object> map;
            try (Reader reader = Files.newBufferedReader(file)) {
                map = new Yaml().load(reader);
            }
            check(file.getFileName().toString(), map, problems);
        }
        assertThat(problems).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void check(String file, Map<String, Object> map, List<String> problems) {
        assertThat(map.get("map") + ".yaml").isEqualTo(file);
        String[] source = ((String) map.get("source")).split("/");
        String[] target = ((String) map.get("target")).split("/");
        boolean financeIsTarget = target[0].equals("finance");
        assertThat(financeIsTarget || source[0].equals("finance")).as(file + " has a Finance side").isTrue();
        DataEntityDefinition entity = FINANCE.get(financeIsTarget ? target[1] : source[1]);
        if (entity == null) {
            problems.add(file + ": no Finance entity " + (financeIsTarget ? target[1] : source[1]));
            return;
        }
        if (financeIsTarget) {
            for (String key : (List<String>) map.get("key")) {
                if (!entity.isKey(key)) {
                    problems.add(file + ": key " + key + " is not a key of " + entity.name());
                }
            }
        }
        if (map.get("company") instanceof Map<?, ?> company) {
            String financeField = (String) (financeIsTarget ? company.get("target") : company.get("source"));
            requirePath(file, entity, financeField, problems);
        }
        String financeFilter = (String) map.get(financeIsTarget ? "reverseFilter" : "filter");
        if (financeFilter != null) {
            Matcher m = FILTER_FIELD.matcher(financeFilter);
            while (m.find()) {
                requirePath(file, entity, m.group(1), problems);
            }
        }
        for (Object line : (List<Object>) map.get("fields")) {
            String text = line instanceof Map<?, ?> longForm ? (String) longForm.get("map") : (String) line;
            Matcher m = MAPPING.matcher(text.trim());
            if (!m.matches()) {
                problems.add(file + ": mapping '" + text + "' does not parse");
                continue;
            }
            String financeSide = financeIsTarget ? m.group(3) : m.group(1);
            String direction = m.group(2);
            if (financeSide.equals("none")) {
                continue;
            }
            requirePath(file, entity, financeSide, problems);
            boolean financeReceives = financeIsTarget ? !direction.equals("<") : !direction.equals(">");
            if (financeReceives && entity.readOnly().contains(financeSide)) {
                problems.add(file + ": '" + text + "' writes " + financeSide + ", which is Finance's own");
            }
            if (financeReceives && !financeIsTarget) {
                problems.add(file + ": '" + text + "' writes Finance entity " + entity.name() + ", which only syncs out");
            }
        }
    }

    /** A field of the entity, or a lookup path whose first segment is a lookup field of it. */
    private static void requirePath(String file, DataEntityDefinition entity, String path, List<String> problems) {
        String[] segments = path.split("\\.");
        if (!entity.fields().contains(segments[0])) {
            problems.add(file + ": " + segments[0] + " is not a field of " + entity.name());
        } else if (segments.length > 1 && !entity.lookups().containsKey(segments[0])) {
            problems.add(file + ": " + segments[0] + " is not a lookup of " + entity.name());
        }
    }

    @Test
    void theTargetsGetEveryFieldTheirWritePathRequires() throws IOException {
        Map<String, Set<String>> required = Map.of(
                "msdyn_actuals.yaml", Set.of("actualid", "projectid", "transactioncurrencyid", "transtype",
                        "transactionclassification", "amount", "quantity", "documentdate"),
                "invoices.yaml", Set.of("proposalid", "projinvoiceprojid", "invoiceaccount", "currencyid", "invoicedate"),
                "msdyn_projects.yaml", Set.of("projid", "name", "projgroupid"),
                "salesorders.yaml", Set.of("projinvoiceprojid", "invoiceaccount", "currencyid"),
                "salesorderdetails.yaml", Set.of("contractlineid", "projinvoiceprojid", "billingmethod", "projid"),
                "msdyn_contractlinescheduleofvalues.yaml", Set.of("transactionid", "projid", "contractlineref",
                        "currencyid", "invoicedate", "amount", "status"),
                "msdyn_transactionconnections.yaml", Set.of("connectionid", "transaction1id", "transaction1role",
                        "transaction1type", "transaction2id", "transaction2role", "transaction2type"));
        for (Map.Entry<String, Set<String>> e : required.entrySet()) {
            String yaml = Files.readString(MAPS.resolve(e.getKey()));
            for (String field : e.getValue()) {
                assertThat(yaml).as(e.getKey() + " maps " + field)
                        .containsPattern("[>=]\\s*" + Pattern.quote(field) + "(\\s|$)");
            }
        }
    }
}
