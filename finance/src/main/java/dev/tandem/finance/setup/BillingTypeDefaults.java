package dev.tandem.finance.setup;

import dev.tandem.finance.FinanceContext;
import java.util.HashMap;
import java.util.Map;

/**
 * A legal entity's line properties and its "Billing type defaults" (§3.8), read once: which line property a staged
 * billing type gets — a blank one is "Not specified" ({@link BillingTypes#NOT_SPECIFIED}) — and whether a line
 * property is "to be invoiced" (chargeable). The one place Import from staging, staging validation, proposal import
 * and journal posting read them from, so they can't disagree on the rule.
 */
public final class BillingTypeDefaults {

    /** A line property and whether its lines are invoiced (§4.4: only chargeable lines add to an invoice). */
    public record LineProperty(String id, boolean toBeInvoiced) {
    }

    private final Map<Integer, LineProperty> byBillingType;
    private final Map<String, LineProperty> byId;

    private BillingTypeDefaults(Map<Integer, LineProperty> byBillingType, Map<String, LineProperty> byId) {
        this.byBillingType = byBillingType;
        this.byId = byId;
    }

    /** The line properties and defaults of {@code dataAreaId} as they are now (one query). */
    public static BillingTypeDefaults of(FinanceContext ctx, String dataAreaId) {
        Map<Integer, LineProperty> byBillingType = new HashMap<>();
        Map<String, LineProperty> byId = new HashMap<>();
        ctx.jdbc().query("SELECT p.linepropertyid, p.tobeinvoiced, d.billingtype FROM projlineproperty p LEFT JOIN "
                + "billingtypedefault d ON d.dataareaid = p.dataareaid AND d.linepropertyid = p.linepropertyid WHERE "
                + "p.dataareaid = ?", rs -> {
                    LineProperty read = new LineProperty(rs.getString(1), rs.getBoolean(2));
                    LineProperty property = byId.computeIfAbsent(read.id(), id -> read);
                    int billingType = rs.getInt(3);
                    if (!rs.wasNull()) {
                        byBillingType.put(billingType, property);
                    }
                }, dataAreaId);
        return new BillingTypeDefaults(byBillingType, byId);
    }

    /**
     * The line property a staged billing type defaults to: the "Not specified" default for {@code null}; {@code null}
     * when the legal entity sets none up for it.
     */
    public LineProperty forBillingType(Integer billingType) {
        return byBillingType.get(BillingTypes.defaultKey(billingType));
    }

    /** Whether lines of this line property are invoiced; false for {@code null} or an unknown id. */
    public boolean toBeInvoiced(String linePropertyId) {
        LineProperty property = linePropertyId == null ? null : byId.get(linePropertyId);
        return property != null && property.toBeInvoiced();
    }
}
