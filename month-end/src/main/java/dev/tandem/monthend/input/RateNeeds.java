package dev.tandem.monthend.input;

import dev.tandem.monthend.input.RunInput.Contract;
import dev.tandem.monthend.input.RunInput.ContractLine;
import dev.tandem.monthend.input.RunInput.Milestone;
import dev.tandem.monthend.input.RunInput.Price;
import dev.tandem.monthend.input.RunInput.PriceContext;
import dev.tandem.monthend.input.RunInput.WorkKind;
import dev.tandem.monthend.input.RunInput.WorkRow;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The currency conversions a run of a folder will ask Finance for: every amount the run creates in a currency, on
 * the date Finance converts it on (docs/input-format.md, "Exchange rates"). Amounts in the accounting currency
 * convert at 1 and need no rate, so they are left out here only by the caller, which knows the accounting currency.
 *
 * <ul>
 *   <li>each time and expense row: its cost, in the cost price list's currency (or the receipt's currency), and its
 *       unbilled sales, in the currency of each contract whose Time and Material line bills the row's project and
 *       class, both on the row's date (the integration journal posts them on it, §5 step 6);</li>
 *   <li>each milestone dated on or before {@code --as-of}: in its contract's currency on its date (on-account
 *       transaction, §3.10);</li>
 *   <li>each contract: in its currency on the invoice date, {@code --as-of} (the invoice proposal is posted on it,
 *       §5 step 14).</li>
 * </ul>
 */
final class RateNeeds {

    /** A conversion: an amount in {@code currency} on {@code date}; {@code what} says which row asks for it. */
    record RateNeed(String currency, LocalDate date, String what) {
    }

    private RateNeeds() {
    }

    /**
     * @param asOf the invoice date of the run; null leaves out the invoice date and keeps every milestone
     */
    static List<RateNeed> of(List<Price> prices, List<Contract> contracts, List<WorkRow> time, List<WorkRow> expenses,
                             LocalDate asOf) {
        Collector collector = new Collector(prices, contracts);
        time.forEach(collector);
        expenses.forEach(collector);
        return collector.needs(asOf);
    }

    /**
     * The conversions of time and expense rows, collected one row at a time as the folder is read, so that a million
     * rows are not held to find them. Only the first row that asks for a currency on a date is kept (its {@code what}
     * names it): the coverage check reports the earliest uncovered conversion and the dates missing, which are the
     * same whichever of the rows of that currency and date it names.
     */
    static final class Collector implements java.util.function.Consumer<WorkRow> {

        private record Key(String currency, LocalDate date) {
        }

        private final List<Contract> contracts;
        private final Set<String> costCurrencies = new TreeSet<>();
        private final java.util.Map<Key, RateNeed> rowNeeds = new java.util.LinkedHashMap<>();

        Collector(List<Price> prices, List<Contract> contracts) {
            this.contracts = List.copyOf(contracts);
            prices.stream().filter(p -> p.context() == PriceContext.COST).map(Price::currency)
                    .filter(Objects::nonNull).forEach(costCurrencies::add);
        }

        @Override
        public void accept(WorkRow row) {
            if (row.date() == null) {
                return;
            }
            if (row.unitPrice() != null && row.currency() != null) {
                add(row.currency(), row);
            } else {
                costCurrencies.forEach(c -> add(c, row));
            }
            String include = row.kind() == WorkKind.TIME ? "time" : "expense";
            for (Contract contract : contracts) {
                for (ContractLine line : contract.lines()) {
                    if ("TIME_AND_MATERIAL".equals(line.billingMethod()) && sameKey(line.project(), row.project())
                            && line.include() != null && line.include().stream().anyMatch(include::equalsIgnoreCase)
                            && contract.currency() != null) {
                        add(contract.currency(), row);
                    }
                }
            }
        }

        private void add(String currency, WorkRow row) {
            rowNeeds.computeIfAbsent(new Key(currency, row.date()), k -> new RateNeed(currency, row.date(),
                    row.kind().name().toLowerCase(Locale.ROOT) + " of project " + row.project() + " at "
                            + row.source().file() + ":" + row.source().line()));
        }

        /** The rows' conversions, then those of the contracts' milestones and invoice dates. */
        List<RateNeed> needs(LocalDate asOf) {
            List<RateNeed> needs = new ArrayList<>(rowNeeds.values());
            for (Contract contract : contracts) {
                if (contract.currency() == null) {
                    continue;
                }
                for (ContractLine line : contract.lines()) {
                    for (Milestone m : line.milestones() == null ? List.<Milestone>of() : line.milestones()) {
                        if (m.date() != null && (asOf == null || !m.date().isAfter(asOf))) {
                            needs.add(new RateNeed(contract.currency(), m.date(), "milestone '" + m.name()
                                    + "' of contract " + contract.number() + " at " + m.source().file() + ":"
                                    + m.source().line()));
                        }
                    }
                }
                if (asOf != null) {
                    needs.add(new RateNeed(contract.currency(), asOf, "the invoice of contract " + contract.number()
                            + " dated --as-of"));
                }
            }
            return needs;
        }
    }

    /**
     * The rates of the ECB file the run imports into Finance: those the conversions {@code needs} look up, and no
     * more, so that the ECB's full history (27 years × 40 currencies) costs no more than a file trimmed to the run.
     *
     * <ul>
     *   <li>currencies: the folder's ({@code used}), those of the conversions and the accounting currency, other
     *       than the euro (the ECB's base, which has no column), of those the file has a column for ({@code columns};
     *       a missing column is a problem of its own);</li>
     *   <li>from the first day of the month of the earliest conversion of an amount not in the accounting currency
     *       (whole months, so the rate table shows every
     *       business day of each month the run posts in) to the latest conversion, at least {@code asOf}; Finance
     *       imports each currency's latest rate before that day too, which a conversion on a weekend or holiday at
     *       the start falls back to;</li>
     *   <li>without {@code asOf}, or without conversions, the dates are not bounded on that side.</li>
     * </ul>
     */
    static RunInput.RateScope scope(List<RateNeed> needs, Set<String> used, String accountingCurrency,
                                    List<String> columns, LocalDate asOf) {
        Set<String> currencies = new TreeSet<>(used);
        needs.forEach(n -> currencies.add(n.currency()));
        if (accountingCurrency != null) {
            currencies.add(accountingCurrency);
        }
        currencies.remove(CompanyFile.ECB_BASE);
        currencies.retainAll(columns);
        // Amounts in the accounting currency convert at 1 and look no rate up.
        List<LocalDate> dates = needs.stream().filter(n -> !n.currency().equals(accountingCurrency))
                .map(RateNeed::date).toList();
        LocalDate earliest = dates.stream().min(Comparator.naturalOrder()).orElse(null);
        LocalDate latest = dates.stream().max(Comparator.naturalOrder()).orElse(null);
        LocalDate from = earliest == null ? null : earliest.with(TemporalAdjusters.firstDayOfMonth());
        LocalDate to = asOf == null ? null : latest == null || latest.isBefore(asOf) ? asOf : latest;
        return new RunInput.RateScope(currencies, from, to);
    }

    private static boolean sameKey(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }
}
