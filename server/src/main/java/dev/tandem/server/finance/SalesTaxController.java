package dev.tandem.server.finance;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import dev.tandem.finance.Finance;
import dev.tandem.finance.tax.SalesTax;
import dev.tandem.finance.tax.SalesTaxSetup;
import dev.tandem.finance.tax.SalesTaxSetup.TaxCodeInput;
import dev.tandem.finance.tax.SalesTaxSetup.TaxValue;
import dev.tandem.finance.tax.TaxRounding;
import dev.tandem.server.finance.FinanceViews.SalesTaxView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import dev.tandem.server.api.Locations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sales tax under {@code /api/finance/legal-entities/{dataAreaId}} (§3.8): sales tax codes with their dated rates and
 * rounding, sales tax groups, item sales tax groups, a project contract's group, and the tax of an amount. Setup
 * actions validate everything before writing and run in one transaction; refusals are {@code INVALID_INPUT},
 * {@code NOT_FOUND}, {@code DUPLICATE}, and {@code TAX_VALUE_NOT_FOUND} (422) for a code without a rate on the date.
 */
@RestController
@RequestMapping(FinanceApi.BASE + "/legal-entities/{dataAreaId}")
public class SalesTaxController {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final SalesTaxSetup setup;
    private final SalesTax salesTax;

    public SalesTaxController(Finance finance) {
        this.setup = finance.salesTaxSetup();
        this.salesTax = finance.salesTax();
    }

    /** A rate in percent from {@code validFrom} to {@code validTo} inclusive; no {@code validTo}: open-ended. */
    record TaxValueRequest(@NotNull LocalDate validFrom, LocalDate validTo, @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal ratePercent) {

        TaxValue value() {
            return new TaxValue(validFrom, validTo, ratePercent);
        }
    }

    /**
     * A sales tax code. {@code roundingMode} NEAREST (default), UP or DOWN; {@code roundingPrecision} 1 or 5 × 10^k
     * (default 0.01).
     */
    record TaxCodeRequest(@NotBlank String taxCode, @NotBlank String name, TaxRounding.Mode roundingMode,
                          @Positive @Digits(integer = 3, fraction = 6) BigDecimal roundingPrecision, @NotEmpty List<@Valid @NotNull TaxValueRequest> values) {
    }

    @PostMapping("/sales-tax-codes")
    ResponseEntity<Void> createTaxCode(@PathVariable String dataAreaId, @Valid @RequestBody TaxCodeRequest r) {
        TaxRounding rounding = new TaxRounding(r.roundingMode() == null ? TaxRounding.Mode.NEAREST : r.roundingMode(),
                r.roundingPrecision() == null ? CENT : r.roundingPrecision());
        setup.createTaxCode(new TaxCodeInput(dataAreaId, r.taxCode(), r.name(), rounding,
                r.values().stream().map(TaxValueRequest::value).toList()));
        return created(dataAreaId, "sales-tax-codes", r.taxCode());
    }

    /** Adds a rate interval to a code, e.g. a new rate from 1 January; it must not overlap the code's others. */
    @PostMapping("/sales-tax-codes/{taxCode}/values")
    ResponseEntity<Void> addTaxValue(@PathVariable String dataAreaId, @PathVariable String taxCode,
            @Valid @RequestBody TaxValueRequest r) {
        setup.addTaxValue(dataAreaId, taxCode, r.value());
        return ResponseEntity.noContent().build();
    }

    /** A group of existing tax codes, none twice. */
    record TaxGroupRequest(@NotBlank String taxGroup, @NotBlank String name, @NotEmpty List<@NotBlank String> taxCodes) {
    }

    @PostMapping("/sales-tax-groups")
    ResponseEntity<Void> createTaxGroup(@PathVariable String dataAreaId, @Valid @RequestBody TaxGroupRequest r) {
        setup.createTaxGroup(dataAreaId, r.taxGroup(), r.name(), r.taxCodes());
        return created(dataAreaId, "sales-tax-groups", r.taxGroup());
    }

    @PostMapping("/item-sales-tax-groups")
    ResponseEntity<Void> createItemTaxGroup(@PathVariable String dataAreaId, @Valid @RequestBody TaxGroupRequest r) {
        setup.createItemTaxGroup(dataAreaId, r.taxGroup(), r.name(), r.taxCodes());
        return created(dataAreaId, "item-sales-tax-groups", r.taxGroup());
    }

    /** The contract's sales tax group; {@code null} removes it. */
    record ContractTaxGroupRequest(String taxGroup) {
    }

    @PutMapping("/contracts/{contractId}/sales-tax-group")
    ResponseEntity<Void> contractTaxGroup(@PathVariable String dataAreaId, @PathVariable String contractId,
            @RequestBody ContractTaxGroupRequest r) {
        setup.setContractTaxGroup(dataAreaId, contractId, r.taxGroup());
        return ResponseEntity.noContent().build();
    }

    /**
     * The sales tax of {@code amount} (in {@code currency}, at its minor units) for the codes in both groups, at the
     * rates valid on {@code date}; no tax when either group is absent or blank.
     */
    @GetMapping("/sales-tax")
    SalesTaxView calculate(@PathVariable String dataAreaId, @RequestParam(required = false) String taxGroup,
            @RequestParam(required = false) String itemTaxGroup, @RequestParam BigDecimal amount,
            @RequestParam String currency, @RequestParam LocalDate date) {
        return SalesTaxView.of(taxGroup, itemTaxGroup, amount, currency, date,
                salesTax.calculate(dataAreaId, taxGroup, itemTaxGroup, amount, currency, date));
    }

    private static ResponseEntity<Void> created(String... segments) {
        return ResponseEntity.created(Locations.of(FinanceApi.BASE + "/legal-entities", segments)).build();
    }
}
