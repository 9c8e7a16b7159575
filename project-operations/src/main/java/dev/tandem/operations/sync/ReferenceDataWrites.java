package dev.tandem.operations.sync;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.InboundPipeline;
import dev.tandem.dualwrite.spi.InboundRow;
import dev.tandem.dualwrite.spi.InboundRule;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The business rules of the reference data Finance is master of (§7 prerequisite maps "Legal entities" and "CDS
 * Exchange Rates", initial sync Finance-master): {@code cdm_companies} and {@code msdyn_currencyexchangerates}. After
 * the inbound pipeline's checks ({@link InboundPipeline}: fields, column types and lengths, audit fields refused) a
 * row is checked as it will be stored (its delivered fields over the stored ones) and written: inserted when the key
 * is new, else its changed fields updated. Deletes delete.
 *
 * <p>{@code cdm_companies} accepts rows with {@code cdm_companycode} (at most 10 characters), {@code cdm_name} and
 * {@code tdm_accountingcurrency} (ISO 4217), all three required for a new company.
 *
 * <p>{@code msdyn_currencyexchangerates} accepts rows with rate type, from and to currency (ISO 4217), a rate
 * greater than 0 and a valid-from date, all required for a new rate. The key {@code msdyn_currencyexchangerateid}
 * is {@code <ratetype>|<from>|<to>|<yyyy-mm-dd>}: a row without it gets it composed from its fields, and a row whose
 * key does not match its fields is refused.
 *
 * <p>Refuses (the whole call) with {@code INVALID_INPUT} naming the row and the rule: a missing required field, an
 * unknown currency, a non-positive rate, an inconsistent rate key.
 */
final class ReferenceDataWrites implements InboundRule {

    private final OperationsContext ctx;
    private final DataEntityDefinition definition;

    ReferenceDataWrites(OperationsContext ctx, DataEntityDefinition definition) {
        this.ctx = ctx;
        this.definition = definition;
    }

    private boolean rates() {
        return definition.name().equals(OperationsDataEntities.EXCHANGE_RATES.name());
    }

    @Override
    public String noun() {
        return rates() ? "Exchange rate" : "Company";
    }

    @Override
    public Map<String, Object> prepare(Map<String, Object> delivered) {
        return rates() ? withRateKey(delivered) : delivered;
    }

    @Override
    public void write(String keyField, List<InboundRow> rows) {
        List<Map<String, Object>> inserts = new ArrayList<>();
        Map<Object, Map<String, Object>> updates = new LinkedHashMap<>();
        for (InboundRow row : rows) {
            check(row.completed(), row.name());
            if (row.isNew()) {
                inserts.add(row.completed());
            } else {
                Map<String, Object> changed = row.changes(Set.copyOf(List.of(definition.integrationKey(), keyField)));
                if (!changed.isEmpty()) {
                    updates.put(row.stored().get(definition.integrationKey()), changed);
                }
            }
        }
        InboundPipeline.write(ctx, definition, inserts, updates);
    }

    /** Finance is master of both entities: a delete by sync deletes. */
    @Override
    public String whyNoDeletes(DataEntityDefinition entity) {
        return null;
    }

    /** The rules of a row as it will be stored (the delivered fields over the stored ones). */
    private void check(Map<String, Object> row, String name) {
        if (rates()) {
            for (String f : List.of("msdyn_ratetype", "msdyn_fromcurrency", "msdyn_tocurrency", "msdyn_rate",
                    "msdyn_validfrom")) {
                RowChecks.required(row, f, name);
            }
            RowChecks.currency(row, "msdyn_fromcurrency", name);
            RowChecks.currency(row, "msdyn_tocurrency", name);
            if (((BigDecimal) row.get("msdyn_rate")).signum() <= 0) {
                throw new TandemException(INVALID_INPUT, name + ": msdyn_rate must be greater than 0, not "
                        + ((BigDecimal) row.get("msdyn_rate")).toPlainString(), Map.of("row", name));
            }
            String expected = rateKey(row.get("msdyn_ratetype"), row.get("msdyn_fromcurrency"),
                    row.get("msdyn_tocurrency"), row.get("msdyn_validfrom"));
            if (!expected.equals(row.get("msdyn_currencyexchangerateid"))) {
                throw new TandemException(INVALID_INPUT, name + ": msdyn_currencyexchangerateid must be "
                        + "<ratetype>|<from>|<to>|<yyyy-mm-dd> of the rate's fields, " + expected,
                        Map.of("row", name));
            }
        } else {
            for (String f : List.of("cdm_companycode", "cdm_name", "tdm_accountingcurrency")) {
                RowChecks.required(row, f, name);
            }
            RowChecks.currency(row, "tdm_accountingcurrency", name);
        }
    }

    /** The row with its composed key when it has none but carries the fields the key is made of. */
    private static Map<String, Object> withRateKey(Map<String, Object> row) {
        if (row.get("msdyn_currencyexchangerateid") != null) {
            return row;
        }
        Object type = row.get("msdyn_ratetype");
        Object from = row.get("msdyn_fromcurrency");
        Object to = row.get("msdyn_tocurrency");
        Object validFrom = row.get("msdyn_validfrom");
        if (type == null || from == null || to == null || validFrom == null) {
            return row;
        }
        Map<String, Object> keyed = new LinkedHashMap<>(row);
        keyed.put("msdyn_currencyexchangerateid", rateKey(type, from, to, validFrom));
        return keyed;
    }

    /** {@code <ratetype>|<from>|<to>|<yyyy-mm-dd>}; the date as delivered (text) or typed. */
    static String rateKey(Object rateType, Object from, Object to, Object validFrom) {
        String date = validFrom instanceof LocalDate d ? d.toString() : validFrom.toString().trim();
        if (date.length() > 10) {
            date = date.substring(0, 10);
        }
        return rateType.toString().trim() + "|" + from.toString().trim() + "|" + to.toString().trim() + "|" + date;
    }
}
