package dev.tandem.operations.pricing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A unit price found in a price list.
 *
 * @param unitPrice per hour (roles) or per unit (categories, products), in {@code currency}, unrounded
 */
public record Price(UUID priceListId, String priceListName, String currency, BigDecimal unitPrice) {
}
