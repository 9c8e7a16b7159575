package dev.tandem.server.finance;

import dev.tandem.common.Page;
import dev.tandem.finance.Finance;
import dev.tandem.finance.rates.EcbRatesImport;
import dev.tandem.finance.rates.ExchangeRateTypes;
import dev.tandem.finance.rates.ExchangeRateTypes.RateType;
import dev.tandem.server.api.InputError;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.finance.FinanceViews.EcbImportView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import dev.tandem.server.api.Locations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Exchange rate types and the import of the European Central Bank's euro reference rates ({@code eurofxref-hist.csv},
 * §9, §11 item 20) under {@code /api/finance}. The file is sent as the request body ({@code text/csv}) or as the
 * part {@code file} of a {@code multipart/form-data} upload; either way it is streamed into the import, which runs in
 * one transaction: a refused line (400 {@code INVALID_INPUT} naming the line and column) leaves nothing written.
 * Importing a file again changes nothing ({@code changed} 0), so the import needs no {@code Idempotency-Key}.
 *
 * <p>Without more parameters every rate of the file is imported, as an accountant loading the ECB's reference rates
 * into a rate type expects: the rate table then holds what the ECB published. The optional parameters {@code currency}
 * (repeatable), {@code from} and {@code to} ({@code yyyy-mm-dd}, both included) narrow the import to the rates an
 * installation needs ({@link EcbRatesImport.Scope}: with {@code from}, each currency's latest rate before it is
 * imported too, so lookups from {@code from} on find the same rates as with the whole file); the rest of the file is
 * still checked. docs/api.md §6.1.
 */
@RestController
@RequestMapping(FinanceApi.BASE)
public class RateImportController {

    /** The rate type an import uses when the request names none: the one legal entities default to. */
    static final String ECB = "ECB";
    static final String TEXT_CSV = "text/csv";

    private final ExchangeRateTypes types;
    private final EcbRatesImport ecb;

    public RateImportController(Finance finance) {
        this.types = finance.rateTypes();
        this.ecb = finance.ecbImport();
    }

    /** A rate type: a name of 1–20 characters and what it is. */
    record RateTypeRequest(@NotBlank String rateType, @NotBlank String description) {
    }

    @PostMapping("/exchange-rate-types")
    ResponseEntity<Void> createRateType(@Valid @RequestBody RateTypeRequest r) {
        types.create(r.rateType(), r.description());
        return ResponseEntity.created(Locations.of(FinanceApi.BASE + "/exchange-rate-types", r.rateType())).build();
    }

    /** All rate types by name, one page (a handful exist, so the list is read whole and sliced). */
    @GetMapping("/exchange-rate-types")
    Page<RateType> rateTypes(PageRequest page) {
        return page.slice(types.list());
    }

    /** The ECB file as the request body. */
    @PostMapping(path = "/exchange-rates/ecb", consumes = TEXT_CSV)
    EcbImportView importBody(@RequestParam(defaultValue = ECB) String rateType,
            @RequestParam(required = false) List<String> currency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletRequest request) throws IOException {
        return importFrom(request.getInputStream(), charsetOf(request.getCharacterEncoding()), rateType,
                scope(currency, from, to));
    }

    /** The ECB file as the part {@code file} of a form upload. */
    @PostMapping(path = "/exchange-rates/ecb", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    EcbImportView importUpload(@RequestParam(defaultValue = ECB) String rateType,
            @RequestParam(required = false) List<String> currency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestPart("file") MultipartFile file) throws IOException {
        return importFrom(file.getInputStream(), StandardCharsets.UTF_8, rateType, scope(currency, from, to));
    }

    /** The rates the request asks for: every one when it names no currency and no date. */
    private static EcbRatesImport.Scope scope(List<String> currencies, LocalDate from, LocalDate to) {
        return new EcbRatesImport.Scope(currencies == null || currencies.isEmpty() ? null : Set.copyOf(currencies),
                from, to);
    }

    private EcbImportView importFrom(InputStream in, Charset charset, String rateType, EcbRatesImport.Scope scope) {
        Reader reader = new InputStreamReader(in, charset);
        // importCsv reads the file to its end and closes the reader.
        return EcbImportView.of(ecb.importCsv(reader, rateType, scope));
    }

    /** The ECB publishes ASCII; UTF-8 reads it, and any declared charset is honoured. */
    private static Charset charsetOf(String declared) {
        if (declared == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            throw new InputError("Content-Type", "names an unknown charset '" + declared + "'").refusal();
        }
    }
}
