package dev.tandem.server.operations;

import dev.tandem.server.api.CurrencyCode;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.pricing.PriceListContext;
import dev.tandem.operations.pricing.PriceLists;
import dev.tandem.operations.pricing.PriceLists.PriceList;
import dev.tandem.operations.pricing.PriceLists.PriceListInput;
import dev.tandem.server.api.Created;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cost and sales price lists (§3.5): create one, set the price of a role (per hour), a transaction category or a
 * product (per unit) in it, and attach cost price lists to an organizational unit. Prices are in the price list's
 * currency, stored unrounded at up to 6 decimals; a negative price is refused with 400 {@code INVALID_INPUT}.
 */
@RestController
@RequestMapping(OperationsApi.BASE)
public class PriceListController {

    private final PriceLists priceLists;

    public PriceListController(ProjectOperations operations) {
        this.priceLists = operations.priceLists();
    }

    /**
     * A price list effective from {@code validFrom} to {@code validTo} (inclusive; {@code null} = open-ended).
     * {@code context} is {@code COST} or {@code SALES}; {@code currency} an ISO 4217 code.
     */
    record PriceListRequest(@NotBlank @Size(max = 100) String name, @NotNull PriceListContext context,
                            @NotBlank @CurrencyCode String currency, @NotNull LocalDate validFrom, LocalDate validTo) {
    }

    /** A unit price in the price list's currency: per hour for roles, per unit otherwise. */
    record PriceRequest(@NotNull @Digits(integer = 13, fraction = 6) BigDecimal price) {
    }

    /** The cost price list to attach. */
    record PriceListReference(@NotNull UUID priceListId) {
    }

    /** A price list's header; {@code context} is an {@link Option} (Cost 192350000, Sales 192350001). */
    record PriceListView(UUID id, String name, Option context, String currency, LocalDate validFrom,
                         LocalDate validTo) {

        static PriceListView of(PriceList row) {
            return new PriceListView(row.id(), row.name(), Option.of(row.context()), row.currency(), row.validFrom(),
                    row.validTo());
        }
    }

    @PostMapping("/price-lists")
    ResponseEntity<Created> create(@Valid @RequestBody PriceListRequest body) {
        UUID id = priceLists.create(new PriceListInput(body.name(), body.context(), body.currency(), body.validFrom(),
                body.validTo()));
        return Created.at(OperationsApi.BASE + "/price-lists/{id}", id);
    }

    @GetMapping("/price-lists/{priceListId}")
    PriceListView priceList(@PathVariable UUID priceListId) {
        return PriceListView.of(priceLists.priceList(priceListId));
    }

    @PutMapping("/price-lists/{priceListId}/role-prices/{roleId}")
    ResponseEntity<Void> setRolePrice(@PathVariable UUID priceListId, @PathVariable UUID roleId,
            @Valid @RequestBody PriceRequest body) {
        priceLists.setRolePrice(priceListId, roleId, body.price());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/price-lists/{priceListId}/category-prices/{categoryId}")
    ResponseEntity<Void> setCategoryPrice(@PathVariable UUID priceListId, @PathVariable UUID categoryId,
            @Valid @RequestBody PriceRequest body) {
        priceLists.setCategoryPrice(priceListId, categoryId, body.price());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/price-lists/{priceListId}/product-prices/{productId}")
    ResponseEntity<Void> setProductPrice(@PathVariable UUID priceListId, @PathVariable UUID productId,
            @Valid @RequestBody PriceRequest body) {
        priceLists.setProductPrice(priceListId, productId, body.price());
        return ResponseEntity.noContent().build();
    }

    /** Makes a cost price list apply to the unit's projects; attaching it again changes nothing. */
    @PostMapping("/organizational-units/{unitId}/cost-price-lists")
    ResponseEntity<Void> attachCostPriceList(@PathVariable UUID unitId, @Valid @RequestBody PriceListReference body) {
        priceLists.attachCostPriceList(unitId, body.priceListId());
        return ResponseEntity.noContent().build();
    }
}
