package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tandem.common.TandemException;
import dev.tandem.finance.Finance;
import dev.tandem.finance.einvoice.EInvoicingSetup;
import dev.tandem.monthend.einvoice.EInvoiceValidation;
import dev.tandem.finance.onaccount.OnAccountTransactions.Milestone;
import dev.tandem.finance.proposal.ProposalHeaders.HeaderInput;
import dev.tandem.finance.proposal.TransactionRelationships.Relationship;
import dev.tandem.finance.proposal.ProposalDataEntities;
import dev.tandem.finance.staging.StagingRow;
import dev.tandem.server.TandemApplication;
import dev.tandem.server.api.Idempotency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Invoice proposals over real HTTP on 127.0.0.1 (§3.9, §3.10, §4.8, §5 steps 10–15, §9, §10, §11 items 16–22): a
 * legal entity set up through the API, the header delivered as the sync would, billed sales staged, "Import lines"
 * refused until the unbilled sales are journalized, tax groups edited, posting into a customer invoice with its
 * voucher, customer transaction and export, the workflow, on-account transactions and {@code Idempotency-Key} on
 * posting; and the rows only table maps create (proposal headers, staged actuals, on-account transactions,
 * transaction relationships) refused to callers with 405 {@code TABLE_MAP_ONLY}, writing nothing. Subclasses supply
 * the databases.
 *
 * <p>Those rows are written by the maps in-process, through the Finance Java API and its data entities, so the test
 * creates them the same way: {@link #header} and {@link #milestone} call the Finance upserts the maps' targets
 * run, {@link #stage} writes staging rows through the data-entity writer, {@link #connect} the relationships. The
 * integration journal is not part of this API either; {@link #journalize} writes back what posting it would (§10
 * item 1).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class)
abstract class FinanceProposalApiContract {

    private static final int TIME = 192350000;
    private static final int EXPENSE = 192350001;
    private static final int MILESTONE = 192350003;
    private static final int FEE = 192350004;
    private static final int CHARGEABLE = 192350001;
    private static final int BILLED_SALES_ROLE = 192350006;
    private static final int UNBILLED_SALES_ROLE = 192350005;
    private static final String CONTRACT = "PC-001";
    private static final String CUSTOMER = "C-001";
    private static final String PROJECT = "P-001";
    private static final LocalDate WORK_DATE = LocalDate.of(2026, 3, 10);

    @LocalServerPort
    private int port;

    @Autowired
    private Finance finance;

    private ApiClient api;
    private String le;
    private String base;

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aProposalIsImportedEditedAndPostedAsACustomerInvoice() {
        legalEntity(false);
        String proposal = proposalId();
        UUID unbilled = stage(StagingRow.UNBILLED_SALES, null, TIME, "8", "150.00", null);
        UUID billedTime = stage(StagingRow.BILLED_SALES, proposal, TIME, "8", "150.00", null);
        UUID billedExpense = stage(StagingRow.BILLED_SALES, proposal, EXPENSE, "1", "300.00", null);
        connect(billedTime, unbilled);

        header(proposal, "2026-03-31");
        JsonNode header = api.get(base + "/invoice-proposals/" + proposal).ok();
        assertThat(header.get("status").get("name").asString()).isEqualTo("OPEN");
        assertThat(header.get("status").get("value").asInt()).isZero();
        assertThat(header.get("workflowStatus").asString()).isEqualTo("DRAFT");
        assertThat(header.get("dueDate").asString()).isEqualTo("2026-04-30");
        assertThat(header.get("totals").get("invoiceAmount").asString()).isEqualTo("0.00");
        header(proposal, "2026-03-31"); // a repeated identical delivery changes nothing
        assertThat(api.get(base + "/invoice-proposals/" + proposal).ok()).isEqualTo(header);

        // §5 step 12: no lines while the related unbilled sales are not journalized; the issue says why.
        JsonNode refused = api.post(base + "/invoice-proposals/" + proposal + "/import-lines").ok();
        assertThat(refused.get("linesImported").asInt()).isZero();
        assertThat(refused.get("issue").get("code").asString()).isEqualTo("UNBILLED_NOT_POSTED");
        assertThat(refused.get("issue").get("message").asString()).contains("hasn't been posted yet");
        JsonNode empty = api.get(base + "/invoice-proposals/" + proposal).ok();
        assertThat(empty.get("lines")).isEmpty();
        assertThat(empty.get("totals").get("invoiceAmount").asString()).isEqualTo("0.00");
        assertThat(empty.get("importIssue").get("code").asString()).isEqualTo("UNBILLED_NOT_POSTED");
        assertThat(api.post(base + "/invoice-proposals/" + proposal + "/post").problem(409, "STATE")
                .get("detail").asString()).contains("no lines", "hasn't been posted yet");

        journalize(unbilled);
        JsonNode imported = api.post(base + "/invoice-proposals/" + proposal + "/import-lines").ok();
        assertThat(imported.get("linesImported").asInt()).isEqualTo(2);
        assertThat(imported.get("issue").isNull()).isTrue();

        JsonNode withLines = api.get(base + "/invoice-proposals/" + proposal).ok();
        assertThat(withLines.get("importIssue").isNull()).isTrue();
        assertThat(withLines.get("lines")).hasSize(2);
        JsonNode hours = line(withLines, "HOUR");
        assertThat(hours.get("actualId").asString()).isEqualTo(billedTime.toString());
        assertThat(hours.get("lineAmount").asString()).isEqualTo("1200.00");
        assertThat(hours.get("quantity").asString()).isEqualTo("8.00");
        assertThat(hours.get("taxGroup").asString()).isEqualTo("STD"); // the customer's (method CUSTOMER)
        assertThat(hours.get("itemTaxGroup").isNull()).isTrue();
        assertThat(hours.get("taxAmount").asString()).isEqualTo("0.00");
        assertThat(line(withLines, "EXPENSE").get("actualId").asString()).isEqualTo(billedExpense.toString());
        assertThat(withLines.get("totals").get("lines").asString()).isEqualTo("1500.00");

        // §11 item 21: only the tax groups of a line change; a field left out keeps its value.
        String hoursLine = base + "/invoice-proposals/" + proposal + "/lines/" + hours.get("lineId").asString();
        JsonNode taxed = api.patch(hoursLine, object("itemTaxGroup", "SERVICES")).ok();
        assertThat(taxed.get("taxGroup").asString()).isEqualTo("STD");
        assertThat(taxed.get("itemTaxGroup").asString()).isEqualTo("SERVICES");
        assertThat(taxed.get("taxAmount").asString()).isEqualTo("228.00");
        api.patch(hoursLine, object("lineAmount", "1.00")).invalidInput("lineAmount");
        api.patch(hoursLine, object()).invalidInput("body");
        api.patch(hoursLine, object("taxGroup", 7)).invalidInput("taxGroup");
        api.patch(base + "/invoice-proposals/" + proposal + "/lines/NOPE", object("taxGroup", "STD"))
                .problem(404, "NOT_FOUND");
        JsonNode totals = api.get(base + "/invoice-proposals/" + proposal).ok().get("totals");
        assertThat(totals.get("lines").asString()).isEqualTo("1500.00");
        assertThat(totals.get("salesTax").asString()).isEqualTo("228.00");
        assertThat(totals.get("invoiceAmount").asString()).isEqualTo("1728.00");
        assertThat(proposalIds("")).containsExactly(proposal);
        assertThat(proposalIds("?status=INVOICED")).isEmpty();
        // Without the workflow, the workflow's actions are refused.
        api.post(base + "/invoice-proposals/" + proposal + "/submit").problem(409, "STATE");

        ApiClient keyed = api.header(Idempotency.HEADER, UUID.randomUUID().toString());
        ApiClient.Reply first = keyed.post(base + "/invoice-proposals/" + proposal + "/post");
        JsonNode invoice = first.ok();
        assertThat(invoice.get("customerInvoiceId").asString()).isEqualTo("CI-000001");
        assertThat(invoice.get("proposalId").asString()).isEqualTo(proposal);
        assertThat(invoice.get("invoiceDate").asString()).isEqualTo("2026-03-31");
        assertThat(invoice.get("accountingDate").asString()).isEqualTo("2026-03-31");
        assertThat(invoice.get("invoiceAmount").asString()).isEqualTo("1728.00");
        assertThat(invoice.get("sumTax").asString()).isEqualTo("228.00");
        assertThat(invoice.get("amountMst").asString()).isEqualTo("1728.00");
        assertThat(invoice.get("creditNote").asBoolean()).isFalse();
        assertThat(invoice.get("exchangeRate").asString()).isEqualTo("1.0000000000"); // USD in a USD legal entity
        String voucher = invoice.get("voucher").asString();
        assertThat(voucher).startsWith("GJ-");

        // The key's replay is the first answer, byte for byte, and posts nothing more.
        ApiClient.Reply replay = keyed.post(base + "/invoice-proposals/" + proposal + "/post");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
        assertThat(replay.body()).isEqualTo(first.body());
        // Without the key (or with another), posting again is refused.
        api.post(base + "/invoice-proposals/" + proposal + "/post").problem(409, "POSTED_READ_ONLY");
        api.header(Idempotency.HEADER, UUID.randomUUID().toString())
                .post(base + "/invoice-proposals/" + proposal + "/post").problem(409, "POSTED_READ_ONLY");

        // The voucher balances; AR is the invoice total (§9).
        JsonNode posted = api.get(base + "/vouchers/" + voucher).ok();
        assertThat(sum(posted, "amount")).isEqualByComparingTo("0");
        assertThat(sum(posted, "accountingAmount")).isEqualByComparingTo("0");
        assertThat(amountOn(posted, "110000")).isEqualByComparingTo("1728.00");
        assertThat(amountOn(posted, "401000")).isEqualByComparingTo("-1500.00");
        assertThat(amountOn(posted, "220000")).isEqualByComparingTo("-228.00");
        JsonNode trialBalance = api.get(base + "/trial-balance").ok();
        assertThat(trialBalance.get("accounts").get("110000").asString()).isEqualTo("1728.00");
        assertThat(trialBalance.get("total").asString()).isEqualTo("0.00");

        JsonNode exported = api.get(base + "/customer-invoices").ok();
        assertThat(exported.get("total").asLong()).isOne();
        JsonNode export = exported.get("items").get(0);
        assertThat(export.get("customerInvoiceId").asString()).isEqualTo("CI-000001");
        assertThat(export.get("proposalId").asString()).isEqualTo(proposal);
        assertThat(export.get("invoiceAmount").asString()).isEqualTo("1728.00");
        assertThat(export.get("invoiceAmountMst").asString()).isEqualTo("1728.00");
        assertThat(export.get("sumTax").asString()).isEqualTo("228.00");
        assertThat(export.get("status").asString()).isEqualTo("Posted");
        assertThat(export.get("voucher").asString()).isEqualTo(voucher);

        JsonNode invoiced = api.get(base + "/invoice-proposals/" + proposal).ok();
        assertThat(invoiced.get("status").get("name").asString()).isEqualTo("INVOICED");
        assertThat(invoiced.get("customerInvoiceId").asString()).isEqualTo("CI-000001");
        assertThat(invoiced.get("ledgerVoucher").asString()).isEqualTo(voucher);
        assertThat(proposalIds("?status=INVOICED")).containsExactly(proposal);
        // §10 item 3: the billed actuals' staging rows carry the voucher back to Project Operations.
        assertThat(stagingVoucher(billedTime)).isEqualTo(voucher);
        assertThat(stagingVoucher(billedExpense)).isEqualTo(voucher);
        // Posted proposals don't change.
        api.patch(hoursLine, object("taxGroup", null)).problem(409, "POSTED_READ_ONLY");
        api.post(base + "/invoice-proposals/" + proposal + "/delete-all-lines").problem(409, "POSTED_READ_ONLY");
        assertThat(financeCode(() -> header(proposal, "2026-03-30"))).isEqualTo("POSTED_READ_ONLY");
    }

    /**
     * Issue 17: {@code GET …/customer-invoices/{id}/ubl} answers the posted invoice's e-invoice as application/xml,
     * conformant to Peppol BIS Billing 3.0 (validated here with the official rules); before the legal entity has its
     * seller details it answers 422 EINVOICE_DATA_MISSING saying so, and 404 for an unknown invoice.
     */
    @Test
    void thePostedInvoicesEInvoiceIsServedAsUbl() {
        aProposalIsImportedEditedAndPostedAsACustomerInvoice();
        api.get(base + "/customer-invoices/CI-000001/ubl").problem(422, "EINVOICE_DATA_MISSING");
        finance.eInvoicing().setSeller(le, new EInvoicingSetup.Seller(new EInvoicingSetup.Address(
                "Friedrichstraße 123", null, "Berlin", "10117", "DE"), "DE123456789", null, new EInvoicingSetup.Endpoint(
                "9930", "DE123456789"), new EInvoicingSetup.Contact("Anna Weber", "+49 30 1234567",
                "billing@example.test"), new EInvoicingSetup.PaymentMeans("58", "DE89370400440532013000", null, null)));
        finance.eInvoicing().setBuyer(le, CUSTOMER, new EInvoicingSetup.Buyer(new EInvoicingSetup.Address(
                "1 Main Street", null, "Springfield", "12345", "US"), null, new EInvoicingSetup.Endpoint("0060",
                "123456789"), null, new EInvoicingSetup.VatTreatment("Z", null, null)));

        ApiClient.Reply reply = api.get(base + "/customer-invoices/CI-000001/ubl");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(reply.headers().firstValue("Content-Disposition").orElseThrow()).contains("CI-000001.xml");
        assertThat(reply.body()).contains("<cbc:ID>CI-000001</cbc:ID>").contains("application/pdf");
        EInvoiceValidation.Result result = EInvoiceValidation.validate(reply.body().getBytes(
                java.nio.charset.StandardCharsets.UTF_8), false);
        assertThat(result.errors()).as(result.errors().toString()).isEmpty();
        api.get(base + "/customer-invoices/CI-999999/ubl").problem(404, "NOT_FOUND");

        // The address, by the number alone: the one legal entity that posted it is found.
        ApiClient.Reply unscoped = api.get("/customer-invoices/CI-000001/ubl");
        assertThat(unscoped.status()).as(unscoped.body()).isEqualTo(200);
        assertThat(unscoped.body()).contains("<cbc:ID>CI-000001</cbc:ID>");
        assertThat(api.get("/customer-invoices/CI-000001/ubl?legalEntity=" + le).status()).isEqualTo(200);
        api.get("/customer-invoices/CI-999999/ubl").problem(404, "NOT_FOUND");
        api.get("/customer-invoices/CI-000001/ubl?legalEntity=NOPE").problem(404, "NOT_FOUND");
    }

    @Test
    void postingIntoAClosedPeriodPostsNothingAndUsesNoNumber() {
        legalEntity(false);
        String proposal = proposalId();
        UUID billed = stage(StagingRow.BILLED_SALES, proposal, FEE, "1", "500.00", null);
        header(proposal, "2026-02-27");
        assertThat(api.post(base + "/invoice-proposals/" + proposal + "/import-lines").ok().get("linesImported")
                .asInt()).isOne();
        api.put(base + "/periods/2026-02-01/status", object("status", "CLOSED")).noContent();
        String key = UUID.randomUUID().toString();

        JsonNode closed = api.header(Idempotency.HEADER, key).post(base + "/invoice-proposals/" + proposal + "/post")
                .problem(422, "PERIOD_CLOSED");

        assertThat(closed.get("detail").asString()).startsWith("No open fiscal period was found for 2026-02-27");
        JsonNode still = api.get(base + "/invoice-proposals/" + proposal).ok();
        assertThat(still.get("status").get("name").asString()).isEqualTo("OPEN");
        assertThat(still.get("customerInvoiceId").isNull()).isTrue();
        assertThat(api.get(base + "/customer-invoices").ok().get("total").asLong()).isZero();
        assertThat(api.get(base + "/trial-balance").ok().get("accounts")).isEmpty();
        assertThat(stagingVoucher(billed)).isNull();

        // A refusal is not stored under the key: once the period is open, the same key posts, with the first number.
        api.put(base + "/periods/2026-02-01/status", object("status", "OPEN")).noContent();
        JsonNode invoice = api.header(Idempotency.HEADER, key).post(base + "/invoice-proposals/" + proposal + "/post")
                .ok();
        assertThat(invoice.get("customerInvoiceId").asString()).isEqualTo("CI-000001");
        // The fee line's item sales tax group is not defaulted (docs/finance.md), so it carries no tax.
        assertThat(invoice.get("invoiceAmount").asString()).isEqualTo("500.00");
    }

    @Test
    void theWorkflowDecidesWhenAProposalIsPosted() {
        legalEntity(true);
        String proposal = proposalId();
        stage(StagingRow.BILLED_SALES, proposal, FEE, "2", "100.00", null);
        header(proposal, "2026-03-31");
        String path = base + "/invoice-proposals/" + proposal;
        api.post(path + "/submit").problem(409, "STATE"); // no lines yet
        assertThat(api.post(path + "/import-lines").ok().get("linesImported").asInt()).isOne();

        // §11 item 22: only an approved proposal is posted; the problem names the proposal's status.
        JsonNode notApproved = api.post(path + "/post").problem(409, "STATE");
        assertThat(notApproved.get("proposalId").asString()).isEqualTo(proposal);
        assertThat(notApproved.get("proposalStatus").asString()).isEqualTo("Open");
        assertThat(notApproved.get("workflowStatus").asString()).isEqualTo("DRAFT");
        assertThat(workflow(api.post(path + "/submit").ok())).isEqualTo("SUBMITTED/SUBMITTED");
        String lineId = api.get(path).ok().get("lines").get(0).get("lineId").asString();
        api.patch(path + "/lines/" + lineId, object("taxGroup", null)).problem(409, "STATE");
        api.post(path + "/delete-all-lines").problem(409, "STATE");
        assertThat(workflow(api.post(path + "/request-change").ok())).isEqualTo("OPEN/CHANGE_REQUESTED");

        // "Delete all lines" releases the staging rows; the next import makes the line again.
        JsonNode deleted = api.post(path + "/delete-all-lines").ok();
        assertThat(deleted.get("linesDeleted").asInt()).isOne();
        assertThat(api.get(path).ok().get("totals").get("invoiceAmount").asString()).isEqualTo("0.00");
        assertThat(api.post(path + "/import-lines").ok().get("linesImported").asInt()).isOne();

        assertThat(workflow(api.post(path + "/submit").ok())).isEqualTo("SUBMITTED/SUBMITTED");
        assertThat(workflow(api.post(path + "/reject").ok())).isEqualTo("REJECTED/REJECTED");
        api.post(path + "/approve").problem(409, "STATE");
        assertThat(workflow(api.post(path + "/reset").ok())).isEqualTo("OPEN/DRAFT");
        api.post(path + "/submit").ok();
        assertThat(workflow(api.post(path + "/approve").ok())).isEqualTo("APPROVED/APPROVED");
        assertThat(proposalIds("?status=APPROVED")).containsExactly(proposal);

        JsonNode invoice = api.post(path + "/post").ok();
        assertThat(invoice.get("invoiceAmount").asString()).isEqualTo("200.00");
        api.post(path + "/reset").problem(409, "POSTED_READ_ONLY");
        // §11 item 16: integrated proposals are not deleted in Finance, posted or not.
        refused(api.delete(path), "GET");
        assertThat(api.get(path).ok().get("status").get("name").asString()).isEqualTo("INVOICED");
    }

    @Test
    void onAccountTransactionsKeepTheirTaxGroupsUntilAProposalUsesThem() {
        legalEntity(false);
        UUID contractLine = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        String path = base + "/on-account-transactions/" + milestone;

        milestone(milestone, contractLine);
        JsonNode listed = api.get(base + "/on-account-transactions?contractId=" + CONTRACT).ok();
        assertThat(listed.get("total").asLong()).isOne();
        JsonNode created = listed.get("items").get(0);
        assertThat(created.get("transactionId").asString()).isEqualTo(milestone.toString());
        assertThat(created.get("taxGroup").asString()).isEqualTo("STD"); // the project's customer's
        assertThat(created.get("amount").asString()).isEqualTo("1000.00");
        assertThat(api.patch(path, object("itemTaxGroup", "SERVICES")).ok().get("itemTaxGroup").asString())
                .isEqualTo("SERVICES");
        api.patch(path, object("amount", "1.00")).invalidInput("amount");
        api.patch("/legal-entities/NOPE/on-account-transactions/" + milestone, object("taxGroup", null))
                .problem(404, "NOT_FOUND");

        String proposal = proposalId();
        stage(StagingRow.BILLED_SALES, proposal, MILESTONE, "1", "1000.00", contractLine);
        header(proposal, "2026-03-31");
        assertThat(api.post(base + "/invoice-proposals/" + proposal + "/import-lines").ok().get("linesImported")
                .asInt()).isOne();
        JsonNode onAccountLine = api.get(base + "/invoice-proposals/" + proposal).ok().get("lines").get(0);
        assertThat(onAccountLine.get("type").asString()).isEqualTo("ON_ACCOUNT");
        assertThat(onAccountLine.get("onAccountTransactionId").asString()).isEqualTo(milestone.toString());
        assertThat(onAccountLine.get("itemTaxGroup").asString()).isEqualTo("SERVICES");
        assertThat(onAccountLine.get("taxAmount").asString()).isEqualTo("190.00");

        // §3.10: editable "up until the Project invoice proposal is created".
        api.patch(path, object("taxGroup", null)).problem(409, "STATE");
        assertThat(api.get(base + "/on-account-transactions").ok().get("items").get(0).get("proposalId").asString())
                .isEqualTo(proposal);
        JsonNode invoice = api.post(base + "/invoice-proposals/" + proposal + "/post").ok();
        assertThat(invoice.get("invoiceAmount").asString()).isEqualTo("1190.00");
        assertThat(amountOn(api.get(base + "/vouchers/" + invoice.get("voucher").asString()).ok(), "401200"))
                .isEqualByComparingTo("-1000.00");
    }

    @Test
    void headerDeliveriesAreRefusedByFinanceRules() {
        legalEntity(false);
        String proposal = proposalId();
        assertThat(financeCode(() -> finance.proposals().headers().upsertHeader(new HeaderInput(proposal, le,
                CONTRACT, null, "C-404", "USD", LocalDate.of(2026, 3, 31), null, false, null))))
                .isEqualTo("CUSTOMER_NOT_FOUND");
        assertThat(financeCode(() -> finance.proposals().headers().upsertHeader(new HeaderInput(proposal, le,
                CONTRACT, null, CUSTOMER, "ZZZ", LocalDate.of(2026, 3, 31), null, false, null))))
                .isEqualTo("INVALID_INPUT");
        api.get(base + "/invoice-proposals/" + proposal).problem(404, "NOT_FOUND");
        api.post(base + "/invoice-proposals/" + proposal + "/import-lines").problem(404, "NOT_FOUND");
        api.post(base + "/invoice-proposals/" + proposal + "/post").problem(404, "NOT_FOUND");
        api.get("/legal-entities/NOPE/invoice-proposals").problem(404, "NOT_FOUND");
        api.get(base + "/invoice-proposals?status=LOST").invalidInput("status");
        api.get(base + "/invoice-proposals?size=0").invalidInput("size");

        // Contract, customer and currency are fixed once the proposal has lines.
        stage(StagingRow.BILLED_SALES, proposal, FEE, "1", "10.00", null);
        header(proposal, "2026-03-31");
        api.post(base + "/invoice-proposals/" + proposal + "/import-lines").ok();
        assertThat(financeCode(() -> finance.proposals().headers().upsertHeader(new HeaderInput(proposal, le,
                "PC-OTHER", null, CUSTOMER, "USD", LocalDate.of(2026, 3, 31), null, false, null))))
                .isEqualTo("STATE");
        header(proposal, "2026-03-20");
        assertThat(api.get(base + "/invoice-proposals/" + proposal).ok().get("dueDate").asString())
                .isEqualTo("2026-04-19");
    }

    /**
     * DESIGN §1, §11 item 16: proposal headers, staged actuals, on-account transactions and transaction relationships
     * are created by table maps only. Every create, replace or delete through the API is 405 {@code TABLE_MAP_ONLY}
     * with the rule's text and an {@code Allow} header, reads nothing of the body, and writes nothing: the row counts
     * and the rows stay as they were. Reading and the accountant's actions stay (the other tests).
     */
    @Test
    void rowsOnlyTableMapsCreateAreReadOnlyForCallers() {
        legalEntity(false);
        String proposal = proposalId();
        UUID contractLine = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        UUID unbilled = stage(StagingRow.UNBILLED_SALES, null, TIME, "8", "150.00", null);
        UUID billed = stage(StagingRow.BILLED_SALES, proposal, TIME, "8", "150.00", null);
        connect(billed, unbilled);
        header(proposal, "2026-03-31");
        milestone(milestone, contractLine);
        Map<String, Integer> before = counts();
        String proposalPath = base + "/invoice-proposals/" + proposal;
        JsonNode proposalBefore = api.get(proposalPath).ok();
        JsonNode onAccountBefore = api.get(base + "/on-account-transactions").ok();
        Map<String, Object> headerBody = object("contractId", CONTRACT, "invoiceAccount", CUSTOMER, "currency", "USD",
                "invoiceDate", "2026-03-01");

        // Invoice proposal headers: no create, no replace, no delete — of a new proposal or of an existing one.
        String newProposal = proposalId();
        JsonNode created = refused(api.put(base + "/invoice-proposals/" + newProposal, headerBody), "GET");
        assertThat(created.get("detail").asString()).isEqualTo("Invoice proposal " + newProposal + " of legal entity "
                + le + " can't be created or changed here: invoice proposals are created by the table map 'Project "
                + "invoice proposals V2 (invoices)' when Project Operations confirms a proforma invoice; creating or "
                + "deleting them in Finance isn't supported (§11 item 16). Correct the proforma invoice in Project "
                + "Operations.");
        assertThat(created.get("entity").asString()).isEqualTo("invoice proposal");
        assertThat(created.get("id").asString()).isEqualTo(newProposal);
        assertThat(created.get("map").asString()).isEqualTo("invoices");
        assertThat(created.get("mapName").asString()).isEqualTo("Project invoice proposals V2 (invoices)");
        refused(api.put(proposalPath, headerBody), "GET");
        refused(api.put(proposalPath, "not even JSON"), "GET");
        assertThat(refused(api.delete(proposalPath), "GET").get("detail").asString())
                .startsWith("Invoice proposal " + proposal + " of legal entity " + le + " can't be deleted here: ")
                .contains("(§11 item 16)");
        refused(api.post(base + "/invoice-proposals", headerBody), "GET");
        api.get(base + "/invoice-proposals/" + newProposal).problem(404, "NOT_FOUND");
        assertThat(api.get(proposalPath).ok()).isEqualTo(proposalBefore);

        // Actuals staging (ProjCDSActualsImport): written by the actuals map only.
        Map<String, Object> row = object("actualid", UUID.randomUUID().toString(), "projectdataareaid", le,
                "projectid", PROJECT, "contractid", CONTRACT, "transtype", StagingRow.COST, "transactionclassification",
                TIME, "billingtype", CHARGEABLE, "quantity", "8", "unitprice", "100", "amount", "800.00",
                "transactioncurrencyid", "USD", "documentdate", "2026-03-10");
        JsonNode staged = refused(api.post("/staging/actuals", List.of(row)));
        assertThat(staged.get("detail").asString()).contains("Actuals staging (ProjCDSActualsImport) can't be written "
                + "here", "'Project Operations integration actuals (msdyn_actuals)'", "DESIGN §1", "§11 rule 8",
                "Correct the work entry or the invoice in Project Operations.");
        assertThat(staged.get("map").asString()).isEqualTo("msdyn_actuals");
        refused(api.put("/staging/actuals", List.of(row)));
        refused(api.delete("/staging/actuals"));

        // On-account transactions: the milestones map creates them; Finance edits their tax groups only.
        String onAccountPath = base + "/on-account-transactions/" + milestone;
        Map<String, Object> milestoneBody = object("projectId", PROJECT, "contractId", CONTRACT, "contractLine",
                contractLine, "currency", "USD", "description", "Changed", "invoiceDate", "2026-03-16", "amount",
                "1.00", "status", 192350001);
        JsonNode onAccount = refused(api.put(onAccountPath, milestoneBody), "PATCH");
        assertThat(onAccount.get("detail").asString()).startsWith("On-account transaction " + milestone
                + " of legal entity " + le + " can't be created or replaced here: on-account transactions are created "
                + "by the table map 'Project Operations integration contract line milestones "
                + "(msdyn_contractlinescheduleofvalues)'").endsWith("Correct the milestone in Project Operations.");
        refused(api.put(base + "/on-account-transactions/" + UUID.randomUUID(), milestoneBody), "PATCH");
        refused(api.delete(onAccountPath), "PATCH");
        refused(api.post(base + "/on-account-transactions", milestoneBody), "GET");
        assertThat(api.get(base + "/on-account-transactions").ok()).isEqualTo(onAccountBefore);

        // Transaction relationships: the transaction connections map creates them.
        List<Map<String, Object>> connection = List.of(object("connectionId", UUID.randomUUID(), "transaction1Id",
                billed, "transaction1Role", BILLED_SALES_ROLE, "transaction1Type", "msdyn_actual", "transaction2Id",
                UUID.randomUUID(), "transaction2Role", UNBILLED_SALES_ROLE, "transaction2Type", "msdyn_actual"));
        JsonNode relationships = refused(api.post("/transaction-relationships", connection));
        assertThat(relationships.get("detail").asString()).contains("Transaction relationships can't be written here",
                "'Integration entity for project transaction relationships (msdyn_transactionconnections)'");
        refused(api.put("/transaction-relationships", connection));
        refused(api.delete("/transaction-relationships"));

        assertThat(counts()).isEqualTo(before);
        // The rows the maps delivered still work: the proposal imports its line once the unbilled sales are posted.
        journalize(unbilled);
        assertThat(api.post(proposalPath + "/import-lines").ok().get("linesImported").asInt()).isOne();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * A legal entity with everything posting needs, through the API: open periods for 2026, accounts, 19 % VAT in
     * sales tax group STD (the customer's) and item sales tax group SERVICES, customer C-001 (30 days), project P-001
     * of contract PC-001 in group TM with a profile without accrued revenue, line properties from billing types, and
     * number sequences (proposal numbers supplied by Project Operations, §11 item 17).
     */
    @Test
    void importAndTheIntegrationJournalOverHttp() {
        legalEntity(false);
        created(api.post(base + "/number-sequences", object("code", "journal", "prefix", "PIJ-", "width", 6)));
        UUID cost = UUID.randomUUID();
        Map<String, Object> row = object("actualid", cost, "projectdataareaid", le, "projectid", PROJECT,
                "contractid", CONTRACT, "transtype", 192350000, "transactionclassification", 192350000,
                "billingtype", CHARGEABLE, "quantity", "8", "unitprice", "100", "amount", "800.00",
                "transactioncurrencyid", "USD", "documentdate", "2026-03-10");
        Map<String, Object> stranger = new LinkedHashMap<>(row);
        stranger.put("actualid", UUID.randomUUID());
        stranger.put("customeraccountnumber", "NOBODY");

        // The actuals map's delivery, in-process (the API refuses it): one bad row refuses the whole delivery.
        Throwable refused = catchThrowable(() -> finance.staging().upsert(List.of(row, stranger)));
        assertThat(refused).isInstanceOf(TandemException.class).hasMessageContaining("NOBODY");
        assertThat(((TandemException) refused).errorCode().code()).isEqualTo("CUSTOMER_NOT_FOUND");
        assertThat(finance.context().jdbc().queryForObject("SELECT COUNT(*) FROM projcdsactualsimport WHERE "
                + "projectdataareaid = ?", Integer.class, le)).isZero();

        assertThat(finance.staging().upsert(List.of(row)).inserted()).isEqualTo(1);
        assertThat(api.post(base + "/import-from-staging").ok().get("lines").asInt()).isEqualTo(1);
        JsonNode journals = api.get(base + "/integration-journals?status=DRAFT").ok();
        assertThat(journals).hasSize(1);
        String journalId = journals.get(0).get("journalId").asString();
        assertThat(api.get(base + "/integration-journals/" + journalId + "/lines").ok().get("total").asLong())
                .isEqualTo(1);

        JsonNode posted = api.post(base + "/integration-journals/" + journalId + "/post").ok();
        assertThat(posted.get("status").asString()).isEqualTo("POSTED");
        JsonNode voucher = api.get(base + "/vouchers/" + stagingVoucher(cost)).ok();
        assertThat(amountOn(voucher, "600100")).isEqualByComparingTo("800");
        assertThat(amountOn(voucher, "600900")).isEqualByComparingTo("-800");
    }

    /**
     * Posting a journal and reversing its voucher with an {@code Idempotency-Key} (issue 14, finding 10): a repeat
     * answers the first answer and posts or reverses nothing more; without the key's protection a repeated reversal
     * would be a second refusal at best.
     */
    @Test
    void postingAJournalAndReversingItsVoucherWithAKeyHappenOnce() {
        legalEntity(false);
        created(api.post(base + "/number-sequences", object("code", "journal", "prefix", "PIJ-", "width", 6)));
        UUID cost = UUID.randomUUID();
        assertThat(finance.staging().upsert(List.of(object("actualid", cost, "projectdataareaid", le, "projectid",
                PROJECT, "contractid", CONTRACT, "transtype", 192350000, "transactionclassification", 192350000,
                "billingtype", CHARGEABLE, "quantity", "8", "unitprice", "100", "amount", "800.00",
                "transactioncurrencyid", "USD", "documentdate", "2026-03-10"))).inserted()).isEqualTo(1);
        ApiClient imported = api.header(Idempotency.HEADER, "import-" + le);
        JsonNode lines = imported.post(base + "/import-from-staging").ok();
        assertThat(imported.post(base + "/import-from-staging").ok()).isEqualTo(lines);
        String journalId = api.get(base + "/integration-journals?status=DRAFT").ok().get(0).get("journalId")
                .asString();

        ApiClient post = api.header(Idempotency.HEADER, "post-" + journalId + "-" + le);
        ApiClient.Reply posted = post.post(base + "/integration-journals/" + journalId + "/post");
        ApiClient.Reply again = post.post(base + "/integration-journals/" + journalId + "/post");
        assertThat(posted.ok().get("status").asString()).isEqualTo("POSTED");
        assertThat(again.body()).isEqualTo(posted.body());
        assertThat(again.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");

        String voucher = stagingVoucher(cost);
        long vouchers = vouchers();
        ApiClient reverse = api.header(Idempotency.HEADER, "reverse-" + voucher + "-" + le);
        Map<String, Object> reversal = object("date", "2026-03-20", "description", "Correction");
        ApiClient.Reply reversed = reverse.post(base + "/vouchers/" + voucher + "/reverse", reversal);
        ApiClient.Reply replayed = reverse.post(base + "/vouchers/" + voucher + "/reverse", reversal);
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(reversed.body());
        assertThat(replayed.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
        assertThat(vouchers()).isEqualTo(vouchers + 1);
        reverse.post(base + "/vouchers/" + voucher + "/reverse", object("date", "2026-03-21", "description",
                "Correction")).problem(422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(vouchers()).isEqualTo(vouchers + 1);
    }

    private long vouchers() {
        Long n = finance.context().jdbc().queryForObject("SELECT COUNT(*) FROM ledgervoucher WHERE dataareaid = ?",
                Long.class, le);
        return n == null ? 0 : n;
    }

    private void legalEntity(boolean workflow) {
        api = ApiClient.of(port, "/api/finance");
        le = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        base = "/legal-entities/" + le;
        created(api.post("/legal-entities", object("dataAreaId", le, "name", "Contoso", "accountingCurrency", "USD",
                "taxGroupMethod", "CUSTOMER", "proposalWorkflow", workflow, "roundingAccount", "999999")));
        created(api.post(base + "/periods", object("firstMonth", "2026-01-01", "months", 12)));
        for (String[] a : new String[][] {{"110000", "Customer balance", "ASSET"}, {"401000", "Invoiced revenue",
                "REVENUE"}, {"401200", "Invoiced revenue on account", "REVENUE"}, {"140200", "WIP invoiced on account",
                "LIABILITY"}, {"220000", "Sales tax payable", "LIABILITY"}, {"600100", "Project cost", "EXPENSE"},
                {"600900", "Payroll allocation", "EXPENSE"}, {"999999", "Rounding", "EXPENSE"}}) {
            created(api.post(base + "/main-accounts", object("mainAccountId", a[0], "name", a[1], "accountType", a[2])));
        }
        created(api.post(base + "/sales-tax-codes", object("taxCode", "VAT", "name", "VAT 19 %", "values",
                List.of(object("validFrom", "2025-01-01", "ratePercent", "19")))));
        created(api.post(base + "/sales-tax-groups", object("taxGroup", "STD", "name", "Standard", "taxCodes",
                List.of("VAT"))));
        created(api.post(base + "/item-sales-tax-groups", object("taxGroup", "SERVICES", "name", "Services",
                "taxCodes", List.of("VAT"))));
        created(api.post(base + "/customers", object("accountNum", CUSTOMER, "name", "Fabrikam", "group", "10",
                "paymentTermDays", 30, "currency", "USD", "taxGroup", "STD")));
        created(api.post(base + "/project-groups", object("projectGroupId", "TM", "name", "Time and material")));
        created(api.post(base + "/projects", object("projectId", PROJECT, "name", "ERP rollout", "projectGroupId", "TM",
                "contractId", CONTRACT, "customerAccount", CUSTOMER)));
        created(api.post(base + "/profiles", object("profileId", "TM", "name", "T&M, no WIP", "accrueRevenue", false,
                "costAccount", "600100", "costOffsetAccount", "600900", "invoicedRevenueAccount", "401000",
                "onAccountRevenueAccount", "401200", "wipOnAccountAccount", "140200", "customerBalanceAccount", "110000",
                "salesTaxPayableAccount", "220000")));
        created(api.post(base + "/profile-rules", object("level", "PROJECT_GROUP", "key", "TM", "profileId", "TM")));
        created(api.post(base + "/line-properties", object("linePropertyId", "Chargeable", "name", "Chargeable",
                "toBeInvoiced", true, "billingTypes", List.of(CHARGEABLE))));
        created(api.post(base + "/number-sequences", object("code", "voucher", "prefix", "GJ-", "width", 6)));
        created(api.post(base + "/number-sequences", object("code", "proposal", "prefix", "PP-", "width", 6,
                "allowManual", true)));
        created(api.post(base + "/number-sequences", object("code", "custinvoice", "prefix", "CI-", "width", 6)));
    }

    private static void created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /** Proposal ids are unique across legal entities (they are Dataverse invoice numbers). */
    private static String proposalId() {
        return "INV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /**
     * The header as the "Project invoice proposals V2" map delivers it: through the Finance upsert its target runs,
     * in-process (the API refuses it, §11 item 16).
     */
    private void header(String proposalId, String invoiceDate) {
        finance.proposals().headers().upsertHeader(new HeaderInput(proposalId, le, CONTRACT, null, CUSTOMER, "USD",
                LocalDate.parse(invoiceDate), "Proforma " + proposalId, false, null));
    }

    /** A Ready milestone of 1,000.00 as the contract line milestones map delivers it (§3.10, §7.2). */
    private void milestone(UUID milestoneId, UUID contractLine) {
        finance.proposals().onAccountTransactions().upsert(new Milestone(milestoneId, le, PROJECT, CONTRACT,
                contractLine, "USD", "Design sign-off", LocalDate.of(2026, 3, 15), new BigDecimal("1000.00"),
                192350001));
    }

    /** The Billed Sales ↔ Unbilled Sales connection as the transaction connections map delivers it (§3.6). */
    private void connect(UUID billed, UUID unbilled) {
        finance.proposals().relationships().upsert(List.of(new Relationship(UUID.randomUUID(), billed,
                BILLED_SALES_ROLE, "msdyn_actual", unbilled, UNBILLED_SALES_ROLE, "msdyn_actual")));
    }

    /** The code of the Finance refusal {@code call} throws. */
    private static String financeCode(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(TandemException.class);
        return ((TandemException) thrown).errorCode().code();
    }

    /** Asserts 405 {@code TABLE_MAP_ONLY} with an {@code Allow} header of exactly {@code allow}; answers the problem. */
    private static JsonNode refused(ApiClient.Reply reply, String... allow) {
        JsonNode problem = reply.problem(405, "TABLE_MAP_ONLY");
        assertThat(problem.get("title").asString()).isEqualTo("Only a table map creates these rows");
        List<String> allowed = new ArrayList<>();
        reply.headers().allValues("Allow").forEach(v -> {
            for (String m : v.split(",")) {
                if (!m.isBlank()) {
                    allowed.add(m.trim());
                }
            }
        });
        assertThat(allowed).as(reply.headers().map().toString()).containsExactlyInAnyOrder(allow);
        return problem;
    }

    /** Rows of the four map-owned tables of this test's legal entity (relationships have none: all of them). */
    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("projproposaljour", count("SELECT COUNT(*) FROM projproposaljour WHERE dataareaid = ?", le));
        counts.put("projcdsactualsimport", count("SELECT COUNT(*) FROM projcdsactualsimport WHERE projectdataareaid = ?",
                le));
        counts.put("projonacctrans", count("SELECT COUNT(*) FROM projonacctrans WHERE dataareaid = ?", le));
        counts.put("projcdstransactionrelationshipimport",
                count("SELECT COUNT(*) FROM projcdstransactionrelationshipimport"));
        return counts;
    }

    private int count(String sql, Object... args) {
        return finance.context().jdbc().queryForObject(sql, Integer.class, args);
    }

    /**
     * An actual as the actuals map delivers it into staging (§3.7): a chargeable row of project P-001 in USD, billed
     * on proforma {@code invoiceId} or unbilled ({@code invoiceId} null).
     */
    private UUID stage(int transType, String invoiceId, int classification, String quantity, String price,
                       UUID contractLine) {
        UUID actual = UUID.randomUUID();
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal p = new BigDecimal(price);
        OffsetDateTime now = OffsetDateTime.of(2026, 3, 31, 8, 0, 0, 0, ZoneOffset.UTC);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("actualsimportid", UUID.randomUUID());
        row.put("actualid", actual);
        row.put("amount", q.multiply(p).setScale(2));
        row.put("quantity", q);
        row.put("unitprice", p);
        row.put("documentdate", WORK_DATE);
        row.put("accountingdate", WORK_DATE);
        row.put("projectid", PROJECT);
        row.put("projectdataareaid", le);
        row.put("contractid", CONTRACT);
        row.put("contractline", contractLine);
        row.put("transactioncurrencyid", "USD");
        row.put("transtype", transType);
        row.put("transactionclassification", classification);
        row.put("billingtype", CHARGEABLE);
        row.put("invoiceid", invoiceId);
        row.put("description", "Work " + actual);
        row.put("isprocessed", false);
        row.put("isduplicate", false);
        row.put("isjournalized", false);
        row.put("integrationcount", 0);
        row.put("createdon", now);
        row.put("createdby", "dual-write");
        row.put("modifiedon", now);
        row.put("modifiedby", "dual-write");
        finance.context().inTransaction(() -> finance.context().writer().insert(ProposalDataEntities.ACTUALS_STAGING,
                List.of(row)));
        return actual;
    }

    /** What posting the integration journal writes back to an unbilled row (§10 item 1), at rate 1. */
    private void journalize(UUID unbilled) {
        BigDecimal amount = finance.context().jdbc().queryForObject("SELECT amount FROM projcdsactualsimport WHERE "
                + "actualid = ?", BigDecimal.class, unbilled);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("vouchernumber", "PIJ-" + unbilled.toString().substring(0, 8));
        values.put("exchangerate", BigDecimal.ONE);
        values.put("accountingamount", amount);
        values.put("isprocessed", true);
        values.put("isjournalized", true);
        finance.context().inTransaction(() -> {
            finance.context().writer().update(ProposalDataEntities.ACTUALS_STAGING, List.of(unbilled), values);
        });
    }

    private String stagingVoucher(UUID actual) {
        return finance.context().jdbc().queryForObject("SELECT vouchernumber FROM projcdsactualsimport WHERE "
                + "actualid = ?", String.class, actual);
    }

    private List<String> proposalIds(String query) {
        List<String> ids = new ArrayList<>();
        api.get(base + "/invoice-proposals" + query).ok().get("items").forEach(p -> ids.add(p.get("proposalId")
                .asString()));
        return ids;
    }

    private static JsonNode line(JsonNode proposal, String type) {
        for (JsonNode l : proposal.get("lines")) {
            if (l.get("type").asString().equals(type)) {
                return l;
            }
        }
        throw new AssertionError("no " + type + " line in " + proposal);
    }

    private static String workflow(JsonNode header) {
        return header.get("status").get("name").asString() + "/" + header.get("workflowStatus").asString();
    }

    private static BigDecimal sum(JsonNode voucher, String field) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode l : voucher.get("lines")) {
            sum = sum.add(new BigDecimal(l.get(field).asString()));
        }
        return sum;
    }

    private static BigDecimal amountOn(JsonNode voucher, String account) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode l : voucher.get("lines")) {
            if (l.get("mainAccount").asString().equals(account)) {
                sum = sum.add(new BigDecimal(l.get("amount").asString()));
            }
        }
        return sum;
    }
}
