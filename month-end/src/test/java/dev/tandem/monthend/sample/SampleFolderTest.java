package dev.tandem.monthend.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.monthend.input.InputFolder;
import dev.tandem.monthend.input.RunInput;
import dev.tandem.monthend.input.RunInput.ContractLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated sample folder: the input check accepts it, it holds what it promises, and a seed fixes it. */
class SampleFolderTest {

    @TempDir
    Path temp;

    @Test
    void theGeneratedFolderPassesTheInputCheckWithTheRowsAndContractsItPromises() {
        SampleFolder.Written written = SampleFolder.write(temp.resolve("sample"), 2_000, SampleFolder.DEFAULT_SEED);

        InputFolder.Result read = InputFolder.read(temp.resolve("sample"), SampleFolder.AS_OF);

        assertThat(read.problems()).isEmpty();
        RunInput input = read.input();
        assertThat(input.time().toList()).hasSize(2_000);
        assertThat(input.expenses().toList()).hasSize(written.expenses());
        assertThat(written.expenses()).isBetween(20, 60);
        assertThat(input.resources()).hasSize(SampleFolder.PEOPLE);
        assertThat(input.contracts()).hasSize(SampleFolder.CONTRACTS);
        assertThat(input.time().toList()).allSatisfy(row -> assertThat(row.date()).hasMonth(java.time.Month.APRIL));
        assertThat(input.time().toList().stream().map(RunInput.WorkRow::format).collect(Collectors.toSet()))
                .hasSize(3);
        assertThat(input.time().toList()).filteredOn(row -> !row.billable()).hasSizeBetween(100, 300);
        List<ContractLine> lines = input.contracts().stream().flatMap(c -> c.lines().stream()).toList();
        assertThat(lines).filteredOn(l -> l.customers().size() > 1).hasSize(15);
        assertThat(lines).filteredOn(l -> l.nteLimit() != null).hasSize(15);
        assertThat(lines).filteredOn(l -> !l.milestones().isEmpty()).hasSize(10);
        assertThat(input.contracts()).filteredOn(c -> c.nteLimit() != null).hasSize(5);
        assertThat(input.contracts()).filteredOn(c -> c.currency().equals("USD")).isNotEmpty();
        // Project Operations costs an expense in the contracting unit's currency: a receipt in another is refused.
        assertThat(input.expenses().toList()).filteredOn(e -> e.unitPrice() != null).isNotEmpty()
                .allSatisfy(e -> assertThat(e.currency()).isEqualTo("EUR"));
    }

    @Test
    void timeRowsAreReadAgainInChunksInTheOrderAndWithTheSummaryOfTheFirstReading() throws IOException {
        SampleFolder.write(temp.resolve("sample"), 1_500, SampleFolder.DEFAULT_SEED);
        RunInput input = InputFolder.read(temp.resolve("sample"), SampleFolder.AS_OF).input();
        dev.tandem.monthend.input.WorkRows time = input.time();
        List<RunInput.WorkRow> all = time.toList();

        assertThat(all).hasSize(time.size()).hasSize(1_500);
        assertThat(time.nonBillable()).isEqualTo((int) all.stream().filter(r -> !r.billable()).count())
                .isPositive();
        assertThat(time.projects()).containsExactlyElementsOf(all.stream().map(RunInput.WorkRow::project).distinct()
                .toList());
        assertThat(time.resources()).containsExactlyElementsOf(all.stream().map(RunInput.WorkRow::resource)
                .distinct().toList());
        List<List<RunInput.WorkRow>> chunks = new java.util.ArrayList<>();
        time.forEachChunk(400, chunks::add);
        assertThat(chunks).extracting(List::size).containsExactly(400, 400, 400, 300);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(all);
        assertThat(time.toList()).extracting(RunInput.WorkRow::sourceKey)
                .isEqualTo(all.stream().map(RunInput.WorkRow::sourceKey).toList());

        // An export that changes after the check is refused by name, not loaded unchecked.
        Path export;
        try (Stream<Path> files = Files.list(temp.resolve("sample/time"))) {
            export = files.sorted().toList().getLast();
        }
        Files.writeString(export, Files.readString(export) + Files.readString(export).lines().skip(1).findFirst()
                .orElseThrow() + System.lineSeparator());
        assertThatThrownBy(() -> time.forEachChunk(400, chunk -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("time/" + export.getFileName() + " changed while the run was using it");
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherRows() throws IOException {
        SampleFolder.write(temp.resolve("a"), 500, 7);
        SampleFolder.write(temp.resolve("b"), 500, 7);
        SampleFolder.write(temp.resolve("c"), 500, 8);

        assertThat(files(temp.resolve("a"))).isEqualTo(files(temp.resolve("b")));
        assertThat(files(temp.resolve("a")).get("time/toggl-2025-04.csv"))
                .isNotEqualTo(files(temp.resolve("c")).get("time/toggl-2025-04.csv"));
    }

    @Test
    void aFolderWithFilesIsRefused() throws IOException {
        Files.createDirectories(temp.resolve("used"));
        Files.writeString(temp.resolve("used/notes.txt"), "mine");

        assertThatThrownBy(() -> SampleFolder.write(temp.resolve("used"), 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not empty");
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }
}
