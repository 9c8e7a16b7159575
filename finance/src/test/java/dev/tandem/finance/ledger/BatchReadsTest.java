package dev.tandem.finance.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.Money;
import dev.tandem.finance.FinanceTestBase;
import dev.tandem.finance.ledger.GeneralLedger.Entry;
import dev.tandem.finance.ledger.Ledger.Draft;
import dev.tandem.finance.ledger.Ledger.Line;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reads Finance publishes for batch callers such as the month-end job: the general ledger line by line with
 * amounts in their currencies, voucher counts, the legal entity's name, which customers exist, open proposals. On H2
 * and PostgreSQL (the base class runs each test on both).
 */
class BatchReadsTest extends FinanceTestBase {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static Line line(String account, String currency, String amount, String rate) {
        return new Line(account, currency, new BigDecimal(amount), new BigDecimal(rate), "P-001", null, null);
    }

    @Test
    void theGeneralLedgerIsHandedOverLineByLineInVoucherOrderWithAmountsInTheirCurrencies() {
        finance.ledger().post(new Draft(LE, DAY, "Time", "test", "1", List.of(
                line("600100", "EUR", "100.00", "1.1"), line("600900", "EUR", "-100.00", "1.1"))));
        finance.ledger().post(new Draft(LE, DAY, "More time", "test", "2", List.of(
                line("600100", "USD", "5.00", "1"), line("600900", "USD", "-5.00", "1"))));
        List<Entry> entries = new ArrayList<>();

        int count = finance.generalLedger().forEachEntry(LE, entries::add);

        assertThat(count).isEqualTo(4);
        assertThat(entries).extracting(Entry::voucher).containsExactly("GJ-000001", "GJ-000001", "GJ-000002",
                "GJ-000002");
        Entry first = entries.getFirst();
        assertThat(first.lineNo()).isEqualTo(1);
        assertThat(first.accountingDate()).isEqualTo(DAY);
        assertThat(first.mainAccount()).isEqualTo("600100");
        assertThat(first.mainAccountName()).isEqualTo("Project cost");
        assertThat(first.amount().currency()).isEqualTo("EUR");
        assertThat(first.amount().amount()).isEqualByComparingTo("100.00");
        assertThat(first.accountingAmount().currency()).isEqualTo("USD");
        assertThat(first.accountingAmount().amount()).isEqualByComparingTo("110.00");
        assertThat(first.exchangeRate()).isEqualByComparingTo("1.1");
        assertThat(first.sourceType()).isEqualTo("test");
        assertThat(first.voucherDescription()).isEqualTo("Time");
        assertThat(entries.stream().map(Entry::accountingAmount).map(Money::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isZero();
        assertThat(finance.generalLedger().vouchers(LE)).isEqualTo(new GeneralLedger.VoucherCount(2, 0));
    }

    /**
     * Issue 13: PostgreSQL's driver reads a result in pieces of the statement's fetch size only inside a transaction;
     * outside one it reads all of it first, and the general-ledger export of a million-row month end (about 6 M lines)
     * ran a 1 GB heap out. Each line is handed over inside a transaction.
     */
    @Test
    void theLedgerIsHandedOverFromAStreamingQuery() {
        finance.ledger().post(new Draft(LE, DAY, "Time", "test", "1", List.of(
                line("600100", "EUR", "100.00", "1.1"), line("600900", "EUR", "-100.00", "1.1"))));
        List<Boolean> inTransaction = new ArrayList<>();

        finance.generalLedger().forEachEntry(LE, e -> inTransaction.add(org.springframework.transaction.support
                .TransactionSynchronizationManager.isActualTransactionActive()));

        assertThat(inTransaction).containsExactly(true, true);
    }

    @Test
    void anUnknownLegalEntityHasNoLedgerNoNameAndNoCustomers() {
        assertThat(finance.generalLedger().forEachEntry("XXXX", e -> { })).isZero();
        assertThat(finance.generalLedger().vouchers("XXXX")).isEqualTo(new GeneralLedger.VoucherCount(0, 0));
        assertThat(finance.setupLookup().legalEntityName("XXXX")).isEmpty();
        assertThat(finance.setupLookup().legalEntityExists("XXXX")).isFalse();
        assertThat(finance.setupLookup().existingCustomers("XXXX", List.of(CUSTOMER))).isEmpty();
    }

    @Test
    void theSetupIsFoundByKeyAndCustomersInBulk() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2_100; i++) {
            numbers.add("C-9" + i);
        }
        numbers.add(CUSTOMER);

        assertThat(finance.setupLookup().legalEntityName(LE)).contains("Contoso USA");
        assertThat(finance.setupLookup().legalEntityExists(LE)).isTrue();
        assertThat(finance.setupLookup().existingCustomers(LE, numbers)).containsExactly(CUSTOMER);
        assertThat(finance.proposalQueries().open(LE)).isEmpty();
        assertThat(finance.proposalQueries().countByStatus(LE)).isEmpty();
    }
}
