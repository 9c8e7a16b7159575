package dev.tandem.finance.proposal;

import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.LINE_PROPERTY_NOT_FOUND;
import static dev.tandem.finance.FinanceError.STATE;
import static dev.tandem.finance.FinanceError.UNBILLED_NOT_POSTED;

import dev.tandem.common.ErrorCode;
import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.proposal.ProposalStaging.UnbilledRow;
import dev.tandem.finance.setup.BillingTypeDefaults;
import dev.tandem.finance.setup.BillingTypeDefaults.LineProperty;
import dev.tandem.finance.staging.StagingRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whether the pending billed-sales rows of a proposal can become lines, all of them or none (§5 step 12: lines are
 * created "only when all lines of the proposal are ready"). Reads only; a refusal names every row it concerns:
 * <ol>
 *   <li>INVALID_INPUT — a transaction classification no line type takes (§3.9), a currency other than the
 *       proposal's, an amount below the currency's minor units;</li>
 *   <li>LINE_PROPERTY_NOT_FOUND — no line property for the row's billing type (§3.8 "Billing type defaults");</li>
 *   <li>STATE — "Invoice proposal wasn't processed because of mismatched billed sales actuals with Dataverse" (§11
 *       item 19): the header carries the proforma's detail amount and the chargeable billed sales (lines already
 *       imported plus pending rows) don't add up to it — some have not arrived yet, so a later run retries;</li>
 *   <li>UNBILLED_NOT_POSTED — "Project transaction hasn't been posted yet" (§11 item 18): an hour, expense, item
 *       or fee row whose related unbilled sales are not in staging or have no voucher yet.</li>
 * </ol>
 *
 * <p><b>Related unbilled sales.</b> When Project Operations confirms a proforma invoice it writes, in the same
 * transaction as the billed-sales actual, the connection "Billed Sales ↔ Unbilled Sales" to the unbilled actual it
 * invoices (§3.6) — the original unbilled row synced at approval (which carries no invoice id), or the replacement
 * unbilled row created at confirmation when the quantity or price changed. Live sync applies one source transaction
 * as one batch, so the connections of a billed row are in relationship staging when the row is. The related unbilled
 * sales of a billed row are therefore exactly the actuals connected to it that way; each must be in actuals staging
 * with a voucher (posted through the integration journal). A billed row with no such connection — a milestone or
 * retainer, a billed-sales reversal of a corrective invoice, a detail added by hand on a fixed-price line (§6) — has
 * no unbilled sales to wait for. The negative unbilled reversals made at confirmation that pair with billed sales
 * are never synced (Skip Sync, §7.4); the synced reversal of an original a draft edit replaced pairs with no billed
 * sales. Neither plays a part.
 */
final class ImportChecks {

    /** The outcome of passing checks: each row's line type and line property, by staging row id. */
    record Ready(Map<UUID, ProposalLineType> types, Map<UUID, LineProperty> properties) {
    }

    private final FinanceContext ctx;
    private final ProposalStaging staging;
    private final TransactionRelationships relationships;
    private final ProposalLines lines;

    ImportChecks(FinanceContext ctx, ProposalStaging staging, TransactionRelationships relationships,
                 ProposalLines lines) {
        this.ctx = ctx;
        this.staging = staging;
        this.relationships = relationships;
        this.lines = lines;
    }

    /** @throws TandemException as listed on the class, naming the proposal and the rows */
    Ready check(ProposalHeader h, List<StagingRow> rows) {
        Map<UUID, ProposalLineType> types = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (StagingRow r : rows) {
            ProposalLineType.of(r.transactionClassification()).ifPresentOrElse(t -> types.put(r.id(), t),
                    () -> problems.add("billed sales actual " + r.actualId() + " has transaction classification "
                            + r.transactionClassification() + ", which no proposal line type takes (§3.9)"));
            if (!r.currency().equals(h.currency())) {
                problems.add("billed sales actual " + r.actualId() + " is in " + r.currency() + ", the proposal in "
                        + h.currency());
            } else if (r.amount().compareTo(Money.round(r.amount(), r.currency())) != 0) {
                problems.add("billed sales actual " + r.actualId() + " has amount " + r.amount().toPlainString()
                        + ", below the minor units of " + r.currency());
            }
        }
        if (!problems.isEmpty()) {
            throw refusal(INVALID_INPUT, h, "its billed sales can't become lines: " + String.join("; ", problems));
        }
        Map<UUID, LineProperty> properties = lineProperties(h, rows);
        requireExpectedAmount(h, rows, properties);
        requireUnbilledPosted(h, rows, types);
        return new Ready(types, properties);
    }

    private Map<UUID, LineProperty> lineProperties(ProposalHeader h, List<StagingRow> rows) {
        BillingTypeDefaults defaults = BillingTypeDefaults.of(ctx, h.dataAreaId());
        Map<UUID, LineProperty> properties = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (StagingRow r : rows) {
            LineProperty p = defaults.forBillingType(r.billingType());
            if (p == null) {
                missing.add("billed sales actual " + r.actualId() + " (billing type " + r.billingType() + ")");
            } else {
                properties.put(r.id(), p);
            }
        }
        if (!missing.isEmpty()) {
            throw refusal(LINE_PROPERTY_NOT_FOUND, h, "no line property is set up in \"Billing type defaults\" of "
                    + "legal entity " + h.dataAreaId() + " for " + String.join(", ", missing));
        }
        return properties;
    }

    private void requireExpectedAmount(ProposalHeader h, List<StagingRow> rows, Map<UUID, LineProperty> properties) {
        if (h.expectedAmount() == null) {
            return;
        }
        BigDecimal billed = BigDecimal.ZERO;
        for (ProposalLine l : lines.lines(h.proposalId())) {
            billed = l.toBeInvoiced() ? billed.add(l.lineAmount()) : billed;
        }
        for (StagingRow r : rows) {
            billed = properties.get(r.id()).toBeInvoiced() ? billed.add(r.amount()) : billed;
        }
        if (billed.compareTo(h.expectedAmount()) != 0) {
            throw new TandemException(STATE, "Invoice proposal " + h.proposalId() + " wasn't processed because of "
                    + "mismatched billed sales actuals with Dataverse: the proforma invoice's lines total "
                    + h.expectedAmount().stripTrailingZeros().toPlainString() + " " + h.currency() + ", its chargeable "
                    + "billed sales in staging " + billed.stripTrailingZeros().toPlainString() + " " + h.currency()
                    + " (§11 item 19); the next import retries when the missing actuals have arrived",
                    Map.of("proposalId", h.proposalId(), "expected", h.expectedAmount().toPlainString(),
                            "billed", billed.toPlainString()));
        }
    }

    private void requireUnbilledPosted(ProposalHeader h, List<StagingRow> rows, Map<UUID, ProposalLineType> types) {
        List<UUID> billed = rows.stream().filter(r -> types.get(r.id()).needsPostedUnbilledSales())
                .map(StagingRow::actualId).toList();
        Map<UUID, List<UUID>> related = relationships.unbilledOf(billed);
        Map<UUID, UnbilledRow> unbilled = staging.unbilledRows(related.values().stream().flatMap(List::stream).toList());
        List<String> notPosted = new ArrayList<>();
        List<String> notStaged = new ArrayList<>();
        List<String> unbilledIds = new ArrayList<>();
        related.forEach((billedId, unbilledOfIt) -> {
            for (UUID u : unbilledOfIt) {
                UnbilledRow row = unbilled.get(u);
                if (row == null || !row.posted()) {
                    (row == null ? notStaged : notPosted).add(u + " (billed sales " + billedId + ")");
                    unbilledIds.add(u.toString());
                }
            }
        });
        if (notPosted.isEmpty() && notStaged.isEmpty()) {
            return;
        }
        StringBuilder detail = new StringBuilder("Project transaction hasn't been posted yet: invoice proposal ")
                .append(h.proposalId()).append(" gets its lines when the unbilled sales behind its billed sales are "
                        + "posted through the Project Operations integration journal (§5 step 12, §11 item 18).");
        if (!notPosted.isEmpty()) {
            detail.append(" Not posted: unbilled sales actual ").append(String.join(", ", notPosted)).append('.');
        }
        if (!notStaged.isEmpty()) {
            detail.append(" Not in actuals staging yet: unbilled sales actual ").append(String.join(", ", notStaged))
                    .append('.');
        }
        throw new TandemException(UNBILLED_NOT_POSTED, detail.toString(), Map.of("proposalId", h.proposalId(),
                "unbilledActualIds", List.copyOf(unbilledIds)));
    }

    private static TandemException refusal(ErrorCode code, ProposalHeader h, String why) {
        return new TandemException(code, "Invoice proposal " + h.proposalId() + " gets no lines: " + why,
                Map.of("proposalId", h.proposalId()));
    }
}
