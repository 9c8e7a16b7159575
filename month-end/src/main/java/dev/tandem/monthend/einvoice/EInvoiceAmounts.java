package dev.tandem.monthend.einvoice;

import dev.tandem.common.Money;
import dev.tandem.finance.einvoice.EInvoiceSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The amounts of an e-invoice, computed in this one place from what Finance posted ({@link EInvoiceSource}) so that
 * EN 16931's sum rules hold exactly: the invoice lines' net amounts (BT-131) sum to the sum of line net amounts
 * (BT-106, BR-CO-10); each VAT breakdown's taxable amount (BT-116) is the sum of its lines' net amounts (BR-S-08,
 * BR-Z-08, BR-E-08, BR-AE-08, BR-G-08, BR-O-08 …) and its tax (BT-117) the sum of the tax Finance posted for them,
 * which Finance calculated on the invoice's totals, one rounding per tax code (BR-CO-17); the total VAT (BT-110) is
 * the sum of the breakdowns' (BR-CO-14); total without VAT (BT-109) = BT-106 as there are no document allowances or
 * charges (BR-CO-13); total with VAT (BT-112) = BT-109 + BT-110 (BR-CO-15); amount due (BT-115) = BT-112 (BR-CO-16).
 * Nothing is rounded except the VAT in the accounting currency (BT-111), rounded once by {@link Money}.
 *
 * <p>All amounts are in the invoice currency at its minor units (scale 2 for EUR and USD) except
 * {@code taxTotalAccounting}, which is in the accounting currency at its minor units. A credit note is a document of
 * its own kind (UBL CreditNote, type 381), whose amounts say what is credited: Finance's negative credit note amounts
 * are negated here ({@code sign} −1), so a credit note of −100.00 shows 100.00.
 *
 * @param sign               1 for an invoice, −1 for a credit note: what Finance's amounts are multiplied by
 * @param lineNets           each line's net amount in document sign, in line order
 * @param breakdown          the VAT breakdown (BG-23), one per VAT category, rate and exemption reason, in the order
 *                           their first line appears
 * @param taxTotalAccounting BT-111: BT-110 × the posting's exchange rate, rounded once to the accounting currency;
 *                           {@code null} when the invoice is in the accounting currency
 */
public record EInvoiceAmounts(int sign, List<BigDecimal> lineNets, List<Breakdown> breakdown,
                              BigDecimal lineExtension, BigDecimal taxExclusive, BigDecimal taxTotal,
                              BigDecimal taxInclusive, BigDecimal payable, BigDecimal taxTotalAccounting) {

    /**
     * One VAT breakdown (BG-23): taxable amount (BT-116) and tax (BT-117) in the invoice currency, category (BT-118),
     * rate in percent (BT-119; {@code null} for category O, which has none), exemption reason (BT-120, BT-121).
     */
    public record Breakdown(String category, BigDecimal rate, String exemptionCode, String exemptionReason,
                            BigDecimal taxable, BigDecimal tax) {
    }

    private record Key(String category, BigDecimal rate, String exemptionCode, String exemptionReason) {
    }

    public EInvoiceAmounts {
        lineNets = List.copyOf(lineNets);
        breakdown = List.copyOf(breakdown);
    }

    /** The amounts of {@code source}'s document. */
    public static EInvoiceAmounts of(EInvoiceSource source) {
        String currency = source.invoice().currency();
        int sign = source.invoice().creditNote() ? -1 : 1;
        BigDecimal signum = BigDecimal.valueOf(sign);
        BigDecimal zero = Money.round(BigDecimal.ZERO, currency);
        List<BigDecimal> nets = new ArrayList<>();
        Map<Key, BigDecimal[]> byCategory = new LinkedHashMap<>();
        BigDecimal lineExtension = zero;
        BigDecimal taxTotal = zero;
        for (EInvoiceSource.Line l : source.lines()) {
            BigDecimal net = l.lineAmount().multiply(signum);
            BigDecimal tax = l.taxAmount().multiply(signum);
            nets.add(net);
            lineExtension = lineExtension.add(net);
            taxTotal = taxTotal.add(tax);
            BigDecimal[] sums = byCategory.computeIfAbsent(key(l), k -> new BigDecimal[] {zero, zero});
            sums[0] = sums[0].add(net);
            sums[1] = sums[1].add(tax);
        }
        List<Breakdown> breakdown = new ArrayList<>();
        byCategory.forEach((k, sums) -> breakdown.add(new Breakdown(k.category(), k.rate(), k.exemptionCode(),
                k.exemptionReason(), sums[0], sums[1])));
        BigDecimal inclusive = lineExtension.add(taxTotal);
        BigDecimal accounting = Objects.equals(currency, source.accountingCurrency()) ? null
                : Money.round(taxTotal.multiply(source.exchangeRate()), source.accountingCurrency());
        return new EInvoiceAmounts(sign, nets, breakdown, lineExtension, lineExtension, taxTotal, inclusive, inclusive,
                accounting);
    }

    /** Category O has no rate (BR-O-05, BR-O-09); the others keep theirs, trailing zeros dropped (19, 7.5). */
    private static Key key(EInvoiceSource.Line l) {
        BigDecimal rate = l.vatCategory().equals("O") ? null : plain(l.vatRate());
        return new Key(l.vatCategory(), rate, l.exemptionCode(), l.exemptionReason());
    }

    /** A rate or quantity without trailing zeros, at least scale 0 (19.0000 → 19, 0.3330 → 0.333). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }
}
