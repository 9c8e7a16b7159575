package dev.tandem.operations.sync;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.TableDataEntity;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write path of the reference data Finance is master of (§7 prerequisite maps "Legal entities" and "CDS Exchange
 * Rates", initial sync Finance-master): {@code cdm_companies} and {@code msdyn_currencyexchangerates}. Rows are
 * checked here and then written as {@link TableDataEntity#plain} writes them: inserted when the key is new, else
 * updated with the delivered fields; deletes delete.
 *
 * <p>{@code cdm_companies} accepts rows with {@code cdm_companycode} (at most 10 characters), {@code cdm_name} and
 * {@code tdm_accountingcurrency} (ISO 4217), all three required for a new company.
 *
 * <p>{@code msdyn_currencyexchangerates} accepts rows with rate type, from and to currency (ISO 4217), a rate
 * greater than 0 and a valid-from date, all required for a new rate. The key {@code msdyn_currencyexchangerateid}
 * is {@code <ratetype>|<from>|<to>|<yyyy-mm-dd>}: a row without it gets it composed from its fields, and a row whose
 * key does not match its fields is refused.
 *
 * <p>Refuses (the whole call) with {@code INVALID_INPUT} naming the row and the rule: a missing required field, a
 * value that doesn't fit its column, an unknown currency, a non-positive rate, an inconsistent rate key, a field
 * the entity does not have or that the app sets itself (audit fields).
 */
final class ReferenceDataWrites implements TableDataEntity.Writes {

    private final OperationsContext ctx;
    private final TableDataEntity entity;
    private final TableDataEntity plain;
    private volatile SyncRows.Limits limits;

    ReferenceDataWrites(OperationsContext ctx, TableDataEntity entity) {
        this.ctx = ctx;
        this.entity = entity;
        this.plain = TableDataEntity.plain(entity.definition(), ctx);
    }

    private DataEntityDefinition definition() {
        return entity.definition();
    }

    private boolean rates() {
        return definition().name().equals(OperationsDataEntities.EXCHANGE_RATES.name());
    }

    @Override
    public void upsert(String keyField, List<Map<String, Object>> rows) {
        ctx.inTransaction(() -> {
            List<String> writable = definition().fields().stream().filter(f -> !definition().readOnly().contains(f))
                    .toList();
            List<Map<String, Object>> typed = new ArrayList<>(rows.size());
            for (Map<String, Object> row : rows) {
                Map<String, Object> keyed = rates() ? withRateKey(row) : row;
                String name = rowName(SyncRows.requireKey(definition(), keyField, keyed));
                SyncRows.onlyFields(definition(), keyed, writable, name, "Finance");
                Map<String, Object> t = SyncRows.coerce(entity, keyed, name);
                limits().check(t, name);
                typed.add(t);
            }
            Map<Object, Map<String, Object>> merged = SyncRows.mergeByKey(typed, keyField);
            Map<Object, Map<String, Object>> stored = SyncRows.index(
                    entity.read(keyField, new ArrayList<>(merged.keySet())), keyField);
            merged.forEach((key, row) -> {
                Map<String, Object> before = stored.get(key);
                Map<String, Object> after = new LinkedHashMap<>(before == null ? Map.of() : before);
                after.putAll(row);
                check(after, rowName(key));
            });
            plain.upsert(keyField, new ArrayList<>(merged.values()));
        });
    }

    @Override
    public void delete(String keyField, List<?> keys) {
        ctx.inTransaction(() -> plain.delete(keyField, keys));
    }

    /** The rules of a row as it will be stored (the delivered fields over the stored ones). */
    private void check(Map<String, Object> row, String name) {
        if (rates()) {
            for (String f : List.of("msdyn_ratetype", "msdyn_fromcurrency", "msdyn_tocurrency", "msdyn_rate",
                    "msdyn_validfrom")) {
                SyncRows.required(row, f, name);
            }
            SyncRows.currency(row, "msdyn_fromcurrency", name);
            SyncRows.currency(row, "msdyn_tocurrency", name);
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
                SyncRows.required(row, f, name);
            }
            SyncRows.currency(row, "tdm_accountingcurrency", name);
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

    private String rowName(Object key) {
        return (rates() ? "Exchange rate " : "Company ") + SyncRows.text(key);
    }

    private SyncRows.Limits limits() {
        if (limits == null) {
            limits = SyncRows.Limits.of(ctx.jdbc(), definition());
        }
        return limits;
    }
}
