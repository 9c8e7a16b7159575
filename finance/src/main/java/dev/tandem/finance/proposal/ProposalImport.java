package dev.tandem.finance.proposal;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.onaccount.OnAccountTransactions;
import dev.tandem.finance.onaccount.OnAccountTransactions.OnAccountTransaction;
import dev.tandem.finance.proposal.ImportChecks.Ready;
import dev.tandem.finance.proposal.ImportIssues.ImportIssue;
import dev.tandem.finance.setup.BillingTypeDefaults.LineProperty;
import dev.tandem.finance.setup.ProjectCategories;
import dev.tandem.finance.staging.StagingRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Import from staging, the invoice-proposal part (§5 step 12, §8, §10 item 2): billed-sales staging rows become
 * lines of the proposal whose id is the row's {@code invoiceid} (the proforma invoice number). Time → hour, expense →
 * expense, material → item, fee → fee, milestone and retainer → on-account (§3.9).
 *
 * <p>All pending rows of a proposal become lines together or not at all, after {@link ImportChecks}; a refusal —
 * typically UNBILLED_NOT_POSTED, "Project transaction hasn't been posted yet…" — is recorded as the proposal's
 * {@link ImportIssues import issue}, the proposal stays without those lines (0.00 when it has none, §13) and the
 * rows stay pending for the next run. A line's sales tax group defaults by {@code SalesTax.defaultTaxGroup}, an
 * on-account line's tax groups come from its on-account transaction (§3.10); tax is calculated on the invoice date.
 * A line's category follows the §3.8 rule of the integration journal ({@link ProjectCategories}): the billed actual's
 * transaction category when it is a project category of the legal entity, else the project category default of its
 * classification, else none. The rows get InvoiceProposalId, InvoiceProposalLineTransId, FundingSourceId,
 * CustomerAccountNumber and IsProcessed written back.
 *
 * <p>Concurrent runs: every import of a proposal first locks its header row, then reads its pending rows, so two
 * runs over the same rows import them once (the second finds none pending); a staging row can have only one line
 * (unique in the schema) in any case. Rows of a proposal whose header has not arrived yet wait for a later run.
 */
public final class ProposalImport implements dev.tandem.finance.journal.BilledSalesImport {

    /** What one import of a proposal did: lines created, or the issue that stopped it (also when none was pending). */
    public record Outcome(String proposalId, int linesImported, Optional<ImportIssue> issue) {
    }

    private final FinanceContext ctx;
    private final ProposalHeaders headers;
    private final ProposalLines lines;
    private final ProposalStaging staging;
    private final ImportChecks checks;
    private final OnAccountTransactions onAccount;
    private final ProposalTaxes taxes;
    private final ImportIssues issues;

    ProposalImport(FinanceContext ctx, ProposalHeaders headers, ProposalLines lines, ProposalStaging staging,
                   ImportChecks checks, OnAccountTransactions onAccount, ProposalTaxes taxes, ImportIssues issues) {
        this.ctx = ctx;
        this.headers = headers;
        this.lines = lines;
        this.staging = staging;
        this.checks = checks;
        this.onAccount = onAccount;
        this.taxes = taxes;
        this.issues = issues;
    }

    /**
     * Imports the billed-sales rows among {@code rows} (other transaction types are ignored), each proposal in a
     * transaction of its own (or the caller's). Every pending row of a named proposal is considered, not only
     * those passed. Refusals are recorded as import issues, not thrown. This is the binding point of Import from
     * staging for billed rows ({@code dev.tandem.finance.journal.BilledSalesImport}).
     */
    @Override
    public void importRows(List<StagingRow> rows) {
        Set<List<String>> proposals = new LinkedHashSet<>();
        for (StagingRow r : rows) {
            if (r.transType() == StagingRow.BILLED_SALES && r.invoiceId() != null) {
                proposals.add(List.of(r.dataAreaId(), r.invoiceId()));
            }
        }
        for (List<String> p : proposals) {
            importPending(p.get(0), p.get(1));
        }
    }

    /**
     * "Import lines" on one proposal (§5 step 12, selective import).
     *
     * @throws TandemException NOT_FOUND when the proposal doesn't exist; refusals of the import itself are returned
     *                         in the outcome and recorded
     */
    public Outcome importForProposal(String dataAreaId, String proposalId) {
        headers.header(dataAreaId, proposalId);
        return importPending(dataAreaId, proposalId);
    }

    private Outcome importPending(String dataAreaId, String proposalId) {
        return ctx.inTransaction(() -> {
            Optional<ProposalHeader> locked = headers.lock(proposalId).filter(h -> h.dataAreaId().equals(dataAreaId));
            if (locked.isEmpty()) {
                return new Outcome(proposalId, 0, Optional.empty());
            }
            ProposalHeader h = locked.get();
            List<StagingRow> pending = staging.pendingBilledRows(dataAreaId, proposalId);
            if (pending.isEmpty()) {
                return new Outcome(proposalId, 0, issues.issue(proposalId));
            }
            Ready ready;
            try {
                // Reads only, so a refusal leaves the transaction clean for recording it.
                ProposalRules.requireEditable(h, "importing lines");
                ready = checks.check(h, pending);
            } catch (TandemException refusal) {
                return new Outcome(proposalId, 0, Optional.of(issues.record(dataAreaId, proposalId, refusal)));
            }
            List<ProposalLine> made = build(h, pending, ready);
            lines.insert(made);
            Map<UUID, String> byActual = new LinkedHashMap<>();
            made.forEach(l -> byActual.put(l.actualId(), l.lineTransId()));
            staging.writeImported(byActual, proposalId, h.fundingSource(), h.invoiceAccount());
            onAccount.assign(made.stream().filter(l -> l.onAccountTransactionId() != null && l.lineAmount().signum() > 0)
                    .map(ProposalLine::onAccountTransactionId).toList(), proposalId);
            headers.refreshTotals(proposalId, lines.lines(proposalId));
            issues.clear(proposalId);
            return new Outcome(proposalId, made.size(), Optional.empty());
        });
    }

    private List<ProposalLine> build(ProposalHeader h, List<StagingRow> rows, Ready ready) {
        List<ProposalLine> made = new ArrayList<>();
        Set<UUID> milestonesTaken = new HashSet<>();
        ProjectCategories categories = ProjectCategories.of(ctx, h.dataAreaId());
        // The tax setup read once for the proposal's rows, not twice per row (issue 13).
        ProposalTaxes taxes = this.taxes.forBatch();
        Map<List<String>, String> defaultGroups = new HashMap<>();
        for (StagingRow r : rows) {
            ProposalLineType type = ready.types().get(r.id());
            LineProperty property = ready.properties().get(r.id());
            Optional<OnAccountTransaction> milestone = type == ProposalLineType.ON_ACCOUNT
                    ? milestoneOf(h, r, milestonesTaken) : Optional.empty();
            String contractId = r.contractId() == null ? h.contractId() : r.contractId();
            List<String> defaultKey = Arrays.asList(r.projectId(), contractId);
            if (milestone.isEmpty() && !defaultGroups.containsKey(defaultKey)) {
                defaultGroups.put(defaultKey, taxes.defaultTaxGroup(h.dataAreaId(), r.projectId(), contractId,
                        h.invoiceAccount()));
            }
            String taxGroup = milestone.isPresent() ? milestone.get().taxGroup() : defaultGroups.get(defaultKey);
            String itemTaxGroup = milestone.map(OnAccountTransaction::itemTaxGroup).orElse(null);
            ProposalLine line = new ProposalLine(Ids.newId().toString(), h.proposalId(), h.dataAreaId(), type, r.id(),
                    r.actualId(), r.projectId(), r.contractLine(), milestone.map(OnAccountTransaction::transactionId)
                    .orElse(null), property.id(), property.toBeInvoiced(), r.documentDate(),
                    categories.categoryOf(r.transactionCategoryId(), r.transactionClassification()),
                    r.description(), r.quantity(), r.unitPrice(), r.amount(), r.currency(), taxGroup, itemTaxGroup,
                    BigDecimal.ZERO);
            made.add(line.withTax(taxGroup, itemTaxGroup, taxes.taxOf(line, taxGroup, itemTaxGroup, h.invoiceDate())));
        }
        return made;
    }

    private Optional<OnAccountTransaction> milestoneOf(ProposalHeader h, StagingRow r, Set<UUID> taken) {
        for (OnAccountTransaction t : onAccount.candidatesForBilledRow(h.dataAreaId(), r.contractLine(), r.currency(),
                r.amount())) {
            // A credit mirrors an invoiced milestone without taking it; an invoice takes one milestone per row.
            if (r.amount().signum() < 0 || taken.add(t.transactionId())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
