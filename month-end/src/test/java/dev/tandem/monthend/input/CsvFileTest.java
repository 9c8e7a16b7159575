package dev.tandem.monthend.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CsvFile}: records at the physical line where they start, fields by header name, broken CSV reported. */
class CsvFileTest {

    private final List<InputProblem> problems = new ArrayList<>();

    @Test
    void recordsKnowTheLineWhereTheyStart() {
        CsvFile csv = CsvFile.parse("x.csv", "a,b\r\n1,\"two\r\nlines\"\r\n\r\n3,4\r\n", Integer.MAX_VALUE, problems);

        assertThat(csv.rows()).extracting(row -> row.source().line()).containsExactly(2, 5);
        assertThat(csv.rows().getFirst().cell("B").text()).isEqualTo("two\r\nlines");
        assertThat(csv.rows().get(1).cell("a").column()).isEqualTo(1);
        assertThat(csv.rows().get(1).cell("b").column()).isEqualTo(2);
        assertThat(problems).isEmpty();
    }

    @Test
    void aShortRecordReadsEmptyFields() {
        CsvFile csv = CsvFile.parse("x.csv", "a,b,c\n1\n", Integer.MAX_VALUE, problems);

        Cell c = csv.rows().getFirst().cell("c");
        assertThat(c.text()).isNull();
        assertThat(c.column()).isEqualTo(3);
        assertThat(c.required()).isNull();
        assertThat(problems).extracting(InputProblem::toString).containsExactly("x.csv:2:3: REQUIRED: c is required");
    }

    @Test
    void anUnclosedQuoteIsReported() {
        CsvFile csv = CsvFile.parse("x.csv", "a,b\n1,2\n3,\"4\n5,6\n", Integer.MAX_VALUE, problems);

        assertThat(csv).isNull();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.rule()).isEqualTo("INVALID");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).startsWith("x.csv is not valid CSV after line 2: ");
        });
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertThat(CsvFile.parse("x.csv", "\n", Integer.MAX_VALUE, problems)).isNull();
        assertThat(problems).extracting(InputProblem::toString).containsExactly(
                "x.csv:1:1: INVALID: x.csv is empty; it needs a header row");
    }

    @Test
    void maxRowsStopsEarly() {
        CsvFile csv = CsvFile.parse("x.csv", "a\n1\n2\n3\n", 2, problems);

        assertThat(csv.rows()).extracting(row -> row.cell("a").text()).containsExactly("1", "2");
    }
}
