package dev.tandem.monthend.input.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.monthend.input.CsvFile;
import dev.tandem.monthend.input.InputProblem;
import dev.tandem.monthend.input.RunInput.WorkRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection of the tracker format from the header row, and files that are no tracker export. */
class TrackerFormatTest {

    @TempDir
    Path folder;

    @Test
    void detectsEachTrackerFromItsHeaderRow() {
        ExportFolder.Result result = new ExportFolder(folder)
                .fixture("harvest-2025-02.csv").fixture("toggl-2025-02.csv").fixture("clockify-2025-02-eu.csv")
                .read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(row -> row.source().file() + " " + row.format())
                .containsOnly("time/clockify-2025-02-eu.csv clockify", "time/harvest-2025-02.csv harvest",
                        "time/toggl-2025-02.csv toggl");
    }

    @Test
    void headerNamesMatchIgnoringCaseSurroundingSpacesAndColumnOrder() {
        ExportFolder.Result result = new ExportFolder(folder).text("h.csv", """
                 last name , HOURS,billable?,First Name,date,  Project
                Berg,1.5,Yes,Anna,2025-02-03,ERP Rollout
                """).read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.format()).isEqualTo("harvest");
            assertThat(row.resource()).isEqualTo("Anna Berg");
            assertThat(row.quantity()).isEqualByComparingTo("1.5");
        });
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsDropped() {
        ExportFolder.Result result = new ExportFolder(folder).text("h.csv", """
                \uFEFFDate,Project,Hours,First Name,Last Name,Billable?
                2025-02-03,ERP Rollout,1.5,Anna,Berg,Yes
                """).read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(WorkRow::date).hasSize(1);
    }

    @Test
    void aTogglHeaderWithADecimalDurationIsClockifysNotToggls() {
        assertThat(TrackerFormat.detect(header("User", "Email", "Project", "Start date", "Duration")))
                .contains(TrackerFormat.TOGGL);
        assertThat(TrackerFormat.detect(header("Project", "User", "Email", "Start Date", "Duration (decimal)")))
                .contains(TrackerFormat.CLOCKIFY);
        assertThat(TrackerFormat.detect(header("User", "Email", "Project", "Start date", "Duration",
                "Duration (decimal)"))).contains(TrackerFormat.CLOCKIFY);
        assertThat(TrackerFormat.detect(header("Date", "Project", "Hours", "First Name"))).isEmpty();
    }

    @Test
    void anyOtherHeaderRowIsUnknownFormatAtLineOneColumnOne() {
        ExportFolder.Result result = new ExportFolder(folder)
                .fixture("expenses-2025-02.csv").text("empty.csv", "").fixture("toggl-2025-02.csv").read();

        assertThat(result.problemLines()).containsExactly(
                "time/empty.csv:1:1: UNKNOWN_FORMAT: the header row is not that of a Harvest \"Detailed time\","
                        + " Toggl Track \"Detailed\" or Clockify \"Detailed report\" CSV export",
                "time/expenses-2025-02.csv:1:1: UNKNOWN_FORMAT: the header row is not that of a Harvest"
                        + " \"Detailed time\", Toggl Track \"Detailed\" or Clockify \"Detailed report\" CSV export");
        assertThat(result.rows()).extracting(row -> row.source().file()).containsOnly("time/toggl-2025-02.csv");
    }

    @Test
    void aDetectedFileWithoutItsBillableColumnIsMissingColumn() {
        ExportFolder.Result result = new ExportFolder(folder).text("h.csv", """
                Date,Project,Hours,First Name,Last Name
                2025-02-03,ERP Rollout,1.5,Anna,Berg
                """).read();

        assertThat(result.problemLines())
                .containsExactly("time/h.csv:1:1: MISSING_COLUMN: the harvest export has no \"Billable?\" column");
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void onlyCsvFilesOfTheTimeDirectoryAreRead() {
        ExportFolder.Result result = new ExportFolder(folder)
                .text("README.txt", "exported on 2025-03-01").fixture("harvest-2025-02.csv", "HARVEST.CSV").read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(row -> row.source().file()).containsOnly("time/HARVEST.CSV");
    }

    @Test
    void aFolderWithoutTimeDirectoryIsMissingFile(@TempDir Path empty) {
        List<InputProblem> problems = new ArrayList<>();

        assertThat(TimeExports.read(empty, new TestReferences(), null, problems)).isEmpty();
        assertThat(problems).extracting(p -> p.file() + " " + p.rule()).containsExactly("time/ MISSING_FILE");
    }

    /** A file with only this header row, read as a tracker export. */
    private static CsvFile header(String... names) {
        return CsvFile.parse("time/x.csv", String.join(",", names) + "\n", Integer.MAX_VALUE, CsvFile.Shape.EXPORT,
                new ArrayList<>());
    }
}
