package dev.tandem.server.finance;

import dev.tandem.common.TandemException;
import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceError;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The e-invoice of a posted customer invoice or credit note by its number alone, as issue 17 names the address:
 * {@code GET /api/finance/customer-invoices/{invoiceId}/ubl[?legalEntity=]}. Invoice numbers are unique within a legal
 * entity, not across them, so the legal entity is found: the one given, else the one legal entity that posted an
 * invoice of that number. It answers as {@code GET /api/finance/legal-entities/{le}/customer-invoices/{id}/ubl} does
 * (the scoped address, which the other Finance resources share).
 *
 * <p>Errors: 404 {@code NOT_FOUND} when no legal entity posted the invoice (or the one given doesn't exist); 400
 * {@code INVALID_INPUT} when several did and none was given (the detail names them); 422
 * {@code EINVOICE_DATA_MISSING} as for the scoped address.
 */
@RestController
@RequestMapping(FinanceApi.BASE + "/customer-invoices")
public class CustomerInvoiceDocumentController {

    private final Finance finance;
    private final ProposalPostingController scoped;

    public CustomerInvoiceDocumentController(Finance finance, ProposalPostingController scoped) {
        this.finance = finance;
        this.scoped = scoped;
    }

    @GetMapping("/{invoiceId}/ubl")
    ResponseEntity<byte[]> ubl(@PathVariable String invoiceId,
            @RequestParam(name = "legalEntity", required = false) String legalEntity) {
        return scoped.ubl(legalEntityOf(invoiceId, legalEntity), invoiceId);
    }

    private String legalEntityOf(String invoiceId, String given) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        List<String> posting = finance.postingSetup().dataAreaIds().stream().sorted()
                .filter(le -> finance.proposals().customerInvoices().posted(le, invoiceId).isPresent()).toList();
        if (posting.isEmpty()) {
            throw new TandemException(FinanceError.NOT_FOUND, "Customer invoice " + invoiceId + " doesn't exist in any "
                    + "legal entity", Map.of("invoiceId", invoiceId));
        }
        if (posting.size() > 1) {
            throw new TandemException(FinanceError.INVALID_INPUT, "Customer invoice " + invoiceId + " exists in legal "
                    + "entities " + String.join(", ", posting) + ": name one with ?legalEntity=",
                    Map.of("invoiceId", invoiceId, "legalEntities", posting));
        }
        return posting.getFirst();
    }
}
