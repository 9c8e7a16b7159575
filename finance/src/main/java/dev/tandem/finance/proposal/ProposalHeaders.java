package dev.tandem.finance.proposal;

import static dev.tandem.finance.FinanceError.CUSTOMER_NOT_FOUND;
import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.NOT_FOUND;
import static dev.tandem.finance.FinanceError.STATE;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.PostingSetup;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Invoice proposal headers (§3.9, §5 step 10, §7.3). A header arrives by sync when Project Operations confirms a
 * proforma invoice: {@link #upsertHeader} creates it (Open, 0.00) or applies a repeated delivery, idempotently by
 * proposal id. Finance itself neither creates nor deletes integrated proposals (§11 item 16): there is no other way
 * in, and {@link #delete} is refused.
 *
 * <p>The proposal id is the proforma invoice number, so the legal entity's PROPOSAL number sequence must allow
 * supplied numbers, lower and higher (§11 item 17). Due date = invoice date + the customer's payment days.
 */
public final class ProposalHeaders {

    private final FinanceContext ctx;
    private final PostingSetup setup;
    private final NumberSequences numbers;

    public ProposalHeaders(FinanceContext ctx, PostingSetup setup, NumberSequences numbers) {
        this.ctx = ctx;
        this.setup = setup;
        this.numbers = numbers;
    }

    /**
     * What the "Project invoice proposals V2" map delivers (§7.3, inferred mapping): invoice number → proposal id,
     * contract number → contract, contract customer → funding source and invoice account, currency, invoice date,
     * description, Project Operations' credit-note flag and, optionally, the proforma's detail amount
     * (totallineitemamount: chargeable lines before tax, in the currency; {@code null} when not delivered).
     */
    public record HeaderInput(String proposalId, String dataAreaId, String contractId, String fundingSource,
                              String invoiceAccount, String currency, LocalDate invoiceDate, String description,
                              boolean creditNote, BigDecimal expectedAmount) {
    }

    /**
     * Creates the header if absent, else applies the delivery to it. A repeated identical delivery changes nothing;
     * a delivery that changes an invoiced proposal is refused; contract, customer and currency can't change once
     * the proposal has lines.
     *
     * @throws TandemException INVALID_INPUT for a missing field or unknown currency; NOT_FOUND for an unknown legal
     *                         entity; CUSTOMER_NOT_FOUND naming the customer; POSTING_SETUP_MISSING when the
     *                         proposal number sequence doesn't allow supplied numbers; POSTED_READ_ONLY; STATE
     */
    public ProposalHeader upsertHeader(HeaderInput in) {
        validate(in);
        return ctx.inTransaction(() -> {
            setup.legalEntity(in.dataAreaId());
            int paymentDays = customerPaymentDays(in.proposalId(), in.dataAreaId(), in.invoiceAccount());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("projinvoiceprojid", in.contractId());
            values.put("fundingsource", in.fundingSource() == null ? in.invoiceAccount() : in.fundingSource());
            values.put("invoiceaccount", in.invoiceAccount());
            values.put("currencyid", in.currency());
            values.put("invoicedate", in.invoiceDate());
            values.put("duedate", in.invoiceDate().plusDays(paymentDays));
            values.put("description", in.description());
            values.put("expectedamount", in.expectedAmount());
            Optional<ProposalHeader> existing = lock(in.proposalId());
            if (existing.isEmpty()) {
                numbers.supplied(in.dataAreaId(), NumberSequences.PROPOSAL, in.proposalId());
                Map<String, Object> row = new LinkedHashMap<>(values);
                row.put("proposalid", in.proposalId());
                row.put("dataareaid", in.dataAreaId());
                row.put("status", ProposalStatus.OPEN.value());
                row.put("workflowstatus", WorkflowStatus.DRAFT.name());
                row.put("invoiceamount", BigDecimal.ZERO);
                row.put("sumtax", BigDecimal.ZERO);
                row.put("onaccountamount", BigDecimal.ZERO);
                row.put("iscreditnote", in.creditNote());
                row.putAll(ctx.created());
                ctx.writer().insert(ProposalDataEntities.PROPOSAL_HEADERS, List.of(row));
                return header(in.dataAreaId(), in.proposalId());
            }
            ProposalHeader h = existing.get();
            if (!h.dataAreaId().equals(in.dataAreaId())) {
                throw new TandemException(STATE, "Invoice proposal " + in.proposalId() + " belongs to legal entity "
                        + h.dataAreaId() + ", not " + in.dataAreaId());
            }
            if (sameAs(h, values)) {
                return h;
            }
            ProposalRules.requireNotPosted(h, "changing it by sync");
            boolean partiesChange = !h.contractId().equals(in.contractId())
                    || !h.invoiceAccount().equals(in.invoiceAccount()) || !h.currency().equals(in.currency());
            if (partiesChange && lineCount(h.proposalId()) > 0) {
                throw new TandemException(STATE, "Invoice proposal " + h.proposalId() + " has lines; its contract, "
                        + "customer and currency can't change", ProposalRules.props(h));
            }
            update(h.proposalId(), values);
            return header(in.dataAreaId(), in.proposalId());
        });
    }

    /**
     * Deleting an integrated proposal in Finance is not supported (§11 item 16): always refused. Its lines can be
     * removed with "Delete all lines".
     *
     * @throws TandemException STATE naming the rule; NOT_FOUND
     */
    public void delete(String dataAreaId, String proposalId) {
        ProposalHeader h = header(dataAreaId, proposalId);
        throw new TandemException(STATE, "Invoice proposal " + h.proposalId() + " comes from Project Operations; "
                + "deleting integrated proposals in Finance isn't supported (§11 item 16). Use \"Delete all lines\" "
                + "to remove its lines", ProposalRules.props(h));
    }

    /** @throws TandemException NOT_FOUND naming the proposal and legal entity */
    public ProposalHeader header(String dataAreaId, String proposalId) {
        return find(proposalId).filter(h -> h.dataAreaId().equals(dataAreaId))
                .orElseThrow(() -> notFound(dataAreaId, proposalId));
    }

    public Optional<ProposalHeader> find(String proposalId) {
        return ctx.jdbc().query("SELECT * FROM projproposaljour WHERE proposalid = ?", ProposalHeader::map, proposalId)
                .stream().findFirst();
    }

    /**
     * A page of a legal entity's invoice proposals, by proposal id.
     *
     * @param status     only proposals of this status; {@code null} for all
     * @param contractId only proposals of this project contract; {@code null} for all
     * @param page       0-based page number
     * @param size       proposals per page
     */
    public List<ProposalHeader> page(String dataAreaId, ProposalStatus status, String contractId, int page, int size) {
        Filter f = filter(dataAreaId, status, contractId);
        List<Object> args = new ArrayList<>(f.args());
        args.add(size);
        args.add((long) page * size);
        return ctx.jdbc().query("SELECT * FROM projproposaljour WHERE " + f.where() + " ORDER BY proposalid LIMIT ? "
                + "OFFSET ?", ProposalHeader::map, args.toArray());
    }

    /** How many proposals {@link #page} pages through with the same filter. */
    public long count(String dataAreaId, ProposalStatus status, String contractId) {
        Filter f = filter(dataAreaId, status, contractId);
        Long n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM projproposaljour WHERE " + f.where(), Long.class,
                f.args().toArray());
        return n == null ? 0 : n;
    }

    /** A WHERE clause and its arguments. */
    private record Filter(String where, List<Object> args) {
    }

    private static Filter filter(String dataAreaId, ProposalStatus status, String contractId) {
        StringBuilder where = new StringBuilder("dataareaid = ?");
        List<Object> args = new ArrayList<>(List.of(dataAreaId));
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status.value());
        }
        if (contractId != null) {
            where.append(" AND projinvoiceprojid = ?");
            args.add(contractId);
        }
        return new Filter(where.toString(), args);
    }

    /**
     * Locks the header row ({@code FOR UPDATE}) in the caller's transaction, so imports, edits and posting of one
     * proposal run one after the other.
     */
    Optional<ProposalHeader> lock(String proposalId) {
        return ctx.jdbc().query("SELECT * FROM projproposaljour WHERE proposalid = ? FOR UPDATE", ProposalHeader::map,
                proposalId).stream().findFirst();
    }

    /**
     * Locks a legal entity's proposal header ({@code FOR UPDATE}) in the caller's transaction, as the proposal's
     * imports, edits and posting do first: a caller that reads fields and writes them back (a partial update) does
     * so under the lock, so two such updates of one proposal can't undo each other.
     *
     * @throws TandemException NOT_FOUND when the legal entity has no such proposal
     */
    public ProposalHeader lock(String dataAreaId, String proposalId) {
        return lock(proposalId).filter(h -> h.dataAreaId().equals(dataAreaId))
                .orElseThrow(() -> notFound(dataAreaId, proposalId));
    }

    /** Updates header fields through the data-entity write path (audit fields added). */
    void update(String proposalId, Map<String, Object> values) {
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.putAll(ctx.modified());
        ctx.writer().update(ProposalDataEntities.PROPOSAL_HEADERS, List.of(proposalId), all);
    }

    /**
     * Stores the totals of these lines on the header; once it has lines, a net-negative proposal is a credit note
     * (before that, Project Operations' flag stands).
     */
    void refreshTotals(String proposalId, List<ProposalLine> lines) {
        ProposalTotals totals = ProposalTotals.of(lines);
        Map<String, Object> values = totals.headerValues();
        if (!lines.isEmpty()) {
            values.put("iscreditnote", totals.invoiceAmount().signum() < 0);
        }
        update(proposalId, values);
    }

    private int lineCount(String proposalId) {
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM projproposalline WHERE proposalid = ?",
                Integer.class, proposalId);
        return n == null ? 0 : n;
    }

    private int customerPaymentDays(String proposalId, String dataAreaId, String customer) {
        List<Integer> days = ctx.jdbc().queryForList("SELECT paymtermdays FROM custtable WHERE dataareaid = ? AND "
                + "accountnum = ?", Integer.class, dataAreaId, customer);
        if (days.isEmpty()) {
            throw new TandemException(CUSTOMER_NOT_FOUND, "Invoice proposal " + proposalId + ": customer " + customer
                    + " doesn't exist in legal entity " + dataAreaId + "; the invoice proposal can't be created",
                    Map.of("proposalId", proposalId, "customer", customer, "dataAreaId", dataAreaId));
        }
        return days.get(0);
    }

    private static boolean sameAs(ProposalHeader h, Map<String, Object> v) {
        return h.contractId().equals(v.get("projinvoiceprojid")) && h.fundingSource().equals(v.get("fundingsource"))
                && h.invoiceAccount().equals(v.get("invoiceaccount")) && h.currency().equals(v.get("currencyid"))
                && h.invoiceDate().equals(v.get("invoicedate")) && h.dueDate().equals(v.get("duedate"))
                && Objects.equals(h.description(), v.get("description"))
                && (h.expectedAmount() == null ? v.get("expectedamount") == null : v.get("expectedamount") != null
                && h.expectedAmount().compareTo((BigDecimal) v.get("expectedamount")) == 0);
    }

    private static void validate(HeaderInput in) {
        List<String> missing = new ArrayList<>();
        if (blank(in.proposalId())) {
            missing.add("proposal id");
        }
        if (blank(in.dataAreaId())) {
            missing.add("legal entity");
        }
        if (blank(in.contractId())) {
            missing.add("contract");
        }
        if (blank(in.invoiceAccount())) {
            missing.add("customer");
        }
        if (blank(in.currency())) {
            missing.add("currency");
        }
        if (in.invoiceDate() == null) {
            missing.add("invoice date");
        }
        if (!missing.isEmpty()) {
            throw new TandemException(INVALID_INPUT, "Invoice proposal " + in.proposalId() + " lacks "
                    + String.join(", ", missing));
        }
        try {
            Money.minorUnits(in.currency());
        } catch (IllegalArgumentException e) {
            throw new TandemException(INVALID_INPUT, "Invoice proposal " + in.proposalId() + ": unknown currency "
                    + in.currency() + " (ISO 4217 code expected)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static TandemException notFound(String dataAreaId, String proposalId) {
        return new TandemException(NOT_FOUND, "Invoice proposal " + proposalId + " doesn't exist in legal entity "
                + dataAreaId, Map.of("proposalId", proposalId, "dataAreaId", dataAreaId));
    }
}
