package dev.tandem.server.operations;

import dev.tandem.common.Page;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.invoicing.InvoiceRecords.ManualDetailInput;
import dev.tandem.operations.invoicing.Invoicing;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.operations.InvoiceViews.LineDetailView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoice line details (§3.4): list an invoice's, read one, edit one on a draft, delete one from a draft (what it
 * billed goes back to the backlog). Which fields a detail accepts depends on its line's billing method: Time and
 * Material takes billing type, quantity, price, tax, description and external description; Fixed Price all but
 * quantity and price (422 {@code FIELD_NOT_EDITABLE} naming the field). A transaction classification other than the
 * detail's is 422 {@code CLASSIFICATION_CHANGE} (§11 rule 6); a milestone on a corrective invoice is credited in full
 * only, 422 {@code MILESTONE_PARTIAL_CREDIT}; a detail of a confirmed invoice is 409 {@code INVOICE_READ_ONLY}
 * (§11 rule 4). Amounts are in the invoice's currency; quantities in hours or units.
 */
@RestController
@RequestMapping(OperationsApi.BASE)
public class InvoiceLineDetailController {

    private final Invoicing invoicing;

    public InvoiceLineDetailController(ProjectOperations operations) {
        this.invoicing = operations.invoicing();
    }

    /**
     * Changes to a draft's line detail; an absent or {@code null} field is left as it is (fields can't be cleared).
     * A Time and Material detail's amount becomes quantity × price, rounded to the currency's minor units.
     */
    record DetailEditRequest(BillingType billingType, @Digits(integer = 13, fraction = 6) BigDecimal quantity,
                             @Digits(integer = 13, fraction = 6) BigDecimal price,
                             @Digits(integer = 13, fraction = 6) BigDecimal tax, @Size(max = 500) String description,
                             @Size(max = 500) String externalDescription,
                             TransactionClassification transactionClassification) {

        DetailEdit edit() {
            return new DetailEdit(billingType, quantity, price, tax, description, externalDescription,
                    transactionClassification);
        }
    }

    /** The invoice's line details by document date, paged in the database (invoices may have 20,000 of them). */
    @GetMapping("/invoices/{invoiceId}/line-details")
    Page<LineDetailView> details(@PathVariable UUID invoiceId, PageRequest page) {
        invoicing.store().invoice(invoiceId);
        return page.toPage(invoicing.store().details(invoiceId, page.page(), page.size()).stream()
                .map(LineDetailView::of).toList(), invoicing.store().countDetails(invoiceId));
    }

    /**
     * A line detail added by hand to a draft ([D:ADD]); quantity in hours or units, price per unit in the invoice's
     * currency. On confirmation it creates the actuals of §6 "Manually added ILD".
     */
    record ManualDetailRequest(@NotNull UUID contractLineId, @NotNull TransactionClassification transactionClassification,
                               @NotNull LocalDate date, @NotNull @Digits(integer = 13, fraction = 6) BigDecimal quantity,
                               @NotNull @Digits(integer = 13, fraction = 6) BigDecimal price,
                               @Digits(integer = 13, fraction = 6) BigDecimal tax, BillingType billingType, UUID roleId,
                               UUID categoryId, UUID productId, @Size(max = 500) String description,
                               @Size(max = 500) String externalDescription) {

        ManualDetailInput input() {
            return new ManualDetailInput(contractLineId, transactionClassification, date, quantity, price, tax, billingType,
                    roleId, categoryId, productId, description, externalDescription);
        }
    }

    /** Adds a line detail by hand to a draft; answers 201 with the detail. */
    @PostMapping("/invoices/{invoiceId}/line-details")
    ResponseEntity<LineDetailView> addManual(@PathVariable UUID invoiceId, @Valid @RequestBody ManualDetailRequest body) {
        LineDetailView view = LineDetailView.of(invoicing.drafts().addManualDetail(invoiceId, body.input()));
        return ResponseEntity.created(dev.tandem.server.api.Locations.of(OperationsApi.BASE + "/invoice-line-details",
                        view.id().toString()))
                .body(view);
    }

    @GetMapping("/invoice-line-details/{detailId}")
    LineDetailView detail(@PathVariable UUID detailId) {
        return LineDetailView.of(invoicing.store().detail(detailId));
    }

    /** Edits a draft's line detail and recalculates the line and invoice totals; answers the detail. */
    @PatchMapping("/invoice-line-details/{detailId}")
    LineDetailView edit(@PathVariable UUID detailId, @Valid @RequestBody DetailEditRequest body) {
        return LineDetailView.of(invoicing.drafts().edit(detailId, body.edit()));
    }

    /** Removes a line detail from a draft; its actual or milestone goes back to the backlog. */
    @DeleteMapping("/invoice-line-details/{detailId}")
    ResponseEntity<Void> delete(@PathVariable UUID detailId) {
        invoicing.drafts().deleteDetail(detailId);
        return ResponseEntity.noContent().build();
    }
}
