package dev.tandem.monthend.input.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.monthend.input.RunInput.WorkRow;
import dev.tandem.monthend.input.Source;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Toggl Track "Detailed" rows: hours from durations, the person by e-mail or name, start times. */
class TogglRowsTest {

    private static final String HEADER = "User,Email,Project,Description,Billable,Start date,Start time,Duration\n";

    @TempDir
    Path folder;

    @Test
    void readsEachFieldOfARow() {
        ExportFolder.Result result = new ExportFolder(folder).fixture("toggl-2025-02.csv").read();

        assertThat(result.problems()).isEmpty();
        WorkRow first = result.rows().getFirst();
        assertThat(first.source()).isEqualTo(new Source("time/toggl-2025-02.csv", 2));
        assertThat(first.format()).isEqualTo("toggl");
        assertThat(first.date()).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(first.project()).isEqualTo("P-100");
        assertThat(first.description()).isEqualTo("Status call");
        assertThat(first.billable()).isTrue();
    }

    @Test
    void hoursAreTheDurationInSecondsOver3600RoundedToSixDecimals() {
        ExportFolder.Result result = new ExportFolder(folder).fixture("toggl-2025-02.csv").read();

        // 0:20:00 = 1200 s = 0.3333… h; 4:15:30 = 15330 s = 4.258333… h; 1:00:00 = 1 h
        assertThat(result.rows()).extracting(row -> row.quantity().toPlainString())
                .containsExactly("0.333333", "4.258333", "1.000000");
    }

    @Test
    void thePersonIsFoundByEmailFirstThenByName() {
        ExportFolder.Result result = new ExportFolder(folder).fixture("toggl-2025-02.csv").read();

        // "A. Berg" and "TOM.WEBER@…" are found by their e-mails; Lena Kraus has none and is found by name.
        assertThat(result.rows()).extracting(WorkRow::resource).containsExactly("Anna Berg", "Tom Weber", "Lena Kraus");
    }

    @Test
    void aCrLfMultiLineDescriptionKeepsTheLinesOfLaterRows() {
        ExportFolder.Result result = new ExportFolder(folder).fixture("toggl-2025-02.csv").read();

        assertThat(result.rows()).extracting(row -> row.source().line()).containsExactly(2, 3, 5);
        assertThat(result.rows().get(1).description()).isEqualTo("Data load,\r\nsecond attempt");
    }

    @Test
    void durationsAreHMmSsOfAtMost24Hours() {
        ExportFolder.Result result = new ExportFolder(folder).text("t.csv", HEADER + """
                Anna Berg,,ERP Rollout,,Yes,2025-02-10,09:00:00,24:00:00
                Anna Berg,,ERP Rollout,,Yes,2025-02-10,09:00:00,24:00:01
                Anna Berg,,ERP Rollout,,Yes,2025-02-10,09:00:00,1:5:00
                Anna Berg,,ERP Rollout,,Yes,2025-02-10,09:00:00,1.5
                Anna Berg,,ERP Rollout,,Yes,2025-02-10,09:00:00,-0:30:00
                Anna Berg,,ERP Rollout,,Yes,2025-02-10,09:00:00,
                Anna Berg,,ERP Rollout,,Yes,2025-02-10,09:00:00,0:00:01
                """).read();

        assertThat(result.places()).containsExactly("time/t.csv:3:8: INVALID", "time/t.csv:4:8: DURATION_FORMAT",
                "time/t.csv:5:8: DURATION_FORMAT", "time/t.csv:6:8: NEGATIVE", "time/t.csv:7:8: REQUIRED");
        assertThat(result.rows()).extracting(row -> row.quantity().toPlainString())
                .containsExactly("24.000000", "0.000278");
    }

    @Test
    void startTimesAre24Hour() {
        ExportFolder.Result result = new ExportFolder(folder).text("t.csv", HEADER + """
                Anna Berg,,ERP Rollout,,Yes,2025-02-10,23:59:59,1:00:00
                Anna Berg,,ERP Rollout,,Yes,2025-02-10,24:00:00,1:00:00
                Anna Berg,,ERP Rollout,,Yes,2025-02-10,09:00:00 AM,1:00:00
                """).read();

        assertThat(result.places()).containsExactly("time/t.csv:3:7: INVALID", "time/t.csv:4:7: INVALID");
        assertThat(result.rows()).hasSize(1);
    }

    @Test
    void anUnknownPersonIsReportedAtTheUserColumnAndAnEmptyProjectIsRequired() {
        ExportFolder.Result result = new ExportFolder(folder).text("t.csv", HEADER + """
                Max Muster,max@fabrikam.example,ERP Rollout,,Yes,2025-02-10,09:00:00,1:00:00
                Anna Berg,,,,Yes,2025-02-10,09:00:00,1:00:00
                """).read();

        assertThat(result.problemLines()).containsExactly(
                "time/t.csv:2:1: UNKNOWN_RESOURCE: neither the e-mail \"max@fabrikam.example\" nor the name"
                        + " \"Max Muster\" is in resources.csv",
                "time/t.csv:3:3: REQUIRED: Project is required");
        assertThat(result.rows()).isEmpty();
    }
}
