package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsError;
import dev.tandem.operations.actuals.TransactionType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two users at once, with real threads and connections (on PostgreSQL and on H2): the invoice and contract row
 * locks make the second action wait for the first and then see its result.
 */
class InvoicingConcurrencyTest extends InvoicingTestBase {

    @BeforeEach
    void confirmContract() {
        ops.contracts().confirm(contract);
    }

    @RepeatedTest(3)
    void twoConfirmsOfTheSameInvoiceExactlyOneSucceeds() throws Exception {
        readyTime("8");
        UUID invoiceId = invoiceContract();

        List<Outcome> outcomes = race(() -> invoicing().confirmation().confirm(invoiceId));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement().satisfies(o -> {
            assertThat(o.error().errorCode()).isEqualTo(OperationsError.INVOICE_STATUS);
            assertThat(o.error().detail()).contains("already Confirmed");
        });
        assertThat(actuals(type(TransactionType.BILLED_SALES))).hasSize(1);
        assertThat(invoicing().store().invoice(invoiceId).status()).isEqualTo(InvoiceStatus.CONFIRMED);
    }

    @RepeatedTest(3)
    void twoCreationsForOneContractPutEachActualOnAtMostOneDraft() throws Exception {
        for (int i = 0; i < 20; i++) {
            readyTime("1.5");
        }

        List<Outcome> outcomes = race(() -> invoicing().creation().createForContract(contract, INVOICE_DATE).size());

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
                .satisfies(o -> assertThat(o.error().errorCode()).isEqualTo(OperationsError.NOTHING_TO_INVOICE));
        assertThat(count("invoice")).isEqualTo(1);
        assertThat(count("msdyn_invoicelinetransaction")).isEqualTo(20);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT tdm_sourceactual) FROM msdyn_invoicelinetransaction",
                Integer.class)).isEqualTo(20);
    }

    private record Outcome(boolean succeeded, TandemException error) {
    }

    /** Runs the action on two threads released at the same moment. */
    private static List<Outcome> race(Callable<?> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        action.call();
                        return new Outcome(true, null);
                    } catch (TandemException e) {
                        return new Outcome(false, e);
                    }
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
