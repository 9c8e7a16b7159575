package dev.tandem.operations.pricing;

import static dev.tandem.operations.OperationsError.DUPLICATE;
import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.NOT_FOUND;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OptionValue;
import dev.tandem.operations.masterdata.MasterData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Cost and sales price lists (§3.5): each has a currency and an effective period, and holds role prices per hour,
 * category prices for expenses and product prices for materials. Prices are amounts in the price list's currency,
 * stored at scale 6 and never rounded here (rounding happens once, on the actual's amount).
 */
public final class PriceLists {

    private final OperationsContext ctx;

    public PriceLists(OperationsContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param validTo last effective day, inclusive; {@code null} for open-ended
     */
    public record PriceListInput(String name, PriceListContext context, String currency, LocalDate validFrom,
                                 LocalDate validTo) {
    }

    /**
     * A price list's header.
     *
     * @param currency the ISO 4217 code its prices are in
     * @param validTo  last effective day, inclusive; {@code null} for open-ended
     */
    public record PriceList(UUID id, String name, PriceListContext context, String currency, LocalDate validFrom,
                            LocalDate validTo) {
    }

    /** Creates a price list; refuses a blank name, an unknown currency or a period that ends before it starts. */
    public UUID create(PriceListInput in) {
        if (in.name() == null || in.name().isBlank() || in.context() == null || in.validFrom() == null) {
            throw new TandemException(INVALID_INPUT, "A price list needs a name, a context (cost or sales) and a start date");
        }
        MasterData.currency(in.currency());
        if (in.validTo() != null && in.validTo().isBefore(in.validFrom())) {
            throw new TandemException(INVALID_INPUT, "Price list '" + in.name() + "' ends " + in.validTo()
                    + " before it starts " + in.validFrom());
        }
        return ctx.inTransaction(() -> {
            Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM pricelevel WHERE name = ?", Integer.class, in.name());
            if (n != null && n > 0) {
                throw new TandemException(DUPLICATE, "A price list '" + in.name() + "' already exists");
            }
            UUID id = Ids.newId();
            Map<String, Object> a = ctx.created();
            ctx.jdbc().update("INSERT INTO pricelevel (pricelevelid, name, msdyn_context, transactioncurrency, begindate, "
                            + "enddate, createdon, createdby, modifiedon, modifiedby) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, in.name(), in.context().value(), in.currency(), in.validFrom(), in.validTo(),
                    a.get("createdon"), a.get("createdby"), a.get("modifiedon"), a.get("modifiedby"));
            return id;
        });
    }

    /** @throws TandemException NOT_FOUND for an unknown price list */
    public PriceList priceList(UUID id) {
        return ctx.jdbc().query("SELECT pricelevelid, name, msdyn_context, transactioncurrency, begindate, enddate "
                        + "FROM pricelevel WHERE pricelevelid = ?", (rs, n) -> new PriceList(rs.getObject(1, UUID.class),
                        rs.getString(2), OptionValue.of(PriceListContext.class, rs.getInt(3)), rs.getString(4).trim(),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)), id)
                .stream().findFirst().orElseThrow(() -> new TandemException(NOT_FOUND, "Unknown price list " + id,
                        Map.of("entity", "price list", "id", id.toString())));
    }

    /** Sets the hourly price of a role in a price list (replacing an earlier one). */
    public void setRolePrice(UUID priceListId, UUID roleId, BigDecimal pricePerHour) {
        setPrice(priceListId, "msdyn_resourcecategorypricelevel", "msdyn_resourcecategorypricelevelid",
                "msdyn_pricelist", "msdyn_resourcecategory", "msdyn_price", ", msdyn_unit", ", 'hour'",
                roleId, "bookableresourcecategory", "bookableresourcecategoryid", "role", pricePerHour);
    }

    /** Sets the unit price of a transaction category (expenses) in a price list. */
    public void setCategoryPrice(UUID priceListId, UUID categoryId, BigDecimal pricePerUnit) {
        setPrice(priceListId, "msdyn_transactioncategorypricelevel", "msdyn_transactioncategorypricelevelid",
                "msdyn_pricelist", "msdyn_transactioncategory", "msdyn_price", ", msdyn_unit", ", 'each'",
                categoryId, "msdyn_transactioncategory", "msdyn_transactioncategoryid", "transaction category",
                pricePerUnit);
    }

    /** Sets the unit price of a product (materials) in a price list. */
    public void setProductPrice(UUID priceListId, UUID productId, BigDecimal pricePerUnit) {
        setPrice(priceListId, "productpricelevel", "productpricelevelid", "pricelevelid", "productid", "amount", "", "",
                productId, "product", "productid", "product", pricePerUnit);
    }

    /** Makes a cost price list apply to an organizational unit's projects. */
    public void attachCostPriceList(UUID organizationalUnitId, UUID priceListId) {
        ctx.inTransaction(() -> {
            ctx.requireExists("msdyn_organizationalunit", "msdyn_organizationalunitid", organizationalUnitId,
                    "organizational unit");
            requireContext(priceListId, PriceListContext.COST);
            ctx.jdbc().update("DELETE FROM tdm_orgunitpricelist WHERE msdyn_organizationalunitid = ? AND pricelevelid = ?",
                    organizationalUnitId, priceListId);
            ctx.jdbc().update("INSERT INTO tdm_orgunitpricelist (msdyn_organizationalunitid, pricelevelid) VALUES (?, ?)",
                    organizationalUnitId, priceListId);
        });
    }

    /** Refuses a price list that does not exist or is not of {@code context}. */
    public void requireContext(UUID priceListId, PriceListContext context) {
        ctx.requireExists("pricelevel", "pricelevelid", priceListId, "price list");
        Integer value = ctx.jdbc().queryForObject("SELECT msdyn_context FROM pricelevel WHERE pricelevelid = ?",
                Integer.class, priceListId);
        if (value == null || value != context.value()) {
            throw new TandemException(INVALID_INPUT, "Price list " + priceListId + " is not a " + context.label()
                    + " price list");
        }
    }

    @SuppressWarnings("java:S107") // one private helper for three price tables of the same shape
    private void setPrice(UUID priceListId, String table, String idColumn, String listColumn, String itemColumn,
                          String priceColumn, String unitColumn, String unitValue, UUID itemId, String itemTable,
                          String itemIdColumn, String itemWhat, BigDecimal price) {
        if (price == null || price.signum() < 0) {
            throw new TandemException(INVALID_INPUT, "A " + itemWhat + " price must be zero or more, not " + price);
        }
        ctx.inTransaction(() -> {
            ctx.requireExists("pricelevel", "pricelevelid", priceListId, "price list");
            ctx.requireExists(itemTable, itemIdColumn, itemId, itemWhat);
            ctx.jdbc().update("DELETE FROM " + table + " WHERE " + listColumn + " = ? AND " + itemColumn + " = ?",
                    priceListId, itemId);
            ctx.jdbc().update("INSERT INTO " + table + " (" + idColumn + ", " + listColumn + ", " + itemColumn + ", "
                    + priceColumn + unitColumn + ") VALUES (?, ?, ?, ?" + unitValue + ")", Ids.newId(), priceListId,
                    itemId, price);
        });
    }
}
