package dev.tandem.server.web;

import dev.tandem.monthend.output.InvoiceContent;
import dev.tandem.monthend.output.InvoiceDocument;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.operations.invoicing.InvoiceStore;
import dev.tandem.operations.masterdata.MasterDataTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The PDF of a proforma invoice (§4.1) as the project manager views and downloads it: Project Operations' invoice laid
 * out by the same {@link InvoiceDocument} as Finance's posted customer invoices. The seller is the contract's
 * contracting unit; one row per line detail, in the editor's order (document date, then id), grouped under its
 * invoice line (the contract line), with its date, the resource of the actual it bills, and a description: its
 * external description, else its description, else its transaction class, with its project, and its chargeability
 * when it isn't chargeable (§3.4: such a detail is on the invoice at no amount). The totals are the
 * invoice's own (line details, tax, total in the invoice currency, §3.4 recomputes them on each edit); nothing is
 * recomputed here.
 *
 * <p>The document says it is a proforma invoice and not a tax invoice: the customer invoice is posted in Finance
 * (§5 step 15). A draft or an invoice in review says so too, since its amounts may still change.
 */
@Component
class ProformaDocuments {

    /** Line details read per query: a 100,000-detail invoice is read in keyset pages, not at once. */
    private static final int READ_PAGE = 1_000;

    private final ProjectOperations operations;

    ProformaDocuments(ProjectOperations operations) {
        this.operations = operations;
    }

    /**
     * The PDF of proforma invoice {@code invoiceId}.
     *
     * @throws dev.tandem.common.TandemException NOT_FOUND when the invoice doesn't exist
     * @throws UncheckedIOException when the document could not be made
     */
    byte[] pdf(UUID invoiceId) {
        InvoiceStore store = operations.invoicing().store();
        Invoice invoice = store.invoice(invoiceId);
        try {
            return InvoiceDocument.bytes(content(store, invoice));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the PDF of proforma invoice " + invoice.number() + ": "
                    + e.getMessage(), e);
        }
    }

    private InvoiceContent content(InvoiceStore store, Invoice invoice) {
        PageNames names = new PageNames(operations);
        Contract contract = operations.contracts().findContract(invoice.contractId()).orElse(null);
        String seller = contract == null || contract.contractingUnitId() == null ? "Proforma invoice"
                : Objects.toString(operations.masterData().get(MasterDataTable.ORGANIZATIONAL_UNITS,
                        contract.contractingUnitId()).get("msdyn_name"), "Proforma invoice");
        List<String> facts = new ArrayList<>();
        facts.add("Proforma invoice number: " + invoice.number());
        facts.add("Invoice date: " + (invoice.invoiceDate() == null ? "not set" : invoice.invoiceDate()));
        facts.add("Status: " + invoice.status().label());
        facts.add("Project contract: " + names.contract(invoice.contractId()));
        if (invoice.correctedInvoiceId() != null) {
            facts.add("Corrects: " + store.invoice(invoice.correctedInvoiceId()).number());
        }
        facts.add("Currency: " + invoice.currency());
        java.util.Map<UUID, String> lineNames = new java.util.HashMap<>();
        store.lines(invoice.id()).forEach(l -> lineNames.put(l.id(), l.name()));
        List<InvoiceContent.Row> rows = new ArrayList<>();
        LineDetail last = null;
        for (List<LineDetail> page = store.detailsAfter(invoice.id(), null, READ_PAGE); !page.isEmpty();
                page = store.detailsAfter(invoice.id(), last, READ_PAGE)) {
            java.util.Map<UUID, UUID> resourceOf = new java.util.HashMap<>();
            operations.actuals().actuals(page.stream().map(LineDetail::sourceActualId).filter(Objects::nonNull)
                    .toList()).forEach(a -> {
                        if (a.resourceId() != null) {
                            resourceOf.put(a.id(), a.resourceId());
                        }
                    });
            for (LineDetail detail : page) {
                UUID resource = detail.sourceActualId() == null ? null : resourceOf.get(detail.sourceActualId());
                rows.add(new InvoiceContent.Row(lineNames.get(detail.lineId()), detail.documentDate(),
                        describe(detail, names), resource == null ? null : names.resource(resource),
                        detail.classification() == dev.tandem.operations.actuals.TransactionClassification.TIME
                                ? "h" : "pc", detail.quantity(), detail.price(), detail.amount()));
            }
            last = page.getLast();
        }
        boolean settled = invoice.status() == InvoiceStatus.CONFIRMED;
        String title = invoice.creditNote() ? "Corrective proforma invoice" : "Proforma invoice";
        String note = settled ? "Proforma invoice: not a tax invoice. The customer invoice follows from Finance."
                : "Draft (" + invoice.status().label() + "): amounts may change until the invoice is confirmed.";
        return new InvoiceContent(seller, List.of(), title, invoice.number(), facts,
                List.of(names.customer(invoice.customerId())), invoice.currency(), rows, invoice.detailAmount(),
                List.of(), invoice.totalTax(), invoice.totalAmount(), List.of(), note);
    }

    private static String describe(LineDetail detail, PageNames names) {
        String text = firstPresent(detail.externalDescription(), detail.description(),
                detail.classification() == null ? null : detail.classification().label());
        StringBuilder s = new StringBuilder(text == null ? "" : text);
        String project = names.project(detail.projectId());
        if (!project.isEmpty()) {
            s.append(" · ").append(project);
        }
        if (detail.billingType() != null && detail.billingType() != BillingType.CHARGEABLE) {
            s.append(" (").append(detail.billingType().label()).append(')');
        }
        return s.toString();
    }

    private static String firstPresent(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
