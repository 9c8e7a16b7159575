package dev.tandem.server;

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
 * Dataverse option values ({@code 192350001}, {@code 690970000}, …) are written once, where their option set is
 * defined: an enum constant {@code NAME(value, "Label")} or a named constant {@code static final int NAME = value;}.
 * Everywhere else main code names the constant, and SQL binds its value as a parameter, so that a count can't compare
 * with the wrong status again (issue 11: the run report counted In Review, 192350001, as Confirmed).
 */
class OptionValueLiteralsTest {

    /** Dataverse's option-value ranges: 19235xxxx (Microsoft's publisher prefix) and 69097xxxx. */
    private static final Pattern OPTION_VALUE = Pattern.compile("\\b(19235|69097)\\d{4}\\b");
    private static final Pattern ENUM_CONSTANT = Pattern.compile("^\\s*[A-Z][A-Z0-9_]*\\(\\s*\\d+\\s*,.*");
    private static final Pattern NAMED_CONSTANT = Pattern.compile(
            "^\\s*(public |protected |private )?static final int [A-Z][A-Z0-9_]* = \\d+;.*");
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*(\\*|/\\*|//).*");

    @Test
    void mainCodeNamesOptionValuesInsteadOfWritingThem() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> literals = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        List<String> lines = Files.readAllLines(file);
                        for (int i = 0; i < lines.size(); i++) {
                            String line = lines.get(i);
                            String code = line.replaceFirst("\\s//.*$", "");
                            if (OPTION_VALUE.matcher(code).find() && !COMMENT_LINE.matcher(line).matches()
                                    && !ENUM_CONSTANT.matcher(line).matches()
                                    && !NAMED_CONSTANT.matcher(line).matches()) {
                                literals.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                            }
                        }
                    }
                }
            }
        }
        assertThat(root.resolve("server/src/main/java")).isDirectory();
        assertThat(literals).as("option values written as literals; name the enum constant instead").isEmpty();
    }
}
