package dev.tandem.monthend.input;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An input folder of {@code tandem run}, read and checked in full (docs/input-format.md). Every reference in it
 * resolves: each project's customer is a customer here, each work row's project and resource are defined here, and
 * so on. Amounts are {@code BigDecimal} as written in the files (unrounded); quantities of time are hours.
 * {@code rateScope} is which rates of {@code exchangeRates} the run imports into Finance. The rows of
 * {@code time} are checked but not held: {@link WorkRows} reads the exports again when the run loads them; those of
 * {@code expenses} (one per receipt, a few per person and month) are held.
 */
public record RunInput(Path folder, Company company, List<Customer> customers, List<Resource> resources,
                       List<Project> projects, List<Price> prices, List<Contract> contracts, WorkRows time,
                       WorkRows expenses, Path exchangeRates, RateScope rateScope) {

    /**
     * The rates of the ECB file a run needs (docs/input-format.md, "Exchange rates"): those of {@code currencies}
     * (ISO 4217 codes of columns of the file; empty when every amount is in the accounting currency) dated from
     * {@code from} to {@code to}, both included, plus each currency's latest rate before {@code from}, so that every
     * conversion the run makes finds the rate it would find with the whole file. {@code from} and {@code to} are null
     * when not bounded (a folder read without {@code --as-of}, or one that converts nothing).
     */
    public record RateScope(Set<String> currencies, LocalDate from, LocalDate to) {

        public RateScope {
            currencies = Set.copyOf(currencies);
        }
    }

    /** company.yaml. Account numbers as strings; {@code numberSequences} by code (voucher, journal, proposal, customerInvoice). */
    public record Company(String legalEntity, String name, String accountingCurrency, String exchangeRateType,
                          String contractingUnit, LocalDate firstPeriod, int periods, List<MainAccount> mainAccounts,
                          PostingProfile postingProfile, Map<String, String> numberSequences,
                          SellerDetails eInvoicing) {

        /** A company without e-invoicing details. */
        public Company(String legalEntity, String name, String accountingCurrency, String exchangeRateType,
                       String contractingUnit, LocalDate firstPeriod, int periods, List<MainAccount> mainAccounts,
                       PostingProfile postingProfile, Map<String, String> numberSequences) {
            this(legalEntity, name, accountingCurrency, exchangeRateType, contractingUnit, firstPeriod, periods,
                    mainAccounts, postingProfile, numberSequences, null);
        }
    }

    /**
     * company.yaml's {@code eInvoicing} (docs/input-format.md): the seller on e-invoices. {@code country} ISO 3166-1
     * alpha-2; {@code endpointScheme} a 4-digit EAS code; {@code paymentMeansCode} UNCL4461; optional values null.
     */
    public record SellerDetails(String street, String additionalStreet, String city, String postalZone, String country,
                                String vatId, String legalRegistrationId, String endpointScheme, String endpointId,
                                String contactName, String contactPhone, String contactEmail,
                                String paymentMeansCode, String iban, String bic, String accountName) {
    }

    /**
     * customers.csv's e-invoicing columns: the buyer on e-invoices. {@code vatCategory} (UNCL5305: E, AE, K, G, O, Z)
     * with its exemption code/reason is the VAT treatment of the customer's untaxed lines; optional values null.
     */
    public record BuyerDetails(String street, String city, String postalZone, String country, String vatId,
                               String endpointScheme, String endpointId, String buyerReference, String vatCategory,
                               String vatExemptionCode, String vatExemptionReason) {
    }

    /** {@code type}: ASSET, LIABILITY, EQUITY, REVENUE or EXPENSE. */
    public record MainAccount(String account, String name, String type) {
    }

    /** The one cost and revenue profile (§9); WIP and accrued-revenue accounts are null when not accruing. */
    public record PostingProfile(String id, boolean accrueRevenue, String cost, String costOffset,
                                 String wipSalesValue, String accruedRevenue, String invoicedRevenue,
                                 String onAccountRevenue, String wipOnAccount, String customerBalance,
                                 String salesTaxPayable, String rounding) {
    }

    /** {@code eInvoicing} null when the customer's e-invoicing columns are empty. */
    public record Customer(Source source, String number, String name, String currency, int paymentTermDays,
                           String group, BuyerDetails eInvoicing) {

        /** A customer without e-invoicing details. */
        public Customer(Source source, String number, String name, String currency, int paymentTermDays,
                        String group) {
            this(source, number, name, currency, paymentTermDays, group, null);
        }
    }

    /** {@code roles}: at least one; the first is the default role. {@code email} may be null. */
    public record Resource(Source source, String name, String email, List<String> roles) {
    }

    public record Project(Source source, String number, String name, String customer) {
    }

    /** A price: {@code kind} role (per hour) or category (per unit); {@code validTo} null = open-ended. */
    public record Price(Source source, String priceList, PriceContext context, String currency, LocalDate validFrom,
                        LocalDate validTo, PriceKind kind, String item, BigDecimal price) {
    }

    public enum PriceContext { COST, SALES }

    public enum PriceKind { ROLE, CATEGORY }

    /** A project contract; {@code nteLimit} null = none. Amounts in {@code currency}. */
    public record Contract(Source source, String number, String name, String customer, String currency,
                           String salesPriceList, BigDecimal nteLimit, List<ContractLine> lines) {
    }

    /**
     * A contract line. {@code billingMethod} TIME_AND_MATERIAL or FIXED_PRICE; {@code include} a subset of time,
     * expense, material, fee; {@code customers} empty = the contract's customer at 100 %.
     */
    public record ContractLine(Source source, String name, String billingMethod, String project, List<String> include,
                               BigDecimal nteLimit, BigDecimal contractedAmount, List<LineCustomer> customers,
                               List<Milestone> milestones) {
    }

    /** {@code split} in percent (0–100). */
    public record LineCustomer(Source source, String customer, BigDecimal split, BigDecimal nteLimit,
                               boolean rounding) {
    }

    public record Milestone(Source source, String name, LocalDate date, BigDecimal amount) {
    }

    /**
     * A time or expense row. {@code sourceKey}: SHA-256 hex of format + field values, then {@code #n}, its occurrence
     * among identical rows of the file (docs/input-format.md, "Identity of rows"). {@code project} is a project
     * number and {@code resource} a resource name, both resolved. Time: {@code quantity} in hours, {@code category}
     * null. Expense: {@code category} set, {@code unitPrice}/{@code currency} optional. {@code billable} false when
     * the tracker marks the entry non-billable.
     */
    public record WorkRow(Source source, String format, String sourceKey, WorkKind kind, String project,
                          String resource, String category, LocalDate date, BigDecimal quantity,
                          BigDecimal unitPrice, String currency, String description, boolean billable) {
    }

    public enum WorkKind { TIME, EXPENSE }
}
