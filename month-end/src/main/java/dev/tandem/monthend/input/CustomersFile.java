package dev.tandem.monthend.input;

import dev.tandem.monthend.input.RunInput.Customer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code customers.csv} (docs/input-format.md, "customers.csv"). */
final class CustomersFile {

    static final String FILE = "customers.csv";
    private static final String DEFAULT_GROUP = "10";

    final List<Customer> customers = new ArrayList<>();
    /** Customer numbers. */
    final KeySet numbers = new KeySet();

    private CustomersFile() {
    }

    static CustomersFile read(Path folder, List<InputProblem> problems) {
        CustomersFile result = new CustomersFile();
        CsvFile csv = CsvFile.read(folder, FILE, true, problems);
        if (csv == null || !csv.requireColumns("number", "name", "currency", "payment_terms_days")) {
            return result;
        }
        for (CsvFile.Row row : csv.rows()) {
            String number = result.numbers.define(row.cell("number"), "customer number");
            Integer days = row.cell("payment_terms_days").wholeNumber(true);
            String group = row.cell("customer_group").text();
            result.customers.add(new Customer(row.source(), number, row.cell("name").required(),
                    row.cell("currency").currency(true), days == null ? 0 : days,
                    group == null ? DEFAULT_GROUP : group, eInvoicing(row)));
        }
        result.numbers.markComplete();
        return result;
    }

    /** The e-invoicing columns (all optional); empty ones give null. */
    static final List<String> E_INVOICING = List.of("street", "city", "postal_zone", "country", "vat_id",
            "endpoint_scheme", "endpoint_id", "buyer_reference", "vat_category", "vat_exemption_code",
            "vat_exemption_reason");

    /**
     * A customer's e-invoicing details, or null when every e-invoicing column is empty. Once one is filled, a buyer
     * needs its country and Peppol endpoint (scheme and id: EN 16931 BT-55, BT-49), and a VAT category other than Z
     * an exemption reason or code (BR-E-10, BR-AE-10, BR-G-10, BR-O-10 …).
     */
    private static RunInput.BuyerDetails eInvoicing(CsvFile.Row row) {
        if (E_INVOICING.stream().allMatch(c -> row.cell(c).isEmpty())) {
            return null;
        }
        String country = EInvoicingValues.country(row.cell("country"), true);
        String vatId = EInvoicingValues.vatId(row.cell("vat_id"));
        String scheme = EInvoicingValues.endpointScheme(row.cell("endpoint_scheme"), true);
        String endpoint = row.cell("endpoint_id").required();
        Cell categoryCell = row.cell("vat_category");
        String category = categoryCell.oneOf(false, EInvoicingValues.UNTAXED_CATEGORIES);
        String code = row.cell("vat_exemption_code").text();
        String reason = row.cell("vat_exemption_reason").text();
        if (category != null && !category.equals("Z") && code == null && reason == null) {
            categoryCell.problem("INVALID", "VAT category " + category + " needs vat_exemption_code or "
                    + "vat_exemption_reason (EN 16931 BR-" + (category.equals("K") ? "IC" : category) + "-10)");
        }
        if (category == null && (code != null || reason != null)) {
            categoryCell.problem("REQUIRED", "vat_category is required with an exemption code or reason");
        }
        return new RunInput.BuyerDetails(row.cell("street").text(), row.cell("city").text(),
                row.cell("postal_zone").text(), country, vatId, scheme, endpoint, row.cell("buyer_reference").text(),
                category, code, reason);
    }
}
