package dev.tandem.finance.setup;

import static dev.tandem.finance.FinanceError.DUPLICATE;
import static dev.tandem.finance.FinanceError.POSTING_SETUP_MISSING;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Number sequences of a legal entity (vouchers, invoice proposals, customer invoices). The sequence row is locked
 * by its update, so concurrent postings get distinct numbers. A sequence that allows manual numbers accepts a
 * supplied number, lower or higher than the next one (§11 item 17: proforma invoices are not confirmed in creation
 * order).
 */
public final class NumberSequences {

    /** Codes of the sequences posting uses. */
    public static final String VOUCHER = "voucher";
    public static final String PROPOSAL = "proposal";
    public static final String CUSTOMER_INVOICE = "custinvoice";
    public static final String JOURNAL = "journal";

    private final FinanceContext ctx;

    public NumberSequences(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /** @throws TandemException POSTING_SETUP_MISSING naming the sequence when it is not set up */
    public String next(String dataAreaId, String code) {
        int n = ctx.jdbc().update("UPDATE numbersequencetable SET nextrec = nextrec + 1 WHERE dataareaid = ? AND code = ?",
                dataAreaId, code);
        if (n == 0) {
            throw new TandemException(POSTING_SETUP_MISSING, "Number sequence '" + code + "' of legal entity " + dataAreaId
                    + " is not set up", Map.of("sequence", code, "dataAreaId", dataAreaId));
        }
        return ctx.jdbc().queryForObject("SELECT prefix, width, nextrec - 1 FROM numbersequencetable WHERE dataareaid = ? "
                + "AND code = ?", (rs, i) -> rs.getString(1) + String.format("%0" + rs.getInt(2) + "d", rs.getLong(3)),
                dataAreaId, code);
    }

    /**
     * The next {@code count} numbers of a sequence, in order, taken in one update (one round trip for the block plus one
     * to read it, whatever its size). The block is consecutive and has no gap: the update that takes it locks the
     * sequence row until the caller's transaction ends, and a rollback gives the numbers back. Callers take exactly
     * as many numbers as they will use (e.g. integration journal posting counts the lines that passed every check
     * first), so a sequence stays continuous (§3.8 "new number per line").
     *
     * @param count 0 or more; 0 reads nothing and returns an empty list
     * @throws TandemException POSTING_SETUP_MISSING naming the sequence when it is not set up
     */
    public List<String> nextBlock(String dataAreaId, String code, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " is negative");
        }
        if (count == 0) {
            return List.of();
        }
        int n = ctx.jdbc().update("UPDATE numbersequencetable SET nextrec = nextrec + ? WHERE dataareaid = ? AND code = ?",
                count, dataAreaId, code);
        if (n == 0) {
            throw new TandemException(POSTING_SETUP_MISSING, "Number sequence '" + code + "' of legal entity " + dataAreaId
                    + " is not set up", Map.of("sequence", code, "dataAreaId", dataAreaId));
        }
        return ctx.jdbc().queryForObject("SELECT prefix, width, nextrec FROM numbersequencetable WHERE dataareaid = ? "
                + "AND code = ?", (rs, i) -> {
                    String prefix = rs.getString(1);
                    String format = "%0" + rs.getInt(2) + "d";
                    long first = rs.getLong(3) - count;
                    List<String> numbers = new ArrayList<>(count);
                    for (long k = first; k < first + count; k++) {
                        numbers.add(prefix + String.format(format, k));
                    }
                    return numbers;
                }, dataAreaId, code);
    }

    /**
     * Accepts a supplied number for a sequence that allows manual numbers; refuses it when the sequence does not.
     *
     * @throws TandemException POSTING_SETUP_MISSING when the sequence is missing or doesn't allow manual numbers
     */
    public String supplied(String dataAreaId, String code, String number) {
        List<Boolean> manual = ctx.jdbc().queryForList("SELECT allowmanual FROM numbersequencetable WHERE dataareaid = ? "
                + "AND code = ?", Boolean.class, dataAreaId, code);
        if (manual.isEmpty() || !manual.get(0)) {
            throw new TandemException(POSTING_SETUP_MISSING, "Number sequence '" + code + "' of legal entity " + dataAreaId
                    + " must allow user changes to a lower and to a higher number (§11 item 17)",
                    Map.of("sequence", code, "dataAreaId", dataAreaId));
        }
        if (number == null || number.isBlank()) {
            throw new TandemException(DUPLICATE, "A supplied " + code + " number is required");
        }
        return number;
    }
}
