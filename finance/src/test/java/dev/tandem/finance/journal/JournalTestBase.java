package dev.tandem.finance.journal;

import dev.tandem.finance.FinanceTestBase;
import dev.tandem.finance.journal.ImportFromStaging.ImportResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Finance world plus helpers to stage actuals, import them and read the ledger, journals and staging rows. */
abstract class JournalTestBase extends FinanceTestBase {

    @SafeVarargs
    final List<UUID> stage(Map<String, Object>... rows) {
        finance.staging().upsert(Arrays.asList(rows));
        return Arrays.stream(rows).map(r -> (UUID) r.get("actualid")).toList();
    }

    ImportResult importAll() {
        return finance.importFromStaging().run(LE);
    }

    IntegrationJournal journal() {
        return finance.integrationJournal();
    }

    JournalLine lineOf(UUID actualId) {
        return journal().lineOfActual(actualId).orElseThrow();
    }

    Map<String, Object> staged(UUID actualId) {
        return jdbc.queryForMap("SELECT * FROM projcdsactualsimport WHERE actualid = ?", actualId);
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    /** Ledger lines of a voucher as "account amountcur currency / accountingamount", in line order. */
    List<String> gl(String voucher) {
        return jdbc.query("SELECT mainaccountid, amountcur, transactioncurrency, accountingamount FROM "
                + "generaljournalentry WHERE voucher = ? ORDER BY lineno", (rs, n) -> rs.getString(1) + " "
                + rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + " " + rs.getString(3).trim() + " / "
                + rs.getBigDecimal(4).stripTrailingZeros().toPlainString(), voucher);
    }

    BigDecimal trialBalanceTotal() {
        return finance.ledger().trialBalance(LE).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
