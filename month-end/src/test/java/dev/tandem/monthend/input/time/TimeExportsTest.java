package dev.tandem.monthend.input.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a whole time/ directory: every problem of every file, rows in file and line order, broken files. */
class TimeExportsTest {

    @TempDir
    Path folder;

    @Test
    void collectsEveryProblemOfEveryFileAndReturnsTheRowsWithoutProblems() {
        ExportFolder.Result result = new ExportFolder(folder)
                .fixture("harvest-2025-03.csv")
                .text("toggl-2025-03.csv", """
                        User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)
                        Tom Weber,tom.weber@northwind.example,Contoso Ltd,Data Migration,,"Cut-over,
                        night shift",Yes,2025-03-08,22:00:00,2025-03-09,06:30:00,8:30:00,,
                        Tom Weber,tom.weber@northwind.example,Contoso Ltd,Website Relaunch,,Design,Yes,2025-03-10,09:00:00,2025-03-10,10:00:00,1:00:00,,
                        Tom Weber,tom.weber@northwind.example,Contoso Ltd,Data Migration,,Load,Maybe,2025-03-32,09:00:00,2025-03-10,10:00:00,1:00,,
                        """)
                .fixture("clockify-2025-02-eu.csv")
                .read();

        List<String> places = new ArrayList<>(HarvestRowsTest.MARCH_PROBLEMS);
        places.addAll(List.of(
                "time/toggl-2025-03.csv:4:4: UNKNOWN_PROJECT",
                "time/toggl-2025-03.csv:5:8: DATE_FORMAT",
                "time/toggl-2025-03.csv:5:12: DURATION_FORMAT",
                "time/toggl-2025-03.csv:5:7: YES_NO"));
        assertThat(result.places()).containsExactlyElementsOf(places);
        assertThat(result.rows()).extracting(row -> row.source().file() + ":" + row.source().line()).containsExactly(
                "time/clockify-2025-02-eu.csv:2", "time/clockify-2025-02-eu.csv:3", "time/clockify-2025-02-eu.csv:4",
                "time/harvest-2025-03.csv:2", "time/harvest-2025-03.csv:3", "time/harvest-2025-03.csv:12",
                "time/toggl-2025-03.csv:2");
    }

    @Test
    void blankLinesBetweenRowsCountAsLines() {
        ExportFolder.Result result = new ExportFolder(folder).text("h.csv", """
                Date,Project,Hours,First Name,Last Name,Billable?

                2025-02-03,ERP Rollout,1,Anna,Berg,Yes


                2025-02-31,ERP Rollout,1,Anna,Berg,Yes
                """).read();

        assertThat(result.rows()).extracting(row -> row.source().line()).containsExactly(3);
        assertThat(result.places()).containsExactly("time/h.csv:6:1: DATE_FORMAT");
    }

    @Test
    void aRowWithAnotherNumberOfFieldsThanTheHeaderIsInvalid() {
        ExportFolder.Result result = new ExportFolder(folder).text("h.csv", """
                Date,Project,Hours,First Name,Last Name,Billable?
                2025-02-03,ERP Rollout,1,5,Anna,Berg,Yes
                2025-02-04,ERP Rollout,1,Anna,Berg,Yes
                """).read();

        assertThat(result.problemLines())
                .containsExactly("time/h.csv:2:1: INVALID: the row has 7 fields, the header row has 6");
        assertThat(result.rows()).extracting(row -> row.source().line()).containsExactly(3);
    }

    @Test
    void aQuoteThatIsNeverClosedIsInvalidAndTheRowsBeforeItAreRead() {
        ExportFolder.Result result = new ExportFolder(folder).text("h.csv", """
                Date,Project,Notes,Hours,First Name,Last Name,Billable?
                2025-02-03,ERP Rollout,Workshop,1,Anna,Berg,Yes
                2025-02-04,ERP Rollout,"Workshop,1,Anna,Berg,Yes
                2025-02-05,ERP Rollout,Workshop,1,Anna,Berg,Yes
                """).read();

        assertThat(result.places()).containsExactly("time/h.csv:3:1: INVALID");
        assertThat(result.rows()).extracting(row -> row.source().line()).containsExactly(2);
    }

    @Test
    void aFileThatIsNotUtf8IsInvalid() throws Exception {
        ExportFolder exports = new ExportFolder(folder);
        Files.write(folder.resolve("time/h.csv"), ("Date,Project,Notes,Hours,First Name,Last Name,Billable?\n"
                + "2025-02-03,ERP Rollout,Caf\u00e9,1,Anna,Berg,Yes\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(exports.read().problemLines()).containsExactly("time/h.csv:1:1: INVALID: time/h.csv is not UTF-8 text");
    }

    @Test
    void aDuplicateColumnNameIsInvalid() {
        ExportFolder.Result result = new ExportFolder(folder).text("h.csv", """
                Date,Project,Hours,First Name,Last Name,Billable?,Hours
                2025-02-03,ERP Rollout,1,Anna,Berg,Yes,1
                """).read();

        assertThat(result.places()).containsExactly("time/h.csv:1:1: INVALID");
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void unnamedColumnsAreIgnored() {
        ExportFolder.Result result = new ExportFolder(folder).text("h.csv", """
                Date,Project,Hours,First Name,Last Name,Billable?,,
                2025-02-03,ERP Rollout,1,Anna,Berg,Yes,x,
                """).read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(row -> row.source().line()).containsExactly(2);
    }
}
