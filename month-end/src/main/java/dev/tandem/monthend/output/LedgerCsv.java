package dev.tandem.monthend.output;

import dev.tandem.finance.Finance;
import dev.tandem.finance.ledger.GeneralLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The general ledger of a legal entity as CSV (RFC 4180, UTF-8, header row): one row per general journal entry
 * line with its voucher's facts, as Finance publishes them ({@code Finance.generalLedger()}), ordered by voucher then
 * line.
 * Debits are positive, credits negative, so each voucher's {@code amount} sums to zero per {@code currency} and its
 * {@code accounting_amount} sums to zero (DESIGN §4 invariant 3).
 *
 * <p>Columns: {@code voucher}, {@code line}, {@code accounting_date} (ISO), {@code main_account},
 * {@code main_account_name}, {@code description} (the line's), {@code project}, {@code customer_account},
 * {@code currency} (the transaction currency), {@code amount} (in it, at its minor units), {@code accounting_currency},
 * {@code accounting_amount} (at its minor units), {@code exchange_rate} (1 transaction currency in accounting
 * currency), {@code source_type}, {@code source_id}, {@code voucher_description}, {@code reverses_voucher}. Numbers
 * are plain decimals (no exponent, no grouping); absent values are empty fields.
 */
public final class LedgerCsv {

    static final String[] HEADER = {"voucher", "line", "accounting_date", "main_account", "main_account_name",
        "description", "project", "customer_account", "currency", "amount", "accounting_currency", "accounting_amount",
        "exchange_rate", "source_type", "source_id", "voucher_description", "reverses_voucher"};

    private LedgerCsv() {
    }

    /**
     * Writes the general ledger of {@code dataAreaId} to {@code file} (replaced when it exists; its directory must
     * exist). An unknown legal entity has an empty ledger: the header row alone.
     *
     * @return the number of rows written, the header not counted
     * @throws UncheckedIOException naming the file when it can't be written
     */
    public static int write(Finance finance, String dataAreaId, Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).get();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, format)) {
            return finance.generalLedger().forEachEntry(dataAreaId, entry -> print(csv, entry));
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new UncheckedIOException("Could not write the ledger export " + file + ": " + cause.getMessage(),
                    cause);
        }
    }

    private static void print(CSVPrinter csv, GeneralLedger.Entry e) {
        String currency = e.amount().currency();
        String accountingCurrency = e.accountingAmount().currency();
        try {
            csv.printRecord(e.voucher(), e.lineNo(), e.accountingDate(), e.mainAccount(), e.mainAccountName(),
                    e.description(), e.project(), e.customerAccount(), currency,
                    PlainAmounts.money(e.amount().amount(), currency), accountingCurrency,
                    PlainAmounts.money(e.accountingAmount().amount(), accountingCurrency),
                    PlainAmounts.plain(e.exchangeRate()), e.sourceType(), e.sourceId(), e.voucherDescription(),
                    e.reversesVoucher());
        } catch (IOException io) {
            // Out of the ledger's callback; write() names the file.
            throw new UncheckedIOException(io);
        }
    }
}
