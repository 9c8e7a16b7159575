package dev.tandem.finance.setup;

import dev.tandem.finance.FinanceContext;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads of the setup for batch loads: whether a legal entity exists and its name, which customers of a list exist.
 * Customers are found in bulk, one query per 1,000 account numbers.
 */
public final class SetupLookup {

    private static final int CHUNK = 1000;

    private final FinanceContext ctx;

    public SetupLookup(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /** The legal entity's name ({@code legal_entity.name}), empty when there is no such legal entity. */
    public Optional<String> legalEntityName(String dataAreaId) {
        return ctx.jdbc().queryForList("SELECT name FROM legal_entity WHERE dataareaid = ?", String.class, dataAreaId)
                .stream().findFirst();
    }

    /** Whether the legal entity exists. */
    public boolean legalEntityExists(String dataAreaId) {
        return legalEntityName(dataAreaId).isPresent();
    }

    /**
     * The account numbers of {@code accountNums} that are customers of the legal entity ({@code custtable}); null
     * numbers are ignored.
     */
    public Set<String> existingCustomers(String dataAreaId, Collection<String> accountNums) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(accountNums.stream().filter(n -> n != null).toList()));
        Set<String> found = new LinkedHashSet<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            List<Object> args = new java.util.ArrayList<>();
            args.add(dataAreaId);
            args.addAll(chunk);
            found.addAll(ctx.jdbc().queryForList("SELECT accountnum FROM custtable WHERE dataareaid = ? AND accountnum "
                    + "IN (" + FinanceContext.placeholders(chunk) + ")", String.class, args.toArray()));
        }
        return found;
    }
}
