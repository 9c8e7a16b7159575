package dev.tandem.operations.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.ActualRow;
import dev.tandem.operations.actuals.TransactionConnectionRow;
import dev.tandem.operations.invoicing.InvoiceLineDetailRow;
import dev.tandem.operations.invoicing.InvoiceLineRow;
import dev.tandem.operations.invoicing.InvoiceRow;
import org.junit.jupiter.api.Test;

/**
 * Each typed row record holds exactly its data entity's fields (issue 12 point 2): a column added to the
 * {@code DataEntityDefinition} and not to the record, or the reverse, fails here. Order matters too, since the
 * record is the one written list of the entity's fields.
 */
class RowRecordsMatchEntitiesTest {

    @Test
    void actualRowHoldsTheFieldsOfMsdynActuals() {
        assertThat(ActualRow.ROWS.fields()).containsExactlyElementsOf(OperationsDataEntities.ACTUALS.fields());
    }

    @Test
    void invoiceRowHoldsTheFieldsOfInvoices() {
        assertThat(InvoiceRow.ROWS.fields()).containsExactlyElementsOf(OperationsDataEntities.INVOICES.fields());
    }

    @Test
    void invoiceLineRowHoldsTheFieldsOfInvoiceDetails() {
        assertThat(InvoiceLineRow.ROWS.fields()).containsExactlyElementsOf(OperationsDataEntities.INVOICE_LINES.fields());
    }

    @Test
    void invoiceLineDetailRowHoldsTheFieldsOfInvoiceLineTransactions() {
        assertThat(InvoiceLineDetailRow.ROWS.fields())
                .containsExactlyElementsOf(OperationsDataEntities.INVOICE_LINE_DETAILS.fields());
    }

    @Test
    void transactionConnectionRowHoldsTheFieldsOfTransactionConnections() {
        assertThat(TransactionConnectionRow.ROWS.fields())
                .containsExactlyElementsOf(OperationsDataEntities.TRANSACTION_CONNECTIONS.fields());
    }
}
