package dev.tandem.monthend;

import dev.tandem.finance.Finance;
import dev.tandem.finance.einvoice.EInvoicingSetup.Address;
import dev.tandem.finance.einvoice.EInvoicingSetup.Buyer;
import dev.tandem.finance.einvoice.EInvoicingSetup.Contact;
import dev.tandem.finance.einvoice.EInvoicingSetup.Endpoint;
import dev.tandem.finance.einvoice.EInvoicingSetup.PaymentMeans;
import dev.tandem.finance.einvoice.EInvoicingSetup.Seller;
import dev.tandem.finance.einvoice.EInvoicingSetup.VatTreatment;
import dev.tandem.finance.rates.EcbRatesImport;
import dev.tandem.finance.setup.BillingTypes;
import dev.tandem.finance.setup.FinanceSetup;
import dev.tandem.finance.setup.FinanceSetup.LegalEntityInput;
import dev.tandem.finance.setup.FinanceSetup.ProfileInput;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.ProfileRuleLevel;
import dev.tandem.monthend.input.RunInput;
import dev.tandem.monthend.input.RunInput.Company;
import dev.tandem.monthend.input.RunInput.Customer;
import dev.tandem.monthend.input.RunInput.MainAccount;
import dev.tandem.monthend.input.RunInput.PostingProfile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the Finance side of an input folder: legal entity, monthly periods, chart of accounts, the one posting
 * profile with its project-group rule, line properties, number sequences, the ECB rates and the customers. What
 * exists already (a second run) is left as it is; the customers that exist are found in bulk and the others are
 * created, so those added to customers.csv since the last run are created. Customers reach Project Operations through the Customers map
 * (Finance is their master), and the legal entity through the Legal entities map.
 */
final class FinanceSetupLoader {

    /** The project group the Projects V2 map gives every project (docs/dual-write.md). */
    static final String PROJECT_GROUP = "TM";

    private final Finance finance;

    FinanceSetupLoader(Finance finance) {
        this.finance = finance;
    }

    /** @return how many customers were created by this call */
    int load(RunInput input) {
        Company company = input.company();
        String le = company.legalEntity();
        if (!finance.rateTypes().exists(company.exchangeRateType())) {
            finance.rateTypes().create(company.exchangeRateType(), "Euro foreign exchange reference rates (ECB)");
        }
        importRates(input);
        if (!finance.setupLookup().legalEntityExists(le)) {
            // One transaction: a legal entity exists with all of its setup or not at all, so a run stopped here is
            // completed by the next one instead of finding half a setup and skipping it.
            finance.context().inTransaction(() -> createLegalEntity(company));
        }
        setSeller(company);
        int created = 0;
        Set<String> existing = finance.setupLookup().existingCustomers(le, input.customers().stream()
                .map(Customer::number).toList());
        for (Customer c : input.customers()) {
            if (!existing.contains(c.number())) {
                finance.setup().createCustomer(le, c.number(), c.name(), c.group(), c.paymentTermDays(), c.currency(),
                        null);
                created++;
            }
            if (c.eInvoicing() != null) {
                RunInput.BuyerDetails b = c.eInvoicing();
                finance.eInvoicing().setBuyer(le, c.number(), new Buyer(new Address(b.street(), null, b.city(),
                        b.postalZone(), b.country()), b.vatId(), new Endpoint(b.endpointScheme(), b.endpointId()),
                        b.buyerReference(), b.vatCategory() == null ? null : new VatTreatment(b.vatCategory(),
                        b.vatExemptionCode(), b.vatExemptionReason())));
            }
        }
        return created;
    }

    /**
     * The seller's e-invoicing details of company.yaml, set on every run (replacing what an earlier run set), so a
     * folder that gains them gets e-invoices for the invoices posted before too.
     */
    private void setSeller(Company company) {
        RunInput.SellerDetails e = company.eInvoicing();
        if (e == null) {
            return;
        }
        finance.eInvoicing().setSeller(company.legalEntity(), new Seller(new Address(e.street(), e.additionalStreet(),
                e.city(), e.postalZone(), e.country()), e.vatId(), e.legalRegistrationId(), new Endpoint(
                e.endpointScheme(), e.endpointId()), new Contact(e.contactName(), e.contactPhone(), e.contactEmail()),
                new PaymentMeans(e.paymentMeansCode(), e.iban(), e.bic(), e.accountName())));
    }

    private void importRates(RunInput input) {
        try (Reader reader = Files.newBufferedReader(input.exchangeRates(), StandardCharsets.UTF_8)) {
            EcbRatesImport ecb = finance.ecbImport();
            // Only the rates the run converts with (RateNeeds.scope), so the ECB's full history imports as fast as a
            // file trimmed to the run's months.
            RunInput.RateScope scope = input.rateScope();
            ecb.importCsv(reader, input.company().exchangeRateType(),
                    new EcbRatesImport.Scope(scope.currencies(), scope.from(), scope.to()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + input.exchangeRates(), e);
        }
    }

    private void createLegalEntity(Company company) {
        FinanceSetup setup = finance.setup();
        String le = company.legalEntity();
        PostingProfile p = company.postingProfile();
        setup.createLegalEntity(new LegalEntityInput(le, company.name(), company.accountingCurrency(),
                company.exchangeRateType(), "MONTHS", false, "SEARCH", false, p.rounding()));
        setup.createMonthlyPeriods(le, company.firstPeriod(), company.periods());
        for (MainAccount a : company.mainAccounts()) {
            setup.createMainAccount(le, a.account(), a.name(), a.type());
        }
        setup.createProjectGroup(le, PROJECT_GROUP, "Time and material");
        setup.createProfile(le, new ProfileInput(p.id(), "Cost and revenue profile " + p.id(), p.accrueRevenue(),
                p.cost(), p.costOffset(), p.wipSalesValue(), p.accruedRevenue(), p.invoicedRevenue(),
                p.onAccountRevenue(), p.wipOnAccount(), p.customerBalance(), p.salesTaxPayable()));
        setup.createProfileRule(le, ProfileRuleLevel.PROJECT_GROUP, PROJECT_GROUP, p.id());
        // Line properties by billing type (§3.8): Chargeable is invoiced; Non-chargeable, Complimentary and Not
        // available are not.
        setup.createLineProperty(le, "Chargeable", "Chargeable", true, List.of(BillingTypes.CHARGEABLE));
        setup.createLineProperty(le, "NonChargeable", "Non-chargeable", false,
                List.of(BillingTypes.NON_CHARGEABLE, BillingTypes.COMPLIMENTARY, BillingTypes.NOT_AVAILABLE));
        Map<String, String> prefixes = company.numberSequences();
        setup.createNumberSequence(le, NumberSequences.VOUCHER, prefixes.get("voucher"), 6, false);
        setup.createNumberSequence(le, NumberSequences.JOURNAL, prefixes.get("journal"), 6, false);
        setup.createNumberSequence(le, NumberSequences.PROPOSAL, prefixes.get("proposal"), 6, true);
        setup.createNumberSequence(le, NumberSequences.CUSTOMER_INVOICE, prefixes.get("customerInvoice"), 6, false);
    }
}
