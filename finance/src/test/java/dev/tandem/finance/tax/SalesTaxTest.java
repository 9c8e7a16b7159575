package dev.tandem.finance.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.FinanceTestBase;
import dev.tandem.finance.tax.SalesTax.CodeAmount;
import dev.tandem.finance.tax.SalesTax.TaxResult;
import dev.tandem.finance.tax.SalesTaxSetup.TaxCodeInput;
import dev.tandem.finance.tax.SalesTaxSetup.TaxValue;
import dev.tandem.finance.tax.TaxRounding.Mode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sales tax (§3.8): the codes in both the sales tax group and the item sales tax group apply, each at its rate on the
 * date and rounded by its own rule; the default group follows the legal entity's sales tax group method.
 *
 * <p>Setup on top of {@link FinanceTestBase}: VAT (19 % in 2025, 20 % from 2026) and CITY (2.5 %), both rounded to
 * the nearest 0.01; sales tax group SALES-US (the customer's) = {VAT, CITY}, EXPORT = {VAT}; item sales tax groups
 * SERVICES = {VAT} and ALL = {VAT, CITY}.
 */
class SalesTaxTest extends FinanceTestBase {

    private static final LocalDate IN_2025 = LocalDate.of(2025, 12, 31);
    private static final LocalDate IN_2026 = LocalDate.of(2026, 1, 1);

    private SalesTax tax;

    @BeforeEach
    void taxSetup() {
        tax = finance.salesTax();
        SalesTaxSetup setup = finance.salesTaxSetup();
        setup.createTaxCode(new TaxCodeInput(LE, "VAT", "Value added tax", TaxRounding.nearestCent(), List.of(
                new TaxValue(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), new BigDecimal("19")),
                new TaxValue(LocalDate.of(2026, 1, 1), null, new BigDecimal("20")))));
        setup.createTaxCode(new TaxCodeInput(LE, "CITY", "City sales tax", TaxRounding.nearestCent(), List.of(
                new TaxValue(LocalDate.of(2025, 1, 1), null, new BigDecimal("2.5")))));
        setup.createTaxGroup(LE, "SALES-US", "Domestic sales", List.of("VAT", "CITY"));
        setup.createTaxGroup(LE, "EXPORT", "Export", List.of("VAT"));
        setup.createItemTaxGroup(LE, "SERVICES", "Services", List.of("VAT"));
        setup.createItemTaxGroup(LE, "ALL", "Everything", List.of("VAT", "CITY"));
    }

    private TaxResult usd(String taxGroup, String itemTaxGroup, String amount, LocalDate date) {
        return tax.calculate(LE, taxGroup, itemTaxGroup, new BigDecimal(amount), "USD", date);
    }

    private void method(SalesTaxGroupMethod method) {
        jdbc.update("UPDATE legal_entity SET salestaxgroupmethod = ? WHERE dataareaid = ?", method.name(), LE);
    }

    private static void refused(Runnable action, FinanceError code, String... inDetail) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.detail()).contains(inDetail);
        });
    }

    @Test
    void onlyTheCodesInBothGroupsApply() {
        TaxResult services = usd("SALES-US", "SERVICES", "100.00", IN_2026);

        assertThat(services.taxAmount()).isEqualTo(new BigDecimal("20.00"));
        assertThat(services.codes()).singleElement().satisfies(c -> {
            assertThat(c.taxCode()).isEqualTo("VAT");
            assertThat(c.rate()).isEqualByComparingTo("20");
            assertThat(c.baseAmount()).isEqualTo(new BigDecimal("100.00"));
            assertThat(c.taxAmount()).isEqualTo(new BigDecimal("20.00"));
        });

        TaxResult all = usd("SALES-US", "ALL", "100.00", IN_2026);
        assertThat(all.taxAmount()).isEqualTo(new BigDecimal("22.50"));
        assertThat(all.codes()).extracting(CodeAmount::taxCode).containsExactly("CITY", "VAT");

        // EXPORT has VAT only: the item group's CITY doesn't apply.
        assertThat(usd("EXPORT", "ALL", "100.00", IN_2026).codes()).extracting(CodeAmount::taxCode).containsExactly("VAT");
    }

    @Test
    void theRateValidOnTheDateApplies() {
        assertThat(usd("SALES-US", "SERVICES", "100.00", IN_2025).taxAmount()).isEqualTo(new BigDecimal("19.00"));
        assertThat(usd("SALES-US", "SERVICES", "100.00", IN_2026).taxAmount()).isEqualTo(new BigDecimal("20.00"));

        refused(() -> usd("SALES-US", "SERVICES", "100.00", LocalDate.of(2024, 12, 31)),
                FinanceError.TAX_VALUE_NOT_FOUND, "VAT", "2024-12-31");

        finance.salesTaxSetup().addTaxValue(LE, "VAT", new TaxValue(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                new BigDecimal("18.5")));
        assertThat(usd("SALES-US", "SERVICES", "100.00", LocalDate.of(2024, 12, 31)).taxAmount())
                .isEqualTo(new BigDecimal("18.50"));
    }

    @Test
    void eachCodeIsRoundedOnItsOwnAndTheTaxIsTheirSum() {
        // 0.05 × 19 % = 0.0095 → 0.01 and 0.05 × 2.5 % = 0.00125 → 0.00: the sum of the rounded codes, 0.01, not
        // a rounding of their unrounded sum.
        TaxResult small = usd("SALES-US", "ALL", "0.05", IN_2025);
        assertThat(small.codes()).extracting(CodeAmount::taxAmount)
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("0.01"));
        assertThat(small.taxAmount()).isEqualTo(new BigDecimal("0.01"));

        // 0.30 × 2.5 % = 0.0075 → 0.01 and 0.30 × 19 % = 0.057 → 0.06: 0.07, where the unrounded 0.0645 is 0.06.
        assertThat(usd("SALES-US", "ALL", "0.30", IN_2025).taxAmount()).isEqualTo(new BigDecimal("0.07"));
    }

    @ParameterizedTest(name = "{0} to {1}: {2} {3} × {4} % = {5}")
    @CsvSource({
        "NEAREST, 0.01,   10.01,  USD, 7.25, 0.73",
        "UP,      0.01,   10.01,  USD, 7.25, 0.73",
        "DOWN,    0.01,   10.01,  USD, 7.25, 0.72",
        "NEAREST, 0.05,   10.01,  USD, 7.25, 0.75",
        "DOWN,    0.05,   10.01,  USD, 7.25, 0.70",
        "NEAREST, 1,      10.01,  USD, 7.25, 1.00",
        "DOWN,    1,      10.01,  USD, 7.25, 0.00",
        "UP,      1,      10.01,  USD, 7.25, 1.00",
        "NEAREST, 0.01,   10.00,  USD, 0.25, 0.03",
        "NEAREST, 0.01,   -10.00, USD, 0.25, -0.03",
        "UP,      0.01,   -10.01, USD, 7.25, -0.73",
        "DOWN,    0.01,   -10.01, USD, 7.25, -0.72",
        "NEAREST, 0.001,  10.01,  USD, 7.25, 0.73",
        "UP,      0.001,  10.01,  USD, 7.2,  0.73",
        "NEAREST, 0.01,   1001,   JPY, 7.25, 73",
        "DOWN,    0.01,   1001,   JPY, 7.25, 72",
        "NEAREST, 0.005,  1.001,  KWD, 7.25, 0.075",
        "NEAREST, 0.01,   100.00, USD, 0,    0.00"})
    void aCodeRoundsItsTaxByItsOwnRule(Mode mode, BigDecimal precision, BigDecimal amount, String currency,
                                       BigDecimal rate, String expected) {
        SalesTaxSetup setup = finance.salesTaxSetup();
        setup.createTaxCode(new TaxCodeInput(LE, "R", "Rounding", new TaxRounding(mode, precision),
                List.of(new TaxValue(LocalDate.of(2025, 1, 1), null, rate))));
        setup.createTaxGroup(LE, "G", "Group", List.of("R"));
        setup.createItemTaxGroup(LE, "I", "Item group", List.of("R"));

        TaxResult result = tax.calculate(LE, "G", "I", amount, currency, IN_2026);

        // Exactly, scale included: the tax is at the currency's minor units.
        assertThat(result.taxAmount()).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void withoutBothGroupsThereIsNoTaxAndUnknownGroupsOrBadAmountsAreRefused() {
        assertThat(usd(null, "SERVICES", "100.00", IN_2026)).isEqualTo(TaxResult.none());
        assertThat(usd("SALES-US", null, "100.00", IN_2026)).isEqualTo(TaxResult.none());
        assertThat(usd(" ", "SERVICES", "100.00", IN_2026)).isEqualTo(TaxResult.none());

        refused(() -> usd("NOPE", "SERVICES", "100.00", IN_2026), FinanceError.NOT_FOUND, "Sales tax group NOPE");
        refused(() -> usd("SALES-US", "NOPE", "100.00", IN_2026), FinanceError.NOT_FOUND, "Item sales tax group NOPE");
        refused(() -> usd("SALES-US", "SERVICES", "100.001", IN_2026), FinanceError.INVALID_INPUT, "100.001", "USD");
        refused(() -> tax.calculate(LE, "SALES-US", "SERVICES", BigDecimal.TEN, "ABC", IN_2026),
                FinanceError.INVALID_INPUT, "ABC");
    }

    @Test
    void searchTakesTheProjectThenTheContractThenTheCustomer() {
        // The world's legal entity uses SEARCH; P-001 and its contract PC-001 have no group, customer C-001 SALES-US.
        assertThat(tax.defaultTaxGroup(LE, PROJECT, CONTRACT, CUSTOMER)).isEqualTo("SALES-US");
        assertThat(tax.defaultTaxGroup(LE, PROJECT, null, null)).isEqualTo("SALES-US"); // the project's customer

        finance.salesTaxSetup().setContractTaxGroup(LE, CONTRACT, "EXPORT");
        assertThat(tax.defaultTaxGroup(LE, PROJECT, null, null)).isEqualTo("EXPORT"); // the project's contract

        finance.setup().createProject(LE, "P-002", "Own group", "TM", CONTRACT, CUSTOMER, "PROJ");
        assertThat(tax.defaultTaxGroup(LE, "P-002", null, null)).isEqualTo("PROJ");

        finance.setup().createCustomer(LE, "C-002", "No group", "10", 30, "USD", null);
        finance.setup().createProject(LE, "P-003", "Nothing", "TM", "PC-003", "C-002", null);
        assertThat(tax.defaultTaxGroup(LE, "P-003", null, null)).isNull();
        assertThat(tax.defaultTaxGroup(LE, null, null, CUSTOMER)).isEqualTo("SALES-US");
    }

    @Test
    void projectMethodTakesOnlyTheProjectsGroup() {
        method(SalesTaxGroupMethod.PROJECT);
        finance.salesTaxSetup().setContractTaxGroup(LE, CONTRACT, "EXPORT");
        finance.setup().createProject(LE, "P-002", "Own group", "TM", CONTRACT, CUSTOMER, "PROJ");

        assertThat(tax.defaultTaxGroup(LE, PROJECT, CONTRACT, CUSTOMER)).isNull();
        assertThat(tax.defaultTaxGroup(LE, "P-002", null, "UNKNOWN")).isEqualTo("PROJ"); // no customer is read
        assertThat(tax.defaultTaxGroup(LE, null, CONTRACT, CUSTOMER)).isNull();
    }

    @Test
    void contractMethodTakesOnlyTheContractsGroup() {
        method(SalesTaxGroupMethod.CONTRACT);
        finance.setup().createProject(LE, "P-002", "Own group", "TM", CONTRACT, CUSTOMER, "PROJ");

        assertThat(tax.defaultTaxGroup(LE, "P-002", null, null)).isNull();

        finance.salesTaxSetup().setContractTaxGroup(LE, CONTRACT, "EXPORT");
        assertThat(tax.defaultTaxGroup(LE, "P-002", null, null)).isEqualTo("EXPORT");
        assertThat(tax.defaultTaxGroup(LE, "P-002", "PC-009", null)).isNull(); // the given contract wins

        finance.salesTaxSetup().setContractTaxGroup(LE, CONTRACT, null);
        assertThat(tax.defaultTaxGroup(LE, "P-002", null, null)).isNull();
    }

    @Test
    void customerMethodTakesOnlyTheCustomersGroup() {
        method(SalesTaxGroupMethod.CUSTOMER);
        finance.salesTaxSetup().setContractTaxGroup(LE, CONTRACT, "EXPORT");
        finance.setup().createProject(LE, "P-002", "Own group", "TM", CONTRACT, CUSTOMER, "PROJ");
        finance.setup().createCustomer(LE, "C-002", "No group", "10", 30, "USD", null);

        assertThat(tax.defaultTaxGroup(LE, "P-002", null, null)).isEqualTo("SALES-US");
        assertThat(tax.defaultTaxGroup(LE, "P-002", null, "C-002")).isNull();
        refused(() -> tax.defaultTaxGroup(LE, "P-002", null, "UNKNOWN"), FinanceError.CUSTOMER_NOT_FOUND, "UNKNOWN");
    }

    @Test
    void anUnknownProjectOrLegalEntityIsRefused() {
        refused(() -> tax.defaultTaxGroup(LE, "P-404", null, null), FinanceError.PROJECT_NOT_FOUND, "P-404");
        refused(() -> tax.defaultTaxGroup("XX", PROJECT, null, null), FinanceError.NOT_FOUND, "Legal entity XX");
    }

    static Stream<Arguments> refusals() {
        LocalDate jan = LocalDate.of(2027, 1, 1);
        TaxValue one = new TaxValue(jan, null, BigDecimal.ONE);
        return Stream.of(
                refusal("overlapping rates", "overlap", FinanceError.INVALID_INPUT,
                        code(LE, "NEW", TaxRounding.nearestCent(), one, new TaxValue(jan.plusYears(1), null, BigDecimal.TEN))),
                refusal("a rate above 100 %", "not 100.5 %", FinanceError.INVALID_INPUT,
                        code(LE, "NEW", TaxRounding.nearestCent(), new TaxValue(jan, null, new BigDecimal("100.5")))),
                refusal("a negative rate", "not -1 %", FinanceError.INVALID_INPUT,
                        code(LE, "NEW", TaxRounding.nearestCent(), new TaxValue(jan, null, new BigDecimal("-1")))),
                refusal("a rate with 5 decimals", "not 7.12345 %", FinanceError.INVALID_INPUT,
                        code(LE, "NEW", TaxRounding.nearestCent(), new TaxValue(jan, null, new BigDecimal("7.12345")))),
                refusal("an interval ending before it starts", "ends (2026-12-31) before it starts (2027-01-01)",
                        FinanceError.INVALID_INPUT,
                        code(LE, "NEW", TaxRounding.nearestCent(), new TaxValue(jan, jan.minusDays(1), BigDecimal.ONE))),
                refusal("a precision of 0.03", "not 0.03", FinanceError.INVALID_INPUT,
                        code(LE, "NEW", new TaxRounding(Mode.NEAREST, new BigDecimal("0.03")), one)),
                refusal("a precision of 0", "not 0", FinanceError.INVALID_INPUT,
                        code(LE, "NEW", new TaxRounding(Mode.UP, BigDecimal.ZERO), one)),
                refusal("a code without rates", "needs at least one rate", FinanceError.INVALID_INPUT,
                        code(LE, "NEW", TaxRounding.nearestCent())),
                refusal("a code that exists", "Sales tax code VAT already exists", FinanceError.DUPLICATE,
                        code(LE, "VAT", TaxRounding.nearestCent(), one)),
                refusal("an unknown legal entity", "Legal entity XX doesn't exist", FinanceError.NOT_FOUND,
                        code("XX", "NEW", TaxRounding.nearestCent(), one)),
                refusal("a rate overlapping an existing one",
                        "the one from 2026-01-01 (open-ended) and the one from 2027-01-01", FinanceError.INVALID_INPUT,
                        f -> f.salesTaxSetup().addTaxValue(LE, "VAT", one)),
                refusal("a rate of an unknown code", "Sales tax code NOPE doesn't exist", FinanceError.NOT_FOUND,
                        f -> f.salesTaxSetup().addTaxValue(LE, "NOPE", one)),
                refusal("a group with an unknown code", "Sales tax code NOPE doesn't exist", FinanceError.NOT_FOUND,
                        f -> f.salesTaxSetup().createTaxGroup(LE, "NEW", "New", List.of("VAT", "NOPE"))),
                refusal("a group naming a code twice", "names sales tax code VAT twice", FinanceError.INVALID_INPUT,
                        f -> f.salesTaxSetup().createTaxGroup(LE, "NEW", "New", List.of("VAT", "VAT"))),
                refusal("a group without codes", "needs at least one sales tax code", FinanceError.INVALID_INPUT,
                        f -> f.salesTaxSetup().createTaxGroup(LE, "NEW", "New", List.of())),
                refusal("a group that exists", "Sales tax group SALES-US already exists", FinanceError.DUPLICATE,
                        f -> f.salesTaxSetup().createTaxGroup(LE, "SALES-US", "Again", List.of("VAT"))),
                refusal("an item group with an unknown code", "Sales tax code NOPE doesn't exist", FinanceError.NOT_FOUND,
                        f -> f.salesTaxSetup().createItemTaxGroup(LE, "NEW", "New", List.of("CITY", "NOPE"))),
                refusal("an item group id of 21 characters", "Item sales tax group id has 1 to 20 characters",
                        FinanceError.INVALID_INPUT,
                        f -> f.salesTaxSetup().createItemTaxGroup(LE, "X".repeat(21), "New", List.of("CITY"))),
                refusal("a contract's unknown group", "Sales tax group NOPE doesn't exist", FinanceError.NOT_FOUND,
                        f -> f.salesTaxSetup().setContractTaxGroup(LE, CONTRACT, "NOPE")));
    }

    private static Consumer<Finance> code(String dataAreaId, String taxCode, TaxRounding rounding, TaxValue... values) {
        return f -> f.salesTaxSetup().createTaxCode(new TaxCodeInput(dataAreaId, taxCode, "New code", rounding,
                List.of(values)));
    }

    private static Arguments refusal(String what, String detail, FinanceError code, Consumer<Finance> action) {
        return Arguments.of(what, detail, code, action);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusedSetupActionLeavesNothingWritten(String what, String detail, FinanceError code,
                                                 Consumer<Finance> action) {
        List<Integer> before = taxRows();

        refused(() -> action.accept(finance), code, detail);

        assertThat(taxRows()).isEqualTo(before);
    }

    /** Row counts of every sales tax table. */
    private List<Integer> taxRows() {
        return Stream.of("taxtable", "taxdata", "taxgroupheading", "taxgroupdata", "taxitemgroupheading", "taxonitem",
                "projcontracttaxgroup").map(t -> jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Integer.class)).toList();
    }
}
