package dev.tandem.monthend.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value rules of docs/input-format.md: nothing is guessed. */
class CellTest {

    private final List<InputProblem> problems = new ArrayList<>();

    private Cell cell(String raw) {
        return Cell.of("f.csv", 3, 2, "price", raw, problems);
    }

    private List<String> rules() {
        return problems.stream().map(InputProblem::rule).toList();
    }

    @Test
    void decimalsArePlainWithADot() {
        assertThat(cell(" 12.50 ").decimal(true, 6, false)).isEqualTo(new BigDecimal("12.50"));
        assertThat(cell("-3").decimal(true, 6, true)).isEqualTo(new BigDecimal("-3"));
        for (String bad : List.of("1,234", "1,5", "1e3", ".5", "5.", "+1", "1 000", "NaN")) {
            assertThat(cell(bad).decimal(true, 6, false)).as(bad).isNull();
        }
        assertThat(rules()).containsOnly("NUMBER_FORMAT").hasSize(8);
    }

    @Test
    void decimalsAreLimited() {
        assertThat(cell("1.1234567").decimal(true, 6, false)).isNull();
        assertThat(cell("1.005").amount(true, "EUR")).isNull();
        assertThat(cell("100.5").amount(true, "JPY")).isNull();
        assertThat(cell("1.005").amount(true, "KWD")).isEqualByComparingTo("1.005");
        assertThat(problems).extracting(InputProblem::message).containsExactly(
                "\"1.1234567\" has 7 decimals; price allows at most 6", "\"1.005\" has 3 decimals; price allows at most 2",
                "\"100.5\" has 1 decimals; price allows at most 0");
    }

    @Test
    void negativeOnlyWhereAllowed() {
        assertThat(cell("-0.01").decimal(true, 6, false)).isNull();
        assertThat(problems).extracting(InputProblem::toString).containsExactly(
                "f.csv:3:2: NEGATIVE: price must not be below zero, not -0.01");
    }

    @Test
    void datesAreRealAndIso() {
        assertThat(cell("2024-02-29").date(true)).isEqualTo(LocalDate.of(2024, 2, 29));
        for (String bad : List.of("2025-02-29", "2025-2-1", "01/02/2025", "2025-13-01", "20250101")) {
            assertThat(cell(bad).date(true)).as(bad).isNull();
        }
        assertThat(rules()).containsOnly("DATE_FORMAT").hasSize(5);
    }

    @Test
    void currenciesAreIso4217() {
        assertThat(cell("JPY").currency(true)).isEqualTo("JPY");
        assertThat(cell("eur").currency(true)).isNull();
        assertThat(cell("XYZ").currency(true)).isNull();
        assertThat(rules()).containsExactly("CURRENCY", "CURRENCY");
    }

    @Test
    void emptyIsRequiredOrNull() {
        assertThat(cell("  ").decimal(false, 6, false)).isNull();
        assertThat(problems).isEmpty();
        assertThat(cell(null).date(true)).isNull();
        assertThat(problems).extracting(InputProblem::toString).containsExactly("f.csv:3:2: REQUIRED: price is required");
    }

    @Test
    void aReportedCellAddsNoFurtherProblem() {
        assertThat(Cell.reported("f.yaml", 1, 1, "x", problems).required()).isNull();
        assertThat(problems).isEmpty();
    }
}
