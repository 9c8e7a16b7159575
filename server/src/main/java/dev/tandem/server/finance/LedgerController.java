package dev.tandem.server.finance;

import jakarta.validation.constraints.Digits;
import dev.tandem.server.api.CurrencyCode;
import dev.tandem.finance.Finance;
import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.rates.ExchangeRates;
import dev.tandem.server.api.Decimals;
import dev.tandem.server.finance.FinanceViews.VoucherView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchange rates and the general ledger under {@code /api/finance}: store and look up rates (latest on or before a
 * date, inverse and cross rates through EUR), fixed-rate agreements per contract (§9), read vouchers, reverse one,
 * and the trial balance. Amounts and rates are JSON strings in plain notation.
 */
@RestController
@RequestMapping(FinanceApi.BASE)
public class LedgerController {

    private final ExchangeRates rates;
    private final Ledger ledger;

    public LedgerController(Finance finance) {
        this.rates = finance.rates();
        this.ledger = finance.ledger();
    }

    /** 1 {@code from} = {@code rate} {@code to} from {@code validFrom} on. */
    record RateRequest(@NotBlank String rateType, @NotBlank @CurrencyCode String from, @NotBlank @CurrencyCode String to, @NotNull LocalDate validFrom,
                       @NotNull @Positive @Digits(integer = 9, fraction = 10) BigDecimal rate) {
    }

    @PostMapping("/exchange-rates")
    ResponseEntity<Void> storeRate(@Valid @RequestBody RateRequest r) {
        rates.store(r.rateType(), r.from(), r.to(), r.validFrom(), r.rate());
        return ResponseEntity.noContent().build();
    }

    /** The rate to convert 1 {@code from} into {@code to} on {@code date}. */
    @GetMapping("/exchange-rates")
    Map<String, String> rate(@RequestParam String rateType, @RequestParam String from, @RequestParam String to,
            @RequestParam LocalDate date) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("from", from);
        answer.put("to", to);
        answer.put("date", date.toString());
        answer.put("rate", rates.rate(rateType, from, to, date).toPlainString());
        return answer;
    }

    record FixedRateRequest(@NotNull @Positive @Digits(integer = 9, fraction = 10) BigDecimal rate) {
    }

    @PutMapping("/legal-entities/{dataAreaId}/contracts/{contractId}/fixed-rates/{currency}")
    ResponseEntity<Void> fixedRate(@PathVariable String dataAreaId, @PathVariable String contractId,
            @PathVariable @CurrencyCode String currency, @Valid @RequestBody FixedRateRequest r) {
        rates.setFixedRate(dataAreaId, contractId, currency, r.rate());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/legal-entities/{dataAreaId}/vouchers/{voucher}")
    VoucherView voucher(@PathVariable String dataAreaId, @PathVariable String voucher) {
        return VoucherView.of(ledger.voucher(dataAreaId, voucher));
    }

    record ReverseRequest(@NotNull LocalDate date, @NotBlank String description) {
    }

    /** Posts the reversal of a voucher (posted vouchers are never changed). */
    @PostMapping("/legal-entities/{dataAreaId}/vouchers/{voucher}/reverse")
    VoucherView reverse(@PathVariable String dataAreaId, @PathVariable String voucher,
            @Valid @RequestBody ReverseRequest r) {
        return VoucherView.of(ledger.reverse(dataAreaId, voucher, r.date(), r.description()));
    }

    /** Accounting-currency balance per main account; {@code total} is always zero. */
    @GetMapping("/legal-entities/{dataAreaId}/trial-balance")
    Map<String, Object> trialBalance(@PathVariable String dataAreaId) {
        Map<String, BigDecimal> balances = ledger.trialBalance(dataAreaId);
        Map<String, Object> answer = new LinkedHashMap<>();
        Map<String, String> accounts = new LinkedHashMap<>();
        balances.forEach((account, balance) -> accounts.put(account, Decimals.plain(balance)));
        answer.put("accounts", accounts);
        answer.put("total", Decimals.plain(balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        return answer;
    }
}
