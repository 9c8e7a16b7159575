package dev.tandem.dualwrite.map;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads table map files (format and rules: {@code docs/dual-write.md}) and validates them against the entity
 * definitions the apps expose.
 *
 * <p>Validation reports <em>every</em> problem of a file, each with its 1-based line and rule code, e.g.
 * {@code maps/msdyn_actuals.yaml:14: DIPV1021 unknown source field: 'msdyn_amonut' is not a field of msdyn_actuals}.
 * The rules and what they implement of dual-write (§3.5 of the reference):
 * <ul>
 *   <li>DIPV1003 — no {@code key}, or a key without exactly one field besides the company field (R28);</li>
 *   <li>DIPV1004 — a key field of a map with write-back mappings is not mapped {@code =} (R28);</li>
 *   <li>DIPV1011 — a mapping (or the company field) writes a read-only field of the receiving entity;</li>
 *   <li>DIPV1012 — a filter does not parse or names a field the entity does not have (S6: no lookups in
 *       filters);</li>
 *   <li>DIPV1014 — a key field is not mapped towards the target field to field (nor the company field);</li>
 *   <li>DIPV1015 — a key field is not a key of the target entity, or, when the map writes back, its source field
 *       is not a key of the source entity (R26);</li>
 *   <li>DIPV1021 / DIPV1024 — unknown source / target app, entity or field, also inside lookup paths;</li>
 *   <li>DIPV1023 / DIPV1026 — two write-back mappings write the same source field / two mappings (or a mapping and
 *       the company striping) write the same target field;</li>
 *   <li>DIPV1029 — a value map lists a value twice (for mappings that flow back: also a target value, which the
 *       inverted map could not tell apart);</li>
 *   <li>DIPV1031 — {@code none} without a {@code default};</li>
 *   <li>TDM-LOOKUP — a path segment that is not a lookup field, or a receiving path ({@code a.b} on the side that
 *       is written) that is not {@code lookup.key} of the referenced entity (R29);</li>
 *   <li>TDM-FORMAT — YAML syntax, a missing, unknown or repeated element, a bad id, version, app/entity, direction,
 *       operation, duration or alert rule, {@code none} on the receiving side, two files with the same map id.</li>
 * </ul>
 *
 * <p>Reading is {@link MapFileReader}'s (over {@link MapYaml}, the YAML with its line marks); each rule is a method of
 * {@link MapRules}. Instances are immutable and thread-safe.
 */
public final class TableMapLoader {

    /** Rule codes, as in {@code docs/dual-write.md}. */
    static final String NO_KEY = "DIPV1003";
    static final String KEY_NOT_BIDIRECTIONAL = "DIPV1004";
    static final String READ_ONLY = "DIPV1011";
    static final String BAD_FILTER = "DIPV1012";
    static final String KEY_NOT_MAPPED = "DIPV1014";
    static final String NOT_A_KEY = "DIPV1015";
    static final String UNKNOWN_SOURCE = "DIPV1021";
    static final String DUPLICATE_SOURCE = "DIPV1023";
    static final String UNKNOWN_TARGET = "DIPV1024";
    static final String DUPLICATE_TARGET = "DIPV1026";
    static final String DUPLICATE_VALUE = "DIPV1029";
    static final String NO_DEFAULT = "DIPV1031";
    static final String LOOKUP = "TDM-LOOKUP";
    static final String FORMAT = "TDM-FORMAT";


    private final Map<String, Map<String, DataEntityDefinition>> entitiesByApp;

    /**
     * @param entitiesByApp app name ({@code operations}, {@code finance}) → entity name → definition; lookups of an
     *                      entity refer to entities of the same app
     */
    public TableMapLoader(Map<String, Map<String, DataEntityDefinition>> entitiesByApp) {
        Map<String, Map<String, DataEntityDefinition>> copy = new TreeMap<>();
        entitiesByApp.forEach((app, entities) -> copy.put(app, Map.copyOf(entities)));
        this.entitiesByApp = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Reads and validates one map.
     *
     * @param file name of the file for messages, e.g. {@code maps/msdyn_actuals.yaml}
     * @param yaml its content
     * @return the map
     * @throws MapLoadException with every problem of the file when it is not valid
     */
    public TableMap load(String file, String yaml) {
        MapFileReader.Parsed parsed = parse(file, yaml);
        if (!parsed.problems().isEmpty()) {
            throw new MapLoadException(file, parsed.problems());
        }
        return parsed.map();
    }

    /**
     * Validates one map without loading it.
     *
     * @param file name of the file for messages
     * @param yaml its content
     * @return every problem, in line order; empty when the map is valid
     */
    public List<MapProblem> validate(String file, String yaml) {
        return parse(file, yaml).problems();
    }

    /**
     * Loads every {@code *.yaml} and {@code *.yml} file of a directory (not its subdirectories), in file-name order.
     * Files are named {@code <directory name>/<file name>} in messages, e.g. {@code maps/msdyn_actuals.yaml}. Two
     * files with the same {@code map:} id are refused (TDM-FORMAT, on the second file).
     *
     * @param dir the directory
     * @return the maps, in file-name order
     * @throws MapLoadException     listing the problems of all files when any file is not valid
     * @throws UncheckedIOException when the directory or a file cannot be read
     */
    public List<TableMap> loadDirectory(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".yaml") || n.endsWith(".yml");
                    })
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list table maps in " + dir, e);
        }
        String dirName = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        List<TableMap> maps = new ArrayList<>();
        List<MapProblem> problems = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        for (Path path : files) {
            String file = dirName + "/" + path.getFileName();
            String yaml;
            try {
                yaml = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read table map " + path, e);
            }
            MapFileReader.Parsed parsed = parse(file, yaml);
            List<MapProblem> fileProblems = new ArrayList<>(parsed.problems());
            if (parsed.id() != null) {
                String first = fileById.putIfAbsent(parsed.id(), file);
                if (first != null) {
                    fileProblems.add(new MapProblem(file, parsed.idLine(), FORMAT,
                            "map id '" + parsed.id() + "' is already used by " + first));
                    fileProblems.sort(Comparator.comparingInt(MapProblem::line));
                }
            }
            problems.addAll(fileProblems);
            if (fileProblems.isEmpty()) {
                maps.add(parsed.map());
            }
        }
        if (!problems.isEmpty()) {
            throw MapLoadException.ofDirectory(dirName, problems);
        }
        return List.copyOf(maps);
    }

    private MapFileReader.Parsed parse(String file, String yaml) {
        return new MapFileReader(file, entitiesByApp).run(yaml);
    }
}
