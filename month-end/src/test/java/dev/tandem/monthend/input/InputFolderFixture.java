package dev.tandem.monthend.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the valid input folder {@code src/test/resources/run/input/valid} in a temporary directory, to break one
 * rule at a time and read it with {@link InputFolder#read}.
 */
final class InputFolderFixture {

    private final Path folder;

    private InputFolderFixture(Path folder) {
        this.folder = folder;
    }

    /** Copies the valid folder into a new directory under {@code dir}. */
    static InputFolderFixture validIn(Path parent) {
        try {
            Path dir = Files.createTempDirectory(parent, "input");
            Path source = Path.of(InputFolderFixture.class.getResource("/run/input/valid").toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = dir.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return new InputFolderFixture(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Path folder() {
        return folder;
    }

    InputFolderFixture write(String file, String text) {
        try {
            Files.createDirectories(folder.resolve(file).getParent());
            Files.writeString(folder.resolve(file), text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from}, which must occur in the file, by {@code to}. */
    InputFolderFixture replace(String file, String from, String to) {
        String text = text(file);
        assertThat(text).as("%s contains the text to replace", file).contains(from);
        return write(file, text.replace(from, to));
    }

    /** Appends {@code lines} to the file. */
    InputFolderFixture append(String file, String lines) {
        return write(file, text(file) + lines);
    }

    InputFolderFixture delete(String file) {
        try {
            Files.delete(folder.resolve(file));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text(String file) {
        try {
            return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InputFolder.Result read() {
        return InputFolder.read(folder);
    }

    /** The problems as the terminal shows them: {@code file:line:column: RULE: message}. */
    List<String> problems() {
        InputFolder.Result result = read();
        if (!result.problems().isEmpty()) {
            assertThat(result.input()).as("no input when there are problems").isNull();
        }
        return result.problems().stream().map(InputProblem::toString).toList();
    }

    /** Where the problems are and which rule: {@code file:line:column: RULE}. */
    List<String> where() {
        return read().problems().stream().map(p -> p.file() + ":" + p.line() + ":" + p.column() + ": " + p.rule())
                .toList();
    }
}
