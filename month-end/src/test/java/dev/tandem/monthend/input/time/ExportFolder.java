package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.InputProblem;
import dev.tandem.monthend.input.RunInput.WorkRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An input folder with a {@code time/} directory, filled from the fixtures or from text, and what reading it gives. */
final class ExportFolder {

    private final Path folder;

    ExportFolder(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder.resolve("time"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the fixture {@code run/time/<fixture>} to {@code time/<name>}. */
    ExportFolder fixture(String fixture, String name) {
        return file(name, fixtureBytes(fixture));
    }

    ExportFolder fixture(String fixture) {
        return fixture(fixture, fixture);
    }

    /** Writes {@code text} as UTF-8 to {@code time/<name>}. */
    ExportFolder text(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The fixture's text (without changing line ends). */
    static String fixtureText(String fixture) {
        return new String(fixtureBytes(fixture), StandardCharsets.UTF_8);
    }

    /** Reads the folder's exports with the folder of {@link TestReferences}. */
    Result read(String clockifyDateFormat) {
        List<InputProblem> problems = new ArrayList<>();
        List<WorkRow> rows = TimeExports.read(folder, new TestReferences(), clockifyDateFormat, problems);
        return new Result(rows, problems);
    }

    Result read() {
        return read(null);
    }

    /** The rows read and the problems found, problems also as their terminal lines. */
    record Result(List<WorkRow> rows, List<InputProblem> problems) {

        List<String> problemLines() {
            return problems.stream().map(InputProblem::toString).toList();
        }

        /** {@code file:line:column: RULE} of each problem, for asserting places and rules without messages. */
        List<String> places() {
            return problems.stream().map(p -> p.file() + ":" + p.line() + ":" + p.column() + ": " + p.rule()).toList();
        }
    }

    private ExportFolder file(String name, byte[] content) {
        try {
            Files.write(folder.resolve("time").resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static byte[] fixtureBytes(String fixture) {
        try (InputStream in = ExportFolder.class.getResourceAsStream("/run/time/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture run/time/" + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
