package dev.tandem.operations.actuals;

import dev.tandem.common.Ids;
import dev.tandem.operations.OperationsContext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds new actual row images from an existing one (same project, task, contract, customer, resource…): the
 * reversals, replacement unbilled sales and billed sales that cancel approval, invoice confirmation and invoice
 * correction create (§4.3, §6). Quantities in hours or units, amounts in the row's currency, already rounded.
 */
public final class ActualRows {

    private final OperationsContext ctx;

    public ActualRows(OperationsContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A reversal: the negated quantity and amount of {@code original}, not-to-exceed Not Applicable.
     *
     * @param adjustmentStatus {@code null} or Unadjustable
     * @param skipSync         true for the negative unbilled sales of a confirmation that pair with billed sales
     *                         (§7.4: not synced); false for a reversal Finance must book, such as the reversal of an
     *                         original replaced on a draft (§6) or of a canceled approval
     */
    public Map<String, Object> reversal(Map<String, Object> original, AdjustmentStatus adjustmentStatus, boolean skipSync) {
        Map<String, Object> row = copy(original);
        row.put("msdyn_quantity", ((BigDecimal) original.get("msdyn_quantity")).negate());
        row.put("msdyn_amount", ((BigDecimal) original.get("msdyn_amount")).negate());
        row.put("msdyn_adjustmentstatus", adjustmentStatus == null ? null : adjustmentStatus.value());
        row.put("tdm_skipsync", skipSync);
        return row;
    }

    /** An actual of {@code type} like {@code template} with the given quantity, price, amount and billing type. */
    public Map<String, Object> like(Map<String, Object> template, TransactionType type, BigDecimal quantity,
                                    BigDecimal price, BigDecimal amount, BillingType billingType, BillingStatus billingStatus) {
        Map<String, Object> row = copy(template);
        row.put("msdyn_transactiontypecode", type.value());
        row.put("msdyn_quantity", quantity);
        row.put("msdyn_price", price);
        row.put("msdyn_amount", amount);
        row.put("msdyn_billingtype", billingType.value());
        row.put("msdyn_billingstatus", billingStatus == null ? null : billingStatus.value());
        row.put("msdyn_adjustmentstatus", null);
        row.put("tdm_skipsync", false);
        return row;
    }

    /** A copy with a new id and fresh audit fields; NTE Not Applicable until someone evaluates it. */
    public Map<String, Object> copy(Map<String, Object> original) {
        Map<String, Object> row = new LinkedHashMap<>(original);
        row.put("msdyn_actualid", Ids.newId());
        row.put("tdm_ntestatus", NteStatus.NOT_APPLICABLE.value());
        row.put("tdm_ntedetail", null);
        row.put("tdm_accountingamount", null);
        row.put("tdm_vouchernumber", null);
        row.put("tdm_salestaxamount", null);
        row.put("msdyn_isjournalized", false);
        row.putAll(ctx.created());
        return row;
    }

    public static UUID id(Map<String, Object> row) {
        return (UUID) row.get("msdyn_actualid");
    }
}
