package dev.tandem.monthend.output;

import dev.tandem.finance.Finance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The general ledger of a legal entity as CSV (RFC 4180, UTF-8, header row): one row per general journal entry
 * line ({@code generaljournalentry}) with its voucher's facts ({@code ledgervoucher}), ordered by voucher then line.
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
        int[] rows = {0};
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, format)) {
            finance.context().jdbc().query("SELECT g.voucher, g.lineno, g.accountingdate, g.mainaccountid, m.name, "
                    + "g.description, g.projid, g.custaccount, g.transactioncurrency, g.amountcur, le.accountingcurrency, "
                    + "g.accountingamount, g.exchangerate, v.sourcetype, v.sourceid, v.description AS voucherdescription, "
                    + "v.reversesvoucher FROM generaljournalentry g "
                    + "JOIN ledgervoucher v ON v.dataareaid = g.dataareaid AND v.voucher = g.voucher "
                    + "JOIN mainaccount m ON m.dataareaid = g.dataareaid AND m.mainaccountid = g.mainaccountid "
                    + "JOIN legal_entity le ON le.dataareaid = g.dataareaid "
                    + "WHERE g.dataareaid = ? ORDER BY g.voucher, g.lineno", rs -> {
                        print(csv, rs);
                        rows[0]++;
                    }, dataAreaId);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new UncheckedIOException("Could not write the ledger export " + file + ": " + cause.getMessage(),
                    cause);
        }
        return rows[0];
    }

    private static void print(CSVPrinter csv, ResultSet rs) throws SQLException {
        String currency = rs.getString("transactioncurrency").trim();
        String accountingCurrency = rs.getString("accountingcurrency").trim();
        BigDecimal rate = rs.getBigDecimal("exchangerate");
        try {
            csv.printRecord(rs.getString("voucher"), rs.getInt("lineno"), rs.getObject("accountingdate", LocalDate.class),
                    rs.getString("mainaccountid"), rs.getString("name"), rs.getString("description"),
                    rs.getString("projid"), rs.getString("custaccount"), currency,
                    PlainAmounts.money(rs.getBigDecimal("amountcur"), currency), accountingCurrency,
                    PlainAmounts.money(rs.getBigDecimal("accountingamount"), accountingCurrency),
                    PlainAmounts.plain(rate), rs.getString("sourcetype"), rs.getString("sourceid"),
                    rs.getString("voucherdescription"), rs.getString("reversesvoucher"));
        } catch (IOException e) {
            // Out of the row callback, which may throw SQLException only; write() names the file.
            throw new UncheckedIOException(e);
        }
    }
}
