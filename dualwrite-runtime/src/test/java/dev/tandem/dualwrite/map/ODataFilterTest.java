package dev.tandem.dualwrite.map;

import static dev.tandem.dualwrite.map.MapFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ODataFilterTest {

    private static boolean test(String filter, Map<String, Object> row) {
        return ODataFilter.parse(filter).test(row);
    }

    @Test
    void textComparisons() {
        Map<String, Object> row = row("name", "O'Brien", "code", "B");
        assertThat(test("name eq 'O''Brien'", row)).isTrue();
        assertThat(test("name ne 'O''Brien'", row)).isFalse();
        assertThat(test("code gt 'A'", row)).isTrue();
        assertThat(test("code lt 'A'", row)).isFalse();
        assertThat(test("code ge 'B' and code le 'B'", row)).isTrue();
        assertThat(test("name eq 'o''brien'", row)).isFalse(); // case-sensitive
        assertThat(test("'B' eq code", row)).isTrue();
    }

    @Test
    void nullSemantics() {
        Map<String, Object> row = row("voucher", null, "amount", 5);
        assertThat(test("voucher eq null", row)).isTrue();
        assertThat(test("voucher ne null", row)).isFalse();
        assertThat(test("amount ne null", row)).isTrue();
        assertThat(test("amount eq null", row)).isFalse();
        assertThat(test("voucher gt 'A'", row)).isFalse();
        assertThat(test("voucher lt 'A'", row)).isFalse();
        assertThat(test("voucher le null", row)).isFalse();
        assertThat(test("missing eq null", row)).isTrue(); // a field the row lacks reads as null
    }

    @Test
    void numbersCompareAsDecimals() {
        assertThat(test("amount eq 1.5", row("amount", new BigDecimal("1.500000")))).isTrue();
        assertThat(test("amount gt 1000", row("amount", 1001L))).isTrue();
        assertThat(test("amount gt 1000", row("amount", 999))).isFalse();
        assertThat(test("amount gt 9", row("amount", "10"))).isTrue(); // digits in a string compare as numbers
        assertThat(test("amount ge -2.5", row("amount", -2))).isTrue();
        assertThat(test("type eq '3'", row("type", 3))).isTrue(); // option value against its text
        assertThat(test("amount eq 1", row("amount", "one"))).isFalse();
        assertThat(test("amount ne 1", row("amount", "one"))).isTrue();
        assertThat(test("amount lt 1", row("amount", "one"))).isFalse();
        assertThat(test("numberofemployees gt 1000 and numberofemployees le 2000",
                row("numberofemployees", 2000))).isTrue();
    }

    @Test
    void booleansIdsAndDates() {
        UUID id = UUID.fromString("6f1c7b52-8d5e-4d57-9a55-0c9d8b0e1a11");
        Map<String, Object> row = row("skip", false, "id", id, "date", LocalDate.of(2021, 6, 23));
        assertThat(test("skip eq false", row)).isTrue();
        assertThat(test("skip eq true", row)).isFalse();
        assertThat(test("skip eq 'false'", row)).isTrue();
        assertThat(test("skip eq 0", row)).isFalse();
        assertThat(test("id eq '6f1c7b52-8d5e-4d57-9a55-0c9d8b0e1a11'", row)).isTrue();
        assertThat(test("date le '2021-06-23'", row)).isTrue();
        assertThat(test("date lt '2021-06-23'", row)).isFalse();
        assertThat(test("date gt '2021-06-01'", row)).isTrue();
    }

    @Test
    void andOrNotAndParentheses() {
        Map<String, Object> row = row("a", 1, "b", 2, "c", 3);
        // and binds tighter than or
        assertThat(test("a eq 1 or b eq 0 and c eq 0", row)).isTrue();
        assertThat(test("(a eq 1 or b eq 0) and c eq 0", row)).isFalse();
        assertThat(test("not a eq 1", row)).isFalse();
        assertThat(test("not (a eq 2) and not (b eq 3)", row)).isTrue();
        assertThat(test("not not a eq 1", row)).isTrue();
        assertThat(test("((a eq 1))", row)).isTrue();
        assertThat(test("a eq 2 or b eq 3 or c eq 3", row)).isTrue();
    }

    @Test
    void fieldsAndText() {
        ODataFilter filter = ODataFilter.parse("tdm_skipsync eq false and (amount gt 0 or tdm_skipsync eq null)");
        assertThat(filter.fields()).containsExactly("tdm_skipsync", "amount");
        assertThat(filter.text()).isEqualTo("tdm_skipsync eq false and (amount gt 0 or tdm_skipsync eq null)");
        // a lookup path parses as one name, so the loader can refuse it as a field the entity does not have
        assertThat(ODataFilter.parse("msdyn_project.msdyn_projectnumber eq 'P'").fields())
                .containsExactly("msdyn_project.msdyn_projectnumber");
    }

    @Test
    void syntaxErrorsNameThePosition() {
        assertThatThrownBy(() -> ODataFilter.parse("amount gt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a field or a literal at position 10, found the end: amount gt");
        assertThatThrownBy(() -> ODataFilter.parse("amount Eq 1"))
                .hasMessage("expected one of eq, ne, gt, ge, lt, le at position 8, found 'Eq': amount Eq 1");
        assertThatThrownBy(() -> ODataFilter.parse("(a eq 1"))
                .hasMessage("expected ')' at position 8, found the end: (a eq 1");
        assertThatThrownBy(() -> ODataFilter.parse("a eq 1 b eq 2"))
                .hasMessage("expected 'and', 'or' or the end at position 8, found 'b': a eq 1 b eq 2");
        assertThatThrownBy(() -> ODataFilter.parse("a eq 'x"))
                .hasMessage("unterminated text literal starting at position 6: a eq 'x");
        assertThatThrownBy(() -> ODataFilter.parse("a eq \"x\""))
                .hasMessageStartingWith("unexpected character '\"' at position 6");
        assertThatThrownBy(() -> ODataFilter.parse("a eq 12ab")).hasMessageStartingWith("bad number at position 6");
        assertThatThrownBy(() -> ODataFilter.parse("and eq 1")).hasMessageStartingWith("expected a field or a literal");
        assertThatThrownBy(() -> ODataFilter.parse("startswith(name, 'A')"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ODataFilter.parse(" ")).hasMessage("empty filter");
    }
}
