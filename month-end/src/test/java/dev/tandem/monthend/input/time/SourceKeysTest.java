package dev.tandem.monthend.input.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.monthend.input.RunInput.WorkRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source keys: the identity of a tracker row across re-exports, renames and status changes. */
class SourceKeysTest {

    @TempDir
    Path folder;

    @Test
    void aKeyIsTheFormatTheSha256OfTheFieldsAndTheOccurrence() {
        List<String> keys = keys(new ExportFolder(folder).fixture("harvest-2025-02.csv"));

        assertThat(keys).allSatisfy(key -> assertThat(key).matches("harvest:[0-9a-f]{64}#[0-9]+").hasSizeLessThan(100));
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void theKeyStaysWhenInvoicedAndApprovedChange() {
        List<String> before = keys(new ExportFolder(folder.resolve("a")).fixture("harvest-2025-02.csv"));
        List<String> after = keys(new ExportFolder(folder.resolve("b")).fixture("harvest-2025-02-invoiced.csv"));

        assertThat(ExportFolder.fixtureText("harvest-2025-02-invoiced.csv"))
                .isNotEqualTo(ExportFolder.fixtureText("harvest-2025-02.csv"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theKeyStaysWhenTheFileIsRenamed() {
        List<String> original = keys(new ExportFolder(folder.resolve("a")).fixture("harvest-2025-02.csv"));
        List<String> renamed = keys(new ExportFolder(folder.resolve("b"))
                .fixture("harvest-2025-02.csv", "Harvest time report (1).csv"));

        assertThat(renamed).isEqualTo(original);
    }

    @Test
    void differentHoursGiveADifferentKeyAndTrailingZerosDoNot() {
        String text = ExportFolder.fixtureText("harvest-2025-02.csv");
        List<String> original = keys(new ExportFolder(folder.resolve("a")).text("h.csv", text));
        List<String> moreHours = keys(new ExportFolder(folder.resolve("b"))
                .text("h.csv", text.replace("day 1\",3.5,", "day 1\",3.75,")));
        List<String> zeros = keys(new ExportFolder(folder.resolve("c"))
                .text("h.csv", text.replace("day 1\",3.5,", "day 1\",3.50,")));

        assertThat(moreHours.getFirst()).isNotEqualTo(original.getFirst());
        assertThat(moreHours.subList(1, 4)).isEqualTo(original.subList(1, 4));
        assertThat(zeros).isEqualTo(original);
    }

    @Test
    void anIdenticalSecondRowOfTheFileIsOccurrenceTwo() {
        List<String> keys = keys(new ExportFolder(folder).fixture("harvest-2025-02.csv"));

        // Lines 6 and 7 are the same train ride booked twice: one hash, occurrences 1 and 2.
        assertThat(keys.get(2)).endsWith("#1");
        assertThat(keys.get(3)).isEqualTo(keys.get(2).replace("#1", "#2"));
    }

    @Test
    void occurrencesCountPerFile() {
        List<String> keys = keys(new ExportFolder(folder)
                .fixture("harvest-2025-02.csv", "a.csv").fixture("harvest-2025-02.csv", "b.csv"));

        assertThat(keys.subList(4, 8)).isEqualTo(keys.subList(0, 4));
    }

    @Test
    void theStartTimeIsPartOfTheKeyWhereTheFormatHasOne() {
        String header = "User,Email,Project,Billable,Start date,Start time,Duration\n";
        List<String> keys = keys(new ExportFolder(folder).text("t.csv", header + """
                Anna Berg,anna.berg@northwind.example,ERP Rollout,Yes,2025-02-10,09:00:00,1:00:00
                Anna Berg,anna.berg@northwind.example,ERP Rollout,Yes,2025-02-10,14:00:00,1:00:00
                """));

        assertThat(keys).allSatisfy(key -> assertThat(key).startsWith("toggl:").endsWith("#1"));
        assertThat(keys.get(0)).isNotEqualTo(keys.get(1));
    }

    private static List<String> keys(ExportFolder exports) {
        ExportFolder.Result result = exports.read();
        assertThat(result.problems()).isEmpty();
        return result.rows().stream().map(WorkRow::sourceKey).toList();
    }
}
