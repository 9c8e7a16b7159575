package dev.tandem.finance.proposal;

import static dev.tandem.finance.FinanceError.POSTING_SETUP_MISSING;
import static dev.tandem.finance.FinanceError.UNBILLED_NOT_POSTED;

import dev.tandem.common.TandemException;
import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.proposal.ProposalStaging.UnbilledRow;
import dev.tandem.finance.setup.PostingSetup.Profile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The general-ledger lines of a customer invoice posted from a proposal (§9), per line's project cost and revenue
 * profile. Signs: debit +, credit −; amounts in the proposal currency.
 * <ul>
 *   <li>Dr customer balance: line + tax (one line per account, with the customer);</li>
 *   <li>Cr invoiced revenue (hour, expense, item, fee lines), or for on-account lines Cr "WIP invoiced on account"
 *       when the profile accrues revenue (fixed price, completed contract / percentage) else Cr "invoiced revenue on
 *       account" (one line per account and project);</li>
 *   <li>Cr sales tax payable: the line's tax;</li>
 *   <li>for each related unbilled sales row of an hour, expense, item or fee line whose integration journal line
 *       accrued WIP ({@code wipaccrued}: chargeable, under a profile that accrued revenue when it was journalized):
 *       Dr accrued revenue / Cr WIP sales value for the unbilled amount <b>at the unbilled row's own exchange
 *       rate</b>, as the integration journal wrote it back — so the pair reverses the journal's WIP to the cent in the
 *       accounting currency (§9 fixed-rate example, "Apply exchange rates from project subledger"). One pair per
 *       unbilled row, never summed, because the journal converted each row on its own. What the journal did not
 *       accrue is not reversed, whatever the profile says now, so WIP returns to exactly 0.</li>
 * </ul>
 * Revenue, tax and customer balance convert at the invoice's rate. A net-negative proposal (credit note) gives the
 * same lines with the opposite signs. Lines not to be invoiced give nothing.
 */
final class InvoiceVoucher {

    private record Key(String account, String projectId, String customer, String description) {
    }

    private final ProposalHeader header;
    private final BigDecimal rate;
    private final Map<Key, BigDecimal> receivable = new LinkedHashMap<>();
    private final Map<Key, BigDecimal> revenue = new LinkedHashMap<>();
    private List<Ledger.Line> wipReversal = new ArrayList<>();

    /**
     * A voucher built page by page (issue 13: a proposal of 100,000 lines is not held whole): {@link #add} sums a
     * page's customer balance, revenue and tax into the voucher's few lines and gives the page's WIP reversal pairs
     * back at once; {@link #summed} gives the summed lines at the end.
     *
     * @param rate 1 proposal currency in the accounting currency, for revenue, tax and customer balance
     */
    InvoiceVoucher(ProposalHeader header, BigDecimal rate) {
        this.header = header;
        this.rate = rate;
    }

    /**
     * Adds a page of lines (those to be invoiced; the others give nothing).
     *
     * @param profileOf  the profile of a project
     * @param unbilledOf the related unbilled staging rows of a billed actual (empty list when none)
     * @return the page's WIP reversal lines (accrued revenue / WIP sales value pairs), in the order of the lines
     * @throws TandemException POSTING_SETUP_MISSING naming the profile and the missing account; UNBILLED_NOT_POSTED
     *                         when a related unbilled row has no voucher or exchange rate written back
     */
    List<Ledger.Line> add(List<ProposalLine> lines, Function<String, Profile> profileOf,
                          Function<UUID, List<UnbilledRow>> unbilledOf) {
        for (ProposalLine l : lines) {
            if (l.toBeInvoiced()) {
                add(header, l, profileOf.apply(l.projectId()), unbilledOf.apply(l.actualId()));
            }
        }
        List<Ledger.Line> page = wipReversal;
        wipReversal = new ArrayList<>();
        return page;
    }

    /** The summed lines so far: customer balance per account, then revenue and sales tax per account and project. */
    List<Ledger.Line> summed() {
        List<Ledger.Line> out = new ArrayList<>();
        receivable.forEach((k, amount) -> line(out, k, amount));
        revenue.forEach((k, amount) -> line(out, k, amount));
        return out;
    }

    private void add(ProposalHeader h, ProposalLine l, Profile p, List<UnbilledRow> unbilled) {
        String revenueAccount;
        String description;
        if (l.type() == ProposalLineType.ON_ACCOUNT) {
            revenueAccount = require(p.accrueRevenue() ? p.wipOnAccountAccount() : p.onAccountRevenueAccount(), p,
                    p.accrueRevenue() ? "WIP invoiced on account" : "invoiced revenue on account");
            description = p.accrueRevenue() ? "WIP invoiced on account" : "Invoiced revenue on account";
        } else {
            revenueAccount = require(p.invoicedRevenueAccount(), p, "invoiced revenue");
            description = "Invoiced revenue";
        }
        String customerAccount = require(p.customerBalanceAccount(), p, "customer balance");
        receivable.merge(new Key(customerAccount, null, h.invoiceAccount(), "Customer balance"),
                l.lineAmount().add(l.taxAmount()), BigDecimal::add);
        revenue.merge(new Key(revenueAccount, l.projectId(), null, description), l.lineAmount().negate(), BigDecimal::add);
        if (l.taxAmount().signum() != 0) {
            revenue.merge(new Key(require(p.salesTaxPayableAccount(), p, "sales tax payable"), l.projectId(), null,
                    "Sales tax payable"), l.taxAmount().negate(), BigDecimal::add);
        }
        if (l.type().needsPostedUnbilledSales()) {
            for (UnbilledRow u : unbilled) {
                if (p.accrueRevenue() && (!u.posted() || u.exchangeRate() == null)) {
                    throw new TandemException(UNBILLED_NOT_POSTED, "Project transaction hasn't been posted yet: "
                            + "unbilled sales actual " + u.actualId() + " behind line " + l.lineTransId() + " of invoice "
                            + "proposal " + l.proposalId() + " has no voucher and exchange rate from the integration "
                            + "journal, so its WIP can't be reversed", Map.of("unbilledActualId", u.actualId().toString()));
                }
                if (!u.wipAccrued()) {
                    continue;
                }
                wipReversal.add(new Ledger.Line(require(p.accruedRevenueAccount(), p, "accrued revenue"), u.currency(),
                        u.amount(), u.exchangeRate(), l.projectId(), null, "Accrued revenue reversal"));
                wipReversal.add(new Ledger.Line(require(p.wipSalesValueAccount(), p, "WIP sales value"), u.currency(),
                        u.amount().negate(), u.exchangeRate(), l.projectId(), null, "WIP sales value reversal"));
            }
        }
    }

    private void line(List<Ledger.Line> out, Key k, BigDecimal amount) {
        if (amount.signum() != 0) {
            out.add(new Ledger.Line(k.account(), header.currency(), amount, rate, k.projectId(), k.customer(), k.description()));
        }
    }

    private static String require(String account, Profile p, String role) {
        if (account == null) {
            throw new TandemException(POSTING_SETUP_MISSING, "Project cost and revenue profile " + p.profileId()
                    + " has no " + role + " account; set it up before posting invoice proposals (§9)",
                    Map.of("profileId", p.profileId(), "account", role));
        }
        return account;
    }
}
