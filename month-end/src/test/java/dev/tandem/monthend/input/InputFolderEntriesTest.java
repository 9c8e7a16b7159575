package dev.tandem.monthend.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, finding 4: a run must never read on without part of its input. {@code tandem run} billed short and
 * exited 0 when {@code time/} was missing, was a file, or was a symbolic link to nothing or to itself. The class of
 * defect is "an entry of the folder that is not what belongs there is skipped without a word", so this test takes
 * every file and folder of the shipped example ({@code examples/northwind}), breaks it each way an entry can be
 * broken, and asserts that reading the folder reports a problem naming that entry (or, for a folder, a file in it). A file or folder added to the
 * example (or to the format) is covered without anyone editing the test.
 *
 * <p>The only silences allowed are those docs/input-format.md documents: an optional entry that is simply absent
 * ({@code expenses.csv}, any one time-tracker export) and a folder under {@code time/} (subfolders are ignored).
 */
class InputFolderEntriesTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "northwind");
    private static final LocalDate AS_OF = LocalDate.of(2025, 4, 30);
    private static final Set<String> OPTIONAL = Set.of("expenses.csv");

    enum Breakage { REMOVED, DANGLING_LINK, LOOPING_LINK, WRONG_KIND }

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyBrokenEntryIsAProblemNamingIt() throws IOException {
        assertThat(InputFolder.read(EXAMPLE, AS_OF).problems()).as("the example reads without problems").isEmpty();
        List<String> entries;
        try (Stream<Path> walk = Files.walk(EXAMPLE)) {
            entries = walk.filter(path -> !path.equals(EXAMPLE))
                    .map(path -> EXAMPLE.relativize(path).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(entries).contains("time", "company.yaml", "rates/eurofxref-hist.csv");
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (String entry : entries) {
            for (Breakage breakage : Breakage.values()) {
                Path copy = dir.resolve("case-" + n++);
                tests.add(DynamicTest.dynamicTest(entry + " " + breakage, () -> check(copy, entry, breakage)));
            }
        }
        return tests.stream();
    }

    private static void check(Path copy, String entry, Breakage breakage) throws IOException {
        copyTree(EXAMPLE, copy);
        Path path = copy.resolve(entry);
        boolean wasDirectory = Files.isDirectory(path);
        deleteTree(path);
        switch (breakage) {
            case REMOVED -> { }
            case DANGLING_LINK -> Files.createSymbolicLink(path, copy.resolve("nothing-here"));
            case LOOPING_LINK -> Files.createSymbolicLink(path, path.getFileName());
            case WRONG_KIND -> {
                if (wasDirectory) {
                    Files.writeString(path, "not a folder\n");
                } else {
                    Files.createDirectory(path);
                }
            }
        }
        List<InputProblem> problems = InputFolder.read(copy, AS_OF).problems();
        boolean timeExport = entry.startsWith("time/");
        boolean silenceAllowed = (breakage == Breakage.REMOVED && (OPTIONAL.contains(entry) || timeExport))
                || (breakage == Breakage.WRONG_KIND && timeExport && !wasDirectory);
        if (silenceAllowed) {
            return;
        }
        String named = wasDirectory ? entry + "/" : entry;
        assertThat(problems).as("%s %s: a problem naming it", entry, breakage)
                .anySatisfy(problem -> {
                    assertThat(problem.file()).matches(file -> file.equals(named) || file.startsWith(entry + "/"),
                            "is " + named + " or a file in it");
                    assertThat(problem.rule()).isEqualTo("MISSING_FILE");
                });
        assertThat(InputFolder.read(copy, AS_OF).input()).as("nothing is read from a folder with a problem").isNull();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } else {
            Files.deleteIfExists(path);
        }
    }
}
