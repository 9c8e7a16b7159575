package dev.tandem.monthend.input;

import dev.tandem.monthend.input.RunInput.Price;
import dev.tandem.monthend.input.RunInput.PriceContext;
import dev.tandem.monthend.input.RunInput.PriceKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code price-lists.csv} (docs/input-format.md, "price-lists.csv"): one row per price; rows with the same
 * {@code price_list} form one price list, and share its context, currency and validity. There is exactly one cost
 * price list (the contracting unit's), in the accounting currency. Role items must be roles of resources.csv;
 * category items define the expense categories.
 */
final class PriceListsFile {

    static final String FILE = "price-lists.csv";
    /** Prices and quantities have at most this many decimals (the database keeps NUMERIC(19,6)). */
    static final int PRICE_DECIMALS = 6;

    /**
     * A price list as its first row states it; {@code validToKnown} false when that row's {@code valid_to} was not
     * readable (then other rows are not compared with it).
     */
    record PriceList(String name, PriceContext context, String currency, LocalDate validFrom, LocalDate validTo,
                     boolean validToKnown, CsvFile.Row firstRow, KeySet items) {
    }

    final List<Price> prices = new ArrayList<>();
    /** Expense categories, defined by the category items of all price lists. */
    final KeySet categories = new KeySet();
    private final Map<String, PriceList> lists = new LinkedHashMap<>();
    private boolean complete;

    private PriceListsFile() {
    }

    static PriceListsFile read(Path folder, KeySet roles, String accountingCurrency, List<InputProblem> problems) {
        PriceListsFile result = new PriceListsFile();
        CsvFile csv = CsvFile.read(folder, FILE, true, problems);
        if (csv == null || !csv.requireColumns("price_list", "context", "currency", "valid_from", "valid_to", "kind",
                "item", "price")) {
            return result;
        }
        for (CsvFile.Row row : csv.rows()) {
            result.readRow(row, roles);
        }
        result.complete = true;
        result.categories.markComplete();
        result.checkCostList(accountingCurrency, problems);
        return result;
    }

    /** The price list named {@code name} (any case); empty also when the file could not be read. */
    Optional<PriceList> list(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(lists.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** Whether the file was read with all its columns, so a list that is not in it does not exist. */
    boolean complete() {
        return complete;
    }

    private void readRow(CsvFile.Row row, KeySet roles) {
        String name = row.cell("price_list").required();
        String context = row.cell("context").oneOf(true, "cost", "sales");
        String currency = row.cell("currency").currency(true);
        LocalDate from = row.cell("valid_from").date(true);
        Cell toCell = row.cell("valid_to");
        LocalDate to = toCell.date(false);
        if (from != null && to != null && to.isBefore(from)) {
            toCell.problem("INVALID", "valid_to " + to + " is before valid_from " + from);
        }
        String kind = row.cell("kind").oneOf(true, "role", "category");
        Cell itemCell = row.cell("item");
        String item = itemCell.required();
        BigDecimal price = row.cell("price").decimal(true, PRICE_DECIMALS, false);
        PriceKind priceKind = kind == null ? null : PriceKind.valueOf(kind.toUpperCase(Locale.ROOT));
        if (priceKind == PriceKind.ROLE) {
            item = roles.resolve(itemCell, "UNKNOWN_ROLE", "is not a role of any resource in " + ResourcesFile.FILE);
        } else if (priceKind == PriceKind.CATEGORY) {
            categories.add(item);
        }
        Price read = new Price(row.source(), name,
                context == null ? null : PriceContext.valueOf(context.toUpperCase(Locale.ROOT)), currency, from, to,
                priceKind, item, price);
        prices.add(name == null ? read : inList(read, row, toCell.isEmpty() || to != null));
    }

    /**
     * Adds {@code price} to its list, or checks it against the list's first row; a list prices an item once.
     *
     * @param toKnown whether the row's valid_to was readable (empty or a date)
     * @return the price, with the list's name as its first row writes it
     */
    private Price inList(Price price, CsvFile.Row row, boolean toKnown) {
        PriceList list = lists.computeIfAbsent(price.priceList().toLowerCase(Locale.ROOT), key -> new PriceList(
                price.priceList(), price.context(), price.currency(), price.validFrom(), price.validTo(), toKnown, row,
                new KeySet()));
        if (list.firstRow() != row) {
            sameAsList(list, row.cell("context"), list.context(), price.context(), "context");
            sameAsList(list, row.cell("currency"), list.currency(), price.currency(), "currency");
            sameAsList(list, row.cell("valid_from"), list.validFrom(), price.validFrom(), "valid_from");
            if (toKnown && list.validToKnown() && !Objects.equals(list.validTo(), price.validTo())) {
                sameAsList(list, row.cell("valid_to"), list.validTo() == null ? "empty" : list.validTo(),
                        price.validTo() == null ? "empty" : price.validTo(), "valid_to");
            }
        }
        String kind = price.kind() == null ? null : price.kind().name().toLowerCase(Locale.ROOT);
        if (kind != null && price.item() != null && !list.items().add(kind + " " + price.item())) {
            row.cell("item").problem("DUPLICATE", "price list \"" + list.name() + "\" has a price for " + kind + " \""
                    + price.item() + "\" twice");
        }
        return new Price(price.source(), list.name(), price.context(), price.currency(), price.validFrom(),
                price.validTo(), price.kind(), price.item(), price.price());
    }

    /** A price list's rows share its context, currency and validity: a row that differs is INVALID. */
    private static void sameAsList(PriceList list, Cell cell, Object listValue, Object rowValue, String what) {
        if (listValue != null && rowValue != null && !Objects.equals(listValue, rowValue)) {
            String shown = listValue instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : listValue.toString();
            cell.problem("INVALID", "price list \"" + list.name() + "\" has " + what + " " + shown + " on line "
                    + list.firstRow().source().line() + "; all its rows must have the same " + what);
        }
    }

    private void checkCostList(String accountingCurrency, List<InputProblem> problems) {
        List<PriceList> costLists = lists.values().stream().filter(l -> l.context() == PriceContext.COST).toList();
        if (costLists.size() != 1) {
            problems.add(new InputProblem(FILE, 1, 1, "INVALID", null, FILE + " has " + costLists.size()
                    + " cost price lists" + (costLists.isEmpty() ? "" : " (" + String.join(", ",
                    costLists.stream().map(PriceList::name).toList()) + ")") + "; exactly one is required, the "
                    + "contracting unit's"));
            return;
        }
        PriceList cost = costLists.getFirst();
        if (accountingCurrency != null && cost.currency() != null && !cost.currency().equals(accountingCurrency)) {
            cost.firstRow().cell("currency").problem("INVALID", "the cost price list \"" + cost.name()
                    + "\" must be in the accounting currency " + accountingCurrency + ", not " + cost.currency());
        }
    }
}
