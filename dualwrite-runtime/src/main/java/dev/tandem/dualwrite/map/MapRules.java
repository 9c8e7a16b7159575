package dev.tandem.dualwrite.map;

import static dev.tandem.dualwrite.map.TableMapLoader.BAD_FILTER;
import static dev.tandem.dualwrite.map.TableMapLoader.DUPLICATE_SOURCE;
import static dev.tandem.dualwrite.map.TableMapLoader.DUPLICATE_TARGET;
import static dev.tandem.dualwrite.map.TableMapLoader.DUPLICATE_VALUE;
import static dev.tandem.dualwrite.map.TableMapLoader.FORMAT;
import static dev.tandem.dualwrite.map.TableMapLoader.KEY_NOT_BIDIRECTIONAL;
import static dev.tandem.dualwrite.map.TableMapLoader.KEY_NOT_MAPPED;
import static dev.tandem.dualwrite.map.TableMapLoader.LOOKUP;
import static dev.tandem.dualwrite.map.TableMapLoader.NOT_A_KEY;
import static dev.tandem.dualwrite.map.TableMapLoader.NO_DEFAULT;
import static dev.tandem.dualwrite.map.TableMapLoader.NO_KEY;
import static dev.tandem.dualwrite.map.TableMapLoader.READ_ONLY;
import static dev.tandem.dualwrite.map.TableMapLoader.UNKNOWN_TARGET;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of a table map (docs/dual-write.md, "Validation"; dual-write §3.5), one method per rule, checked against
 * the entity definitions the apps expose. Each reports to the file's {@link MapProblems} with the rule code and the
 * line the {@link MapFileReader} read the element on; none reads YAML.
 */
final class MapRules {

    /** An entity of an app, as a map names it ({@code app/entity}). */
    record Side(String app, String entity, DataEntityDefinition definition) {
    }

    /** Which side of the map a name is on, with the rule for an unknown name there (DIPV1021 / DIPV1024). */
    enum Which {
        SOURCE("source", TableMapLoader.UNKNOWN_SOURCE),
        TARGET("target", TableMapLoader.UNKNOWN_TARGET);

        final String label;
        final String unknownRule;

        Which(String label, String unknownRule) {
            this.label = label;
            this.unknownRule = unknownRule;
        }
    }

    /** A field mapping as read, before it becomes a {@link FieldMapping}. */
    record Draft(FieldPath source, Direction direction, FieldPath target, String defaultValue,
                 Map<String, String> valueMap, int line) {
        FieldMapping toMapping() {
            return new FieldMapping(source, direction, target, defaultValue, valueMap, line);
        }

        String text() {
            return toMapping().toString();
        }
    }

    /** A key field as listed, with its line. */
    record KeyField(String name, int line) {
    }

    private final Map<String, Map<String, DataEntityDefinition>> entitiesByApp;
    private final MapProblems problems;

    MapRules(Map<String, Map<String, DataEntityDefinition>> entitiesByApp, MapProblems problems) {
        this.entitiesByApp = entitiesByApp;
        this.problems = problems;
    }

    private void add(int line, String rule, String message) {
        problems.add(line, rule, message);
    }

    /** TDM-FORMAT, DIPV1021 / DIPV1024: {@code source} / {@code target} is {@code app/entity} of a known app. */
    Side side(Which which, String text, int line) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            add(line, FORMAT, which.label + " '" + text + "' must be app/entity, e.g. operations/msdyn_actuals");
            return null;
        }
        String app = text.substring(0, slash);
        String entity = text.substring(slash + 1);
        Map<String, DataEntityDefinition> entities = entitiesByApp.get(app);
        if (entities == null) {
            add(line, which.unknownRule, "unknown " + which.label + " app: '" + app + "' (apps: "
                    + String.join(", ", entitiesByApp.keySet()) + ")");
            return null;
        }
        DataEntityDefinition definition = entities.get(entity);
        if (definition == null) {
            add(line, which.unknownRule, "unknown " + which.label + " entity: '" + entity + "' is not an entity of "
                    + app);
            return null;
        }
        return new Side(app, entity, definition);
    }

    /** DIPV1012: a filter reads only fields of the entity itself. */
    void filterFields(String name, ODataFilter filter, Side side, String sideLabel, int line) {
        for (String field : filter.fields()) {
            if (!side.definition().fields().contains(field)) {
                add(line, BAD_FILTER, name + " names '" + field + "', which is not a field of " + side.entity()
                        + " (a " + name + " reads fields of the " + sideLabel + " entity itself, no lookups)");
            }
        }
    }

    /** DIPV1024 / DIPV1011: the company target is a writable field of the target entity itself. */
    void companyTarget(String targetField, Side target, int line) {
        DataEntityDefinition def = target.definition();
        if (!def.fields().contains(targetField)) {
            add(line, UNKNOWN_TARGET, "unknown target field: '" + targetField + "' is not a field of "
                    + target.entity() + " (company target: a field of the target entity itself)");
        } else if (def.readOnly().contains(targetField)) {
            add(line, READ_ONLY, "company target '" + targetField + "' is a read-only field of " + target.entity());
        }
    }

    /** DIPV1029: a value map lists a value once; a mapping that flows back also each target value once. */
    boolean valueListedOnce(String mapping, String value, String mapsTo, boolean reverse, int line,
                            Map<String, Integer> keyLines, Map<String, Integer> valueLines) {
        Integer first = keyLines.putIfAbsent(value, line);
        if (first != null) {
            add(line, DUPLICATE_VALUE, "value map of '" + mapping + "' lists '" + value + "' twice (first on line "
                    + first + ")");
            return false;
        }
        Integer firstValue = valueLines.putIfAbsent(mapsTo, line);
        if (firstValue != null && reverse) {
            add(line, DUPLICATE_VALUE, "value map of '" + mapping + "' lists '" + mapsTo + "' twice as a target value "
                    + "(first on line " + firstValue + "); the write-back direction could not invert it");
        }
        return true;
    }

    /** Per-mapping rules: DIPV1031, fields and paths, DIPV1011, DIPV1026, DIPV1023. */
    void mapping(Draft d, Side source, Side target, Map<String, Integer> targetWriters,
                 Map<String, Integer> sourceWriters) {
        noneHasDefault(d);
        Direction dir = d.direction();
        boolean sourceOk = d.source() == null || source == null
                || path(Which.SOURCE, source, d.source(), d.line(), dir.reverse());
        boolean targetOk = d.target() == null || target == null
                || path(Which.TARGET, target, d.target(), d.line(), dir.forward());
        if (dir.forward() && d.target() != null) {
            if (targetOk && target != null) {
                writable(d, target, d.target().head(), "writes");
            }
            targetWrittenOnce(d, targetWriters);
        }
        if (dir.reverse() && d.source() != null) {
            if (sourceOk && source != null) {
                writable(d, source, d.source().head(), "writes back");
            }
            sourceWrittenBackOnce(d, sourceWriters);
        }
    }

    /** DIPV1031: a mapping from {@code none} needs a default. */
    void noneHasDefault(Draft d) {
        if ((d.source() == null || d.target() == null) && d.defaultValue() == null) {
            add(d.line(), NO_DEFAULT, "'" + d.text() + "' maps from none and needs a default");
        }
    }

    /** DIPV1011: a mapping writes no read-only field of the receiving entity. */
    void writable(Draft d, Side receiving, String field, String verb) {
        if (receiving.definition().readOnly().contains(field)) {
            add(d.line(), READ_ONLY, "'" + d.text() + "' " + verb + " '" + field + "', a read-only field of "
                    + receiving.entity());
        }
    }

    /** DIPV1026: no target field is written twice (by mappings or the company striping). */
    void targetWrittenOnce(Draft d, Map<String, Integer> targetWriters) {
        String field = d.target().head();
        Integer first = targetWriters.putIfAbsent(field, d.line());
        if (first != null) {
            add(d.line(), DUPLICATE_TARGET, "target field '" + field + "' is written twice (also on line " + first
                    + ")");
        }
    }

    /** DIPV1023: no source field is written back twice. */
    void sourceWrittenBackOnce(Draft d, Map<String, Integer> sourceWriters) {
        String field = d.source().head();
        Integer first = sourceWriters.putIfAbsent(field, d.line());
        if (first != null) {
            add(d.line(), DUPLICATE_SOURCE, "source field '" + field + "' is written back twice (also on line "
                    + first + ")");
        }
    }

    /**
     * DIPV1021/DIPV1024 for unknown fields, TDM-LOOKUP for a segment that is not a lookup and for a receiving
     * path that is not {@code lookup.key}.
     *
     * @param receiving whether the mapping writes this side (its path is then resolved by key, not read)
     * @return whether the path is valid
     */
    boolean path(Which which, Side side, FieldPath path, int line, boolean receiving) {
        DataEntityDefinition entity = side.definition();
        List<String> segments = path.segments();
        String in = path.isLookup() ? " (in '" + path + "')" : "";
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (!entity.fields().contains(segment)) {
                add(line, which.unknownRule, "unknown " + which.label + " field: '" + segment
                        + "' is not a field of " + entity.name() + in);
                return false;
            }
            if (i == segments.size() - 1) {
                break;
            }
            String referenced = entity.lookups().get(segment);
            if (referenced == null) {
                add(line, LOOKUP, "'" + segment + "' is not a lookup field of " + entity.name()
                        + ", so '" + path + "' cannot follow it");
                return false;
            }
            DataEntityDefinition next = entitiesByApp.get(side.app()).get(referenced);
            if (next == null) {
                add(line, which.unknownRule, "unknown " + which.label + " entity: '" + referenced
                        + "' (referenced by " + entity.name() + "." + segment + ") is not an entity of "
                        + side.app());
                return false;
            }
            entity = next;
        }
        return !receiving || !path.isLookup() || writtenByKey(path, entity, line);
    }

    /** TDM-LOOKUP: a written path is {@code <lookup field>.<key of the referenced entity>} (R29). */
    private boolean writtenByKey(FieldPath path, DataEntityDefinition referenced, int line) {
        List<String> segments = path.segments();
        String last = segments.get(segments.size() - 1);
        if (segments.size() > 2) {
            add(line, LOOKUP, "'" + path + "' is written through more than one lookup; a written path is "
                    + "<lookup field>.<key of the referenced entity>");
            return false;
        }
        if (!referenced.isKey(last)) {
            add(line, LOOKUP, "'" + last + "' is not a key of " + referenced.name() + ", so '" + path
                    + "' cannot find the row to refer to (keys: " + keys(referenced) + ")");
            return false;
        }
        return true;
    }

    /**
     * DIPV1003, DIPV1014, DIPV1015, DIPV1004 and DIPV1024 for the key fields.
     *
     * @param fieldsComplete whether every field mapping could be read; if not, a key may be mapped by a line that
     *                       could not (and is reported already)
     */
    void key(List<KeyField> key, List<Draft> drafts, CompanyStriping company, Side source, Side target,
             boolean fieldsComplete) {
        String companyField = company == null ? null : company.target();
        List<KeyField> own = key.stream().filter(k -> !k.name().equals(companyField)).toList();
        oneKeyField(key, own, companyField);
        if (target == null) {
            return;
        }
        Set<String> keyNames = key.stream().map(KeyField::name).collect(Collectors.toSet());
        Draft writeBack = drafts.stream()
                .filter(d -> d.direction().reverse() && d.source() != null
                        && !keyNames.contains(d.target() == null ? "" : d.target().head()))
                .findFirst().orElse(null);
        for (KeyField k : own) {
            keyField(k, drafts, writeBack, source, target, fieldsComplete);
        }
    }

    /** DIPV1003: the key has exactly one field besides the company field (R28). */
    private void oneKeyField(List<KeyField> key, List<KeyField> own, String companyField) {
        int keyLine = own.isEmpty() ? key.get(0).line() : own.get(0).line();
        if (own.isEmpty()) {
            add(keyLine, NO_KEY, "the key has no field besides the company field '" + companyField + "'");
        } else if (own.size() > 1) {
            add(keyLine, NO_KEY, "the key has " + own.size() + " fields besides the company field ("
                    + own.stream().map(KeyField::name).collect(Collectors.joining(", "))
                    + "); the runtime matches rows by exactly one");
        }
    }

    /** DIPV1024, DIPV1014, DIPV1015, DIPV1004 for one key field. */
    private void keyField(KeyField k, List<Draft> drafts, Draft writeBack, Side source, Side target,
                          boolean fieldsComplete) {
        String name = k.name();
        DataEntityDefinition targetDef = target.definition();
        if (!targetDef.fields().contains(name)) {
            add(k.line(), UNKNOWN_TARGET, "unknown target field: '" + name + "' is not a field of " + target.entity()
                    + " (in key)");
            return;
        }
        Draft mapping = drafts.stream()
                .filter(d -> d.direction().forward() && d.source() != null && d.target() != null
                        && d.target().head().equals(name))
                .findFirst().orElse(null);
        if (mapping == null) {
            if (fieldsComplete) {
                add(k.line(), KEY_NOT_MAPPED, "key field '" + name + "' is not mapped towards the target: it needs "
                        + "a mapping '<source field> = " + name + "' (or '>')");
            }
            return;
        }
        if (mapping.source().isLookup() || mapping.target().isLookup()) {
            add(mapping.line(), KEY_NOT_MAPPED, "key field '" + name + "' must be mapped field to field, without "
                    + "lookups: '" + mapping.text() + "'");
            return;
        }
        if (!targetDef.isKey(name)) {
            add(k.line(), NOT_A_KEY, "key field '" + name + "' is not a key of " + target.entity() + " (keys: "
                    + keys(targetDef) + ")");
        }
        if (writeBack != null) {
            keyWrittenBack(name, mapping, writeBack, source);
        }
    }

    /** DIPV1004 and DIPV1015 when the map writes back: the key is mapped '=' from a key of the source (R26, R28). */
    private void keyWrittenBack(String name, Draft mapping, Draft writeBack, Side source) {
        if (mapping.direction() != Direction.BOTH) {
            add(mapping.line(), KEY_NOT_BIDIRECTIONAL, "key field '" + name + "' must be mapped '=' because the map "
                    + "writes back (line " + writeBack.line() + "): '" + mapping.text() + "'");
        } else if (source != null && source.definition().fields().contains(mapping.source().head())
                && !source.definition().isKey(mapping.source().head())) {
            add(mapping.line(), NOT_A_KEY, "'" + mapping.source().head() + "', mapped to key field '" + name
                    + "', is not a key of " + source.entity() + " (keys: " + keys(source.definition())
                    + "); the map writes back (line " + writeBack.line() + ") and needs it to find the source row");
        }
    }

    private static String keys(DataEntityDefinition entity) {
        List<String> keys = new ArrayList<>();
        keys.add(entity.integrationKey());
        keys.addAll(entity.alternateKeys());
        return String.join(", ", keys);
    }
}
