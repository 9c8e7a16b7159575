package dev.tandem.monthend.input.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tandem.monthend.input.RunInput.WorkRow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clockify "Detailed report" rows: the date order of each file, durations, 12-hour start times. */
class ClockifyRowsTest {

    private static final String HEADER = "Project,User,Email,Billable,Start Date,Start Time,Duration (decimal)\n";

    @TempDir
    Path folder;

    @Test
    void aDateWithAFirstPartOver12MakesTheFileDayFirst() {
        ExportFolder.Result result = new ExportFolder(folder).fixture("clockify-2025-02-eu.csv").read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(WorkRow::date).containsExactly(
                LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 14), LocalDate.of(2025, 2, 5));
    }

    @Test
    void aDateWithASecondPartOver12MakesTheFileMonthFirst() {
        ExportFolder.Result result = new ExportFolder(folder).fixture("clockify-2025-02-us.csv").read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(WorkRow::date)
                .containsExactly(LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 14));
    }

    @Test
    void theOrderIsDecidedPerFile() {
        ExportFolder.Result result = new ExportFolder(folder)
                .fixture("clockify-2025-02-eu.csv").fixture("clockify-2025-02-us.csv").read();

        assertThat(result.problems()).isEmpty();
        // 03/02/2025 in the day-first file and 02/03/2025 in the month-first one are the same day.
        assertThat(result.rows()).extracting(row -> row.source().file() + " " + row.date()).startsWith(
                "time/clockify-2025-02-eu.csv 2025-02-03", "time/clockify-2025-02-eu.csv 2025-02-14",
                "time/clockify-2025-02-eu.csv 2025-02-05", "time/clockify-2025-02-us.csv 2025-02-03");
    }

    @Test
    void inAFileThatDecidesNothingDatesThatReadTwoWaysAreAmbiguous() {
        ExportFolder.Result result = new ExportFolder(folder).text("c.csv", HEADER + """
                ERP Rollout,Anna Berg,,Yes,02/03/2025,09:00:00,1.00
                ERP Rollout,Anna Berg,,Yes,03/03/2025,09:00:00,1.00
                ERP Rollout,Anna Berg,,Yes,12/11/2025,09:00:00,1.00
                """).read();

        assertThat(result.places()).containsExactly("time/c.csv:2:5: AMBIGUOUS_DATE", "time/c.csv:4:5: AMBIGUOUS_DATE");
        assertThat(result.rows()).extracting(WorkRow::date).containsExactly(LocalDate.of(2025, 3, 3));
    }

    @Test
    void aDeclaredFormatDecidesEveryDate() {
        String undecided = HEADER + """
                ERP Rollout,Anna Berg,,Yes,02/03/2025,09:00:00,1.00
                """;

        assertThat(new ExportFolder(folder.resolve("a")).text("c.csv", undecided).read("DD/MM/YYYY").rows())
                .extracting(WorkRow::date).containsExactly(LocalDate.of(2025, 3, 2));
        assertThat(new ExportFolder(folder.resolve("b")).text("c.csv", undecided).read("MM/DD/YYYY").rows())
                .extracting(WorkRow::date).containsExactly(LocalDate.of(2025, 2, 3));
    }

    @Test
    void aDateNotValidInTheDeclaredFormatIsDateFormatEvenWhenTheFileSaysOtherwise() {
        ExportFolder.Result result = new ExportFolder(folder).fixture("clockify-2025-02-eu.csv").read("MM/DD/YYYY");

        assertThat(result.problemLines()).containsExactly("time/clockify-2025-02-eu.csv:3:10: DATE_FORMAT:"
                + " \"14/02/2025\" is not a date in the form MM/DD/YYYY (clockifyDateFormat of company.yaml)");
        assertThat(result.rows()).extracting(WorkRow::date)
                .containsExactly(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 5, 2));
    }

    @Test
    void aFileWithBothKindsOfDecidingDatesHasDateFormatOnThemAndStaysUndecided() {
        ExportFolder.Result result = new ExportFolder(folder).text("c.csv", HEADER + """
                ERP Rollout,Anna Berg,,Yes,14/02/2025,09:00:00,1.00
                ERP Rollout,Anna Berg,,Yes,02/14/2025,09:00:00,1.00
                ERP Rollout,Anna Berg,,Yes,02/03/2025,09:00:00,1.00
                ERP Rollout,Anna Berg,,Yes,03/03/2025,09:00:00,1.00
                """).read();

        assertThat(result.places()).containsExactly("time/c.csv:2:5: DATE_FORMAT", "time/c.csv:3:5: DATE_FORMAT",
                "time/c.csv:4:5: AMBIGUOUS_DATE");
        assertThat(result.rows()).extracting(WorkRow::date).containsExactly(LocalDate.of(2025, 3, 3));
    }

    @Test
    void aDateThatDoesNotExistInTheFilesOrderIsDateFormat() {
        ExportFolder.Result result = new ExportFolder(folder).text("c.csv", HEADER + """
                ERP Rollout,Anna Berg,,Yes,14/02/2025,09:00:00,1.00
                ERP Rollout,Anna Berg,,Yes,31/04/2025,09:00:00,1.00
                ERP Rollout,Anna Berg,,Yes,2025-02-14,09:00:00,1.00
                ERP Rollout,Anna Berg,,Yes,,09:00:00,1.00
                """).read();

        assertThat(result.problemLines()).containsExactly(
                "time/c.csv:3:5: DATE_FORMAT: \"31/04/2025\" is not a date in the form DD/MM/YYYY (the form of this"
                        + " file: a date has a first part over 12)",
                "time/c.csv:4:5: DATE_FORMAT: \"2025-02-14\" is not a date in the form DD/MM/YYYY",
                "time/c.csv:5:5: REQUIRED: Start Date is required");
    }

    @Test
    void durationHIsPreferredOverTheDecimalDuration() {
        ExportFolder.Result result = new ExportFolder(folder).fixture("clockify-2025-02-eu.csv").read();

        // The third row says 00:20:00 and 0.33: the exact duration wins.
        assertThat(result.rows()).extracting(row -> row.quantity().toPlainString())
                .containsExactly("1.500000", "2.000000", "0.333333");
    }

    @Test
    void withoutDurationHTheDecimalDurationIsTheQuantity() {
        ExportFolder.Result result = new ExportFolder(folder).text("c.csv", HEADER + """
                ERP Rollout,Anna Berg,,Yes,14/02/2025,09:00:00,1.50
                ERP Rollout,Anna Berg,,Yes,14/02/2025,09:00:00,"1,5"
                ERP Rollout,Anna Berg,,Yes,14/02/2025,09:00:00,
                """).read();

        assertThat(result.places()).containsExactly("time/c.csv:3:7: NUMBER_FORMAT", "time/c.csv:4:7: REQUIRED");
        assertThat(result.rows()).extracting(WorkRow::quantity).map(Object::toString).containsExactly("1.50");
    }

    @Test
    void startTimesAre24HourOr12HourWithAmPm() {
        ExportFolder.Result result = new ExportFolder(folder).text("c.csv", HEADER + """
                ERP Rollout,Anna Berg,,Yes,14/02/2025,13:15:00,1.00
                ERP Rollout,Anna Berg,,Yes,14/02/2025,01:15:00 PM,1.00
                ERP Rollout,Anna Berg,,Yes,14/02/2025,12:00:00 AM,1.00
                ERP Rollout,Anna Berg,,Yes,14/02/2025,13:15:00 PM,1.00
                ERP Rollout,Anna Berg,,Yes,14/02/2025,1:15 PM,1.00
                """).read();

        assertThat(result.places()).containsExactly("time/c.csv:5:6: INVALID", "time/c.csv:6:6: INVALID");
        // 13:15:00 and 01:15:00 PM are the same start: identical entries, so the second is occurrence #2.
        assertThat(result.rows()).extracting(row -> row.sourceKey().substring(row.sourceKey().indexOf('#')))
                .containsExactly("#1", "#2", "#1");
        assertThat(result.rows().get(0).sourceKey()).startsWith(result.rows().get(1).sourceKey().split("#")[0]);
        assertThat(result.rows().get(2).sourceKey()).doesNotStartWith(result.rows().get(0).sourceKey().split("#")[0]);
    }

    @Test
    void onlyTheTwoDateOrdersCanBeDeclared() {
        assertThatIllegalArgumentException().isThrownBy(() -> ClockifyDates.of("YYYY-MM-DD", List.of()))
                .withMessageContaining("MM/DD/YYYY or DD/MM/YYYY");
        assertThat(ClockifyDates.of("dd/mm/yyyy", List.of()).order()).isEqualTo(ClockifyDates.Order.DAY_FIRST);
    }
}
