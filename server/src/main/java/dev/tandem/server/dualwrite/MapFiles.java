package dev.tandem.server.dualwrite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the table map files the runtime loads: file name ({@code maps/<file>}) → YAML text, in file-name order.
 * By default the maps packaged in the server jar ({@code classpath*:maps/*.yaml}, copied there from the
 * repository's {@code maps/} at build time); with {@code tandem.dualwrite.maps-dir}, the {@code *.yaml} and
 * {@code *.yml} files of that directory (not its subdirectories).
 */
final class MapFiles {

    /** Where the packaged maps are on the classpath. */
    static final String CLASSPATH_PATTERN = "classpath*:maps/*.y*ml";

    private MapFiles() {
    }

    /**
     * @param directory the configured directory, or {@code null} for the packaged maps
     * @throws IllegalArgumentException when the configured directory does not exist
     * @throws UncheckedIOException     when a file cannot be read
     */
    static Map<String, String> read(Path directory) {
        return directory == null ? packaged() : directory(directory);
    }

    private static Map<String, String> packaged() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(CLASSPATH_PATTERN);
            Map<String, String> files = new LinkedHashMap<>();
            List<Resource> sorted = Arrays.stream(resources).filter(r -> isMap(r.getFilename()))
                    .sorted(Comparator.comparing(Resource::getFilename)).toList();
            for (Resource r : sorted) {
                // The same name twice (two jars with maps/) keeps the first, as a classpath lookup would.
                files.putIfAbsent("maps/" + r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("The table maps on the classpath (maps/*.yaml) cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, String> directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(DualWriteProperties.PREFIX + ".maps-dir names no directory: "
                    + directory.toAbsolutePath());
        }
        try (Stream<Path> list = Files.list(directory)) {
            Map<String, String> files = new LinkedHashMap<>();
            for (Path p : list.filter(Files::isRegularFile).filter(p -> isMap(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                files.put("maps/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("The table maps in " + directory.toAbsolutePath() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static boolean isMap(String name) {
        return name != null && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
