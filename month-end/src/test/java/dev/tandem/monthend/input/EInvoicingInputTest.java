package dev.tandem.monthend.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.monthend.input.RunInput.BuyerDetails;
import dev.tandem.monthend.input.RunInput.SellerDetails;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The e-invoicing input (docs/input-format.md, company.yaml "eInvoicing" and the customers.csv e-invoicing columns):
 * optional, read into the run input, and each broken rule reported at its file, line and column.
 */
class EInvoicingInputTest {

    private static final String HEADER = "number,name,currency,payment_terms_days,customer_group,street,city,postal_zone,"
            + "country,vat_id,endpoint_scheme,endpoint_id,buyer_reference,vat_category,vat_exemption_code,"
            + "vat_exemption_reason\n";
    private static final String SELLER = """
            eInvoicing:
              street: Friedrichstraße 123
              city: Berlin
              postalZone: "10117"
              country: DE
              vatId: DE123456789
              endpointScheme: "9930"
              endpointId: DE123456789
              contactName: Anna Weber
              paymentMeansCode: "58"
              iban: DE89 3704 0044 0532 0130 00
            """;

    @TempDir
    Path dir;

    private InputFolderFixture folder() {
        return InputFolderFixture.validIn(dir);
    }

    @Test
    void theColumnsAndTheKeyAreOptional() {
        InputFolder.Result result = folder().read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.input().company().eInvoicing()).isNull();
        assertThat(result.input().customers()).allSatisfy(c -> assertThat(c.eInvoicing()).isNull());
    }

    @Test
    void sellerAndBuyersAreRead() {
        InputFolder.Result result = folder().append("company.yaml", SELLER).write("customers.csv", HEADER
                + "C-100,Contoso Ltd,EUR,30,20,Paradeplatz 8,Zürich,8001,CH,,0088,7640000000001,,O,VATEX-EU-O,\n"
                + "C-200,Fabrikam Inc,USD,14,,,,,,,,,,,,\n"
                + "C-300,\"Tailspin, Toys\",EUR,0,,Ring 1,Wien,1010,AT,ATU12345678,9914,ATU12345678,PO-1,AE,,"
                + "Reverse charge\n").read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.input().company().eInvoicing()).isEqualTo(new SellerDetails("Friedrichstraße 123", null,
                "Berlin", "10117", "DE", "DE123456789", null, "9930", "DE123456789", "Anna Weber", null, null, "58",
                "DE89 3704 0044 0532 0130 00", null, null));
        assertThat(result.input().customers().get(0).eInvoicing()).isEqualTo(new BuyerDetails("Paradeplatz 8",
                "Zürich", "8001", "CH", null, "0088", "7640000000001", null, "O", "VATEX-EU-O", null));
        assertThat(result.input().customers().get(1).eInvoicing()).isNull();
        assertThat(result.input().customers().get(2).eInvoicing().vatCategory()).isEqualTo("AE");
    }

    @Test
    void brokenCustomerValuesAreReportedAtTheirCells() {
        InputFolderFixture folder = folder().write("customers.csv", HEADER
                + "C-100,Contoso Ltd,EUR,30,20,,,,Switzerland,12345,99,,,AE,,\n"
                + "C-200,Fabrikam Inc,USD,14,,,,,,,,,,X,,\n"
                + "C-300,\"Tailspin, Toys\",EUR,0,,,,,AT,,9914,ATU1,,,VATEX-EU-AE,\n");

        assertThat(folder.problems()).containsExactly(
                "customers.csv:2:9: INVALID: \"Switzerland\" is not an ISO 3166-1 alpha-2 country code in capitals "
                        + "(e.g. DE, AT, US)",
                "customers.csv:2:10: INVALID: \"12345\" is not a VAT identifier: it starts with its country's two "
                        + "capital letters (EN 16931 BR-CO-09), e.g. DE123456789",
                "customers.csv:2:11: INVALID: \"99\" is not a Peppol endpoint scheme: a 4-digit EAS code such as 9930 "
                        + "or 0088",
                "customers.csv:2:12: REQUIRED: endpoint_id is required",
                "customers.csv:2:14: INVALID: VAT category AE needs vat_exemption_code or vat_exemption_reason "
                        + "(EN 16931 BR-AE-10)",
                "customers.csv:3:9: REQUIRED: country is required",
                "customers.csv:3:11: REQUIRED: endpoint_scheme is required",
                "customers.csv:3:12: REQUIRED: endpoint_id is required",
                "customers.csv:3:14: INVALID: \"X\" is not a valid vat_category; expected one of E, AE, K, G, O, Z",
                "customers.csv:4:14: REQUIRED: vat_category is required with an exemption code or reason");
    }

    @Test
    void brokenSellerValuesAreReportedAtTheirKeys() {
        InputFolderFixture folder = folder().append("company.yaml", SELLER.replace("country: DE", "country: de")
                .replace("iban: DE89 3704 0044 0532 0130 00", "iban: DE89 3704 0044 0532 0130 01")
                .replace("  vatId: DE123456789\n", ""));

        assertThat(folder.problems()).anyMatch(p -> p.contains("INVALID: \"de\" is not an ISO 3166-1 alpha-2"))
                .anyMatch(p -> p.contains("INVALID: \"DE89 3704 0044 0532 0130 01\" is not a valid IBAN"))
                .anyMatch(p -> p.contains("REQUIRED: eInvoicing needs vatId or legalRegistrationId (EN 16931 "
                        + "BR-CO-26)"))
                .allMatch(p -> p.startsWith("company.yaml:"));
    }
}
