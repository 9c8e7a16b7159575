package dev.tandem.server.finance;

import dev.tandem.server.api.InputError;
import java.util.Map;

/**
 * The body of a PATCH that changes tax groups — of a proposal line or an on-account transaction, the only fields of
 * those rows Finance lets the accountant change (§3.10, §11 item 21): {@code taxGroup} and {@code itemTaxGroup}. A
 * field the body names is set (JSON {@code null}: no group); a field it leaves out keeps its value. That is why the
 * body is read as a map rather than a record: a record can't tell a missing field from a {@code null} one.
 */
final class TaxGroupPatch {

    static final String TAX_GROUP = "taxGroup";
    static final String ITEM_TAX_GROUP = "itemTaxGroup";
    /** Longest group id the schema holds ({@code taxgroup}, {@code taxitemgroup}). */
    private static final int MAX_GROUP = 20;

    private final Map<String, Object> body;

    private TaxGroupPatch(Map<String, Object> body) {
        this.body = body;
    }

    /**
     * Checks the body before anything is read or written.
     *
     * @param what the row, for the refusal of another field, e.g. {@code "a proposal line"}
     * @throws dev.tandem.common.TandemException 400 {@code INVALID_INPUT} naming the field: a field other than the two,
     *                                           a value that is not a string or {@code null}, a group id longer than
     *                                           20 characters, or a body naming no field at all
     */
    static TaxGroupPatch of(Map<String, Object> body, String what) {
        if (body == null || body.isEmpty()) {
            throw new InputError(InputError.BODY, "names no field to change; " + what + " has " + TAX_GROUP + " and "
                    + ITEM_TAX_GROUP).refusal();
        }
        for (Map.Entry<String, Object> e : body.entrySet()) {
            if (!e.getKey().equals(TAX_GROUP) && !e.getKey().equals(ITEM_TAX_GROUP)) {
                throw new InputError(e.getKey(), "can't be changed: only " + TAX_GROUP + " and " + ITEM_TAX_GROUP + " of "
                        + what + " are editable (§11 item 21)").refusal();
            }
            if (e.getValue() != null && !(e.getValue() instanceof String)) {
                throw new InputError(e.getKey(), "must be a group id (a string) or null").refusal();
            }
            if (e.getValue() instanceof String s && (s.isBlank() || s.length() > MAX_GROUP)) {
                throw new InputError(e.getKey(), "must be 1 to " + MAX_GROUP + " characters, or null for no group")
                        .refusal();
            }
        }
        return new TaxGroupPatch(body);
    }

    /** The new sales tax group, or {@code current} when the body leaves it out. */
    String taxGroup(String current) {
        return body.containsKey(TAX_GROUP) ? (String) body.get(TAX_GROUP) : current;
    }

    /** The new item sales tax group, or {@code current} when the body leaves it out. */
    String itemTaxGroup(String current) {
        return body.containsKey(ITEM_TAX_GROUP) ? (String) body.get(ITEM_TAX_GROUP) : current;
    }
}
