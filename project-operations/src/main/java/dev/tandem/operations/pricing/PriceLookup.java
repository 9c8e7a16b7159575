package dev.tandem.operations.pricing;

import static dev.tandem.operations.OperationsError.PRICE_LIST_NOT_FOUND;
import static dev.tandem.operations.OperationsError.PRICE_NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the price of a role, category or product on a date, deterministically.
 *
 * <p>Rule: among the price lists attached to the owner (a contract's sales price lists, an organizational unit's
 * cost price lists) that are effective on the date, the one that started latest wins, ties broken by name. The price
 * is then looked up in that list. When no list is effective the error names the owner and the date; when the list
 * has no price for the item the error names the item, the price list and the date.
 *
 * <p>An instance caches results and is meant for one action (e.g. one bulk approval), not for a long life.
 */
public final class PriceLookup {

    private final OperationsContext ctx;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    public PriceLookup(OperationsContext ctx) {
        this.ctx = ctx;
    }

    private record PriceList(UUID id, String name, String currency, LocalDate validFrom, LocalDate validTo) {
    }

    /**
     * Sales price from the contract's price lists (its default list and any added ones).
     *
     * @throws TandemException PRICE_LIST_NOT_FOUND or PRICE_NOT_FOUND
     */
    public Price salesPrice(UUID contractId, String contractNumber, PricedItem item, LocalDate date) {
        List<PriceList> lists = lists("sales|" + contractId, """
                SELECT p.pricelevelid, p.name, p.transactioncurrency, p.begindate, p.enddate FROM pricelevel p
                WHERE p.msdyn_context = ?
                  AND (p.pricelevelid = (SELECT s.pricelevelid FROM salesorder s WHERE s.salesorderid = ?)
                       OR p.pricelevelid IN (SELECT l.pricelevelid FROM msdyn_projectpricelist l WHERE l.salesorderid = ?))""",
                PriceListContext.SALES.value(), contractId, contractId);
        return price(effective(lists, "sales", "contract " + contractNumber, date), item, date);
    }

    /**
     * Cost price from the organizational unit's cost price lists.
     *
     * @throws TandemException PRICE_LIST_NOT_FOUND or PRICE_NOT_FOUND
     */
    public Price costPrice(UUID organizationalUnitId, String unitName, PricedItem item, LocalDate date) {
        List<PriceList> lists = lists("cost|" + organizationalUnitId, """
                SELECT p.pricelevelid, p.name, p.transactioncurrency, p.begindate, p.enddate FROM pricelevel p
                JOIN tdm_orgunitpricelist o ON o.pricelevelid = p.pricelevelid
                WHERE p.msdyn_context = ? AND o.msdyn_organizationalunitid = ?""", PriceListContext.COST.value(),
                organizationalUnitId);
        return price(effective(lists, "cost", "organizational unit '" + unitName + "'", date), item, date);
    }

    /** All price lists of one owner, read once per lookup instance (dates are then resolved in memory). */
    @SuppressWarnings("unchecked")
    private List<PriceList> lists(String key, String sql, Object... args) {
        return (List<PriceList>) cache.computeIfAbsent("lists|" + key, k -> ctx.jdbc().query(sql, (rs, n) ->
                new PriceList(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3).trim(),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)), args));
    }

    /** The list effective on {@code date} that started latest; ties broken by name. */
    private static PriceList effective(List<PriceList> lists, String context, String ownerName, LocalDate date) {
        return lists.stream()
                .filter(l -> !l.validFrom().isAfter(date) && (l.validTo() == null || !l.validTo().isBefore(date)))
                .min(Comparator.comparing(PriceList::validFrom).reversed().thenComparing(PriceList::name))
                .orElseThrow(() -> new TandemException(PRICE_LIST_NOT_FOUND, "No " + context + " price list of "
                        + ownerName + " is effective on " + date, Map.of("date", date.toString(), "owner", ownerName)));
    }

    private Price price(PriceList list, PricedItem item, LocalDate date) {
        Object cached = cache.computeIfAbsent("price|" + list.id() + "|" + item.id(), k -> {
            String sql = switch (item) {
                case PricedItem.Role r -> "SELECT msdyn_price FROM msdyn_resourcecategorypricelevel "
                        + "WHERE msdyn_pricelist = ? AND msdyn_resourcecategory = ?";
                case PricedItem.Category c -> "SELECT msdyn_price FROM msdyn_transactioncategorypricelevel "
                        + "WHERE msdyn_pricelist = ? AND msdyn_transactioncategory = ?";
                case PricedItem.Product p -> "SELECT amount FROM productpricelevel WHERE pricelevelid = ? AND productid = ?";
            };
            List<BigDecimal> prices = ctx.jdbc().queryForList(sql, BigDecimal.class, list.id(), item.id());
            return prices.isEmpty() ? Missing.INSTANCE : prices.get(0);
        });
        if (!(cached instanceof BigDecimal unitPrice)) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("item", item.describe());
            props.put("priceList", list.name());
            props.put("date", date.toString());
            throw new TandemException(PRICE_NOT_FOUND, "No price for " + item.describe() + " in price list '"
                    + list.name() + "' on " + date, props);
        }
        return new Price(list.id(), list.name(), list.currency(), unitPrice);
    }

    /** Cached marker for "this list has no price for this item", so misses are not re-queried. */
    private enum Missing { INSTANCE }
}
