package dev.tandem.monthend.input.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.monthend.input.RunInput.WorkKind;
import dev.tandem.monthend.input.RunInput.WorkRow;
import dev.tandem.monthend.input.Source;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Harvest "Detailed time" rows: each field, and every problem of a file with its exact place. */
class HarvestRowsTest {

    private static final String HEADER = "Date,Project,Project Code,Notes,Hours,Billable?,First Name,Last Name\n";

    /** The places and rules of the problems of harvest-2025-03.csv, in file order. */
    static final List<String> MARCH_PROBLEMS = List.of(
            "time/harvest-2025-03.csv:5:1: DATE_FORMAT",
            "time/harvest-2025-03.csv:6:7: NUMBER_FORMAT",
            "time/harvest-2025-03.csv:7:9: YES_NO",
            "time/harvest-2025-03.csv:8:3: UNKNOWN_PROJECT",
            "time/harvest-2025-03.csv:9:4: UNKNOWN_PROJECT",
            "time/harvest-2025-03.csv:10:12: UNKNOWN_RESOURCE",
            "time/harvest-2025-03.csv:11:1: REQUIRED",
            "time/harvest-2025-03.csv:11:7: NEGATIVE");

    @TempDir
    Path folder;

    @Test
    void readsEachFieldOfARow() {
        ExportFolder.Result result = new ExportFolder(folder).fixture("harvest-2025-02.csv").read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).hasSize(4);
        WorkRow first = result.rows().getFirst();
        assertThat(first.source()).isEqualTo(new Source("time/harvest-2025-02.csv", 2));
        assertThat(first.format()).isEqualTo("harvest");
        assertThat(first.kind()).isEqualTo(WorkKind.TIME);
        assertThat(first.date()).isEqualTo(LocalDate.of(2025, 2, 3));
        assertThat(first.project()).isEqualTo("P-100");
        assertThat(first.resource()).isEqualTo("Anna Berg");
        assertThat(first.quantity()).isEqualByComparingTo("3.5");
        assertThat(first.description()).isEqualTo("Requirements workshop, day 1");
        assertThat(first.billable()).isTrue();
        assertThat(first.category()).isNull();
        assertThat(first.unitPrice()).isNull();
        assertThat(first.currency()).isNull();
    }

    @Test
    void projectByNameWhenProjectCodeIsEmptyAndQuantityFromHoursNotHoursRounded() {
        WorkRow second = new ExportFolder(folder).fixture("harvest-2025-02.csv").read().rows().get(1);

        assertThat(second.project()).isEqualTo("P-200");
        assertThat(second.resource()).isEqualTo("Tom Weber");
        assertThat(second.quantity()).isEqualByComparingTo("1.25");
        assertThat(second.description()).isEqualTo("Mapping of the\ncustomer master;\nreviewed with \"Tom\"");
    }

    @Test
    void quotedMultiLineNotesKeepTheLinesOfLaterRows() {
        ExportFolder.Result result = new ExportFolder(folder).fixture("harvest-2025-02.csv").read();

        assertThat(result.rows()).extracting(row -> row.source().line()).containsExactly(2, 3, 6, 7);
        assertThat(result.rows()).extracting(WorkRow::billable).containsExactly(true, true, false, false);
    }

    @Test
    void everyProblemOfAFileAtItsRowsStartLineAndColumn() {
        ExportFolder.Result result = new ExportFolder(folder).fixture("harvest-2025-03.csv").read();

        assertThat(result.places()).containsExactlyElementsOf(MARCH_PROBLEMS);
        assertThat(result.rows()).extracting(row -> row.source().line()).containsExactly(2, 3, 12);
    }

    @Test
    void problemsSayWhatIsWrongWithTheValue() {
        ExportFolder.Result result = new ExportFolder(folder).fixture("harvest-2025-03.csv").read();

        assertThat(result.problemLines()).contains(
                "time/harvest-2025-03.csv:5:1: DATE_FORMAT: \"2025-02-30\" is not a date in the form YYYY-MM-DD",
                "time/harvest-2025-03.csv:8:3: UNKNOWN_PROJECT: \"Website Relaunch\" is neither a project number"
                        + " nor a project name of projects.csv",
                "time/harvest-2025-03.csv:10:12: UNKNOWN_RESOURCE: \"Max Mustermann\" is not a name of"
                        + " resources.csv",
                "time/harvest-2025-03.csv:11:1: REQUIRED: Date is required");
        assertThat(result.problems()).filteredOn(p -> p.rule().equals("NUMBER_FORMAT"))
                .singleElement().satisfies(p -> assertThat(p.value()).isEqualTo("1,5"));
    }

    @Test
    void hoursAreDecimalWithAPointAndAtMostSixDecimals() {
        ExportFolder.Result result = new ExportFolder(folder).text("h.csv", HEADER + """
                2025-02-03,ERP Rollout,,,0.25,Yes,Anna,Berg
                2025-02-03,ERP Rollout,,,"1,234.5",Yes,Anna,Berg
                2025-02-03,ERP Rollout,,,0.1234567,Yes,Anna,Berg
                2025-02-03,ERP Rollout,,,.5,Yes,Anna,Berg
                2025-02-03,ERP Rollout,,,1h,Yes,Anna,Berg
                2025-02-03,ERP Rollout,,,0.123456,Yes,Anna,Berg
                """).read();

        assertThat(result.places()).containsExactly("time/h.csv:3:5: NUMBER_FORMAT", "time/h.csv:4:5: NUMBER_FORMAT",
                "time/h.csv:5:5: NUMBER_FORMAT", "time/h.csv:6:5: NUMBER_FORMAT");
        assertThat(result.rows()).extracting(WorkRow::quantity).map(Object::toString)
                .containsExactly("0.25", "0.123456");
    }

    @Test
    void billableIsYesOrNo() {
        ExportFolder.Result result = new ExportFolder(folder).text("h.csv", HEADER + """
                2025-02-03,ERP Rollout,,,1,Yes,Anna,Berg
                2025-02-03,ERP Rollout,,,1,No,Anna,Berg
                2025-02-03,ERP Rollout,,,1,NO,Anna,Berg
                2025-02-03,ERP Rollout,,,1,true,Anna,Berg
                2025-02-03,ERP Rollout,,,1,,Anna,Berg
                """).read();

        assertThat(result.places()).containsExactly("time/h.csv:5:6: YES_NO", "time/h.csv:6:6: REQUIRED");
        assertThat(result.rows()).extracting(WorkRow::billable).containsExactly(true, false, false);
    }

    @Test
    void theNameIsFirstAndLastNameAndAnEmptyDescriptionIsNone() {
        ExportFolder.Result result = new ExportFolder(folder).text("h.csv", HEADER + """
                2025-02-03,ERP Rollout,,,1,Yes, lena , KRAUS
                2025-02-03,ERP Rollout,,,1,Yes,,Kraus
                """).read();

        assertThat(result.places()).containsExactly("time/h.csv:3:7: REQUIRED");
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.resource()).isEqualTo("Lena Kraus");
            assertThat(row.description()).isNull();
        });
    }
}
