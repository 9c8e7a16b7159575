package dev.tandem.server.finance;

import dev.tandem.server.api.CurrencyCode;
import dev.tandem.finance.Finance;
import dev.tandem.finance.setup.FinanceSetup;
import dev.tandem.finance.setup.FinanceSetup.LegalEntityInput;
import dev.tandem.finance.setup.FinanceSetup.ProfileInput;
import dev.tandem.finance.setup.PeriodStatus;
import dev.tandem.finance.setup.PostingSetup;
import dev.tandem.finance.setup.ProfileRuleLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import dev.tandem.server.api.Locations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finance setup under {@code /api/finance/legal-entities/{dataAreaId}} (§3.8, §9): the legal entity and its
 * parameters, fiscal periods, main accounts, customers, project groups and projects, project cost and revenue
 * profiles and their rules, line properties with their billing-type defaults, and number sequences. Creates answer
 * 201 with no body; refusals are problem+json with the Finance error codes.
 */
@RestController
@RequestMapping(FinanceApi.BASE + "/legal-entities")
public class SetupController {

    private final FinanceSetup setup;
    private final PostingSetup postingSetup;

    public SetupController(Finance finance) {
        this.setup = finance.setup();
        this.postingSetup = finance.postingSetup();
    }

    /** A legal entity; periodUnit DAYS|MONTHS|YEARS|ALL, taxGroupMethod PROJECT|CONTRACT|CUSTOMER|SEARCH. */
    record LegalEntityRequest(@NotBlank @Size(max = 10) String dataAreaId, @NotBlank @Size(max = 100) String name,
                              @NotBlank @CurrencyCode String accountingCurrency, String exchangeRateType, String periodUnit,
                              Boolean autoOpenPeriod, String taxGroupMethod, Boolean proposalWorkflow,
                              String roundingAccount) {
    }

    @PostMapping
    ResponseEntity<Void> createLegalEntity(@Valid @RequestBody LegalEntityRequest r) {
        setup.createLegalEntity(new LegalEntityInput(r.dataAreaId(), r.name(), r.accountingCurrency(), r.exchangeRateType(),
                r.periodUnit(), Boolean.TRUE.equals(r.autoOpenPeriod()), r.taxGroupMethod(),
                Boolean.TRUE.equals(r.proposalWorkflow()), r.roundingAccount()));
        return created(r.dataAreaId());
    }

    @GetMapping("/{dataAreaId}")
    PostingSetup.LegalEntity legalEntity(@PathVariable String dataAreaId) {
        return postingSetup.legalEntity(dataAreaId);
    }

    record PeriodsRequest(@NotNull LocalDate firstMonth, @Min(1) @Max(1200) int months) {
    }

    @PostMapping("/{dataAreaId}/periods")
    ResponseEntity<Void> createPeriods(@PathVariable String dataAreaId, @Valid @RequestBody PeriodsRequest r) {
        setup.createMonthlyPeriods(dataAreaId, r.firstMonth(), r.months());
        return created(dataAreaId, "periods");
    }

    record PeriodStatusRequest(@NotNull PeriodStatus status) {
    }

    @PutMapping("/{dataAreaId}/periods/{periodStart}/status")
    ResponseEntity<Void> setPeriodStatus(@PathVariable String dataAreaId, @PathVariable LocalDate periodStart,
            @Valid @RequestBody PeriodStatusRequest r) {
        setup.setPeriodStatus(dataAreaId, periodStart, r.status());
        return ResponseEntity.noContent().build();
    }

    /** accountType ASSET|LIABILITY|EQUITY|REVENUE|EXPENSE. */
    record MainAccountRequest(@NotBlank @Size(max = 20) String mainAccountId, @NotBlank String name,
                              @NotBlank String accountType) {
    }

    @PostMapping("/{dataAreaId}/main-accounts")
    ResponseEntity<Void> createMainAccount(@PathVariable String dataAreaId, @Valid @RequestBody MainAccountRequest r) {
        setup.createMainAccount(dataAreaId, r.mainAccountId(), r.name(), r.accountType());
        return created(dataAreaId, "main-accounts", r.mainAccountId());
    }

    record CustomerRequest(@NotBlank @Size(max = 20) String accountNum, @NotBlank String name, @NotBlank String group,
                           @Min(0) int paymentTermDays, @NotBlank @CurrencyCode String currency, String taxGroup) {
    }

    @PostMapping("/{dataAreaId}/customers")
    ResponseEntity<Void> createCustomer(@PathVariable String dataAreaId, @Valid @RequestBody CustomerRequest r) {
        setup.createCustomer(dataAreaId, r.accountNum(), r.name(), r.group(), r.paymentTermDays(), r.currency(),
                r.taxGroup());
        return created(dataAreaId, "customers", r.accountNum());
    }

    record ProjectGroupRequest(@NotBlank String projectGroupId, @NotBlank String name) {
    }

    @PostMapping("/{dataAreaId}/project-groups")
    ResponseEntity<Void> createProjectGroup(@PathVariable String dataAreaId, @Valid @RequestBody ProjectGroupRequest r) {
        setup.createProjectGroup(dataAreaId, r.projectGroupId(), r.name());
        return created(dataAreaId, "project-groups", r.projectGroupId());
    }

    record ProjectRequest(@NotBlank String projectId, @NotBlank String name, @NotBlank String projectGroupId,
                          String contractId, String customerAccount, String taxGroup) {
    }

    @PostMapping("/{dataAreaId}/projects")
    ResponseEntity<Void> createProject(@PathVariable String dataAreaId, @Valid @RequestBody ProjectRequest r) {
        setup.createProject(dataAreaId, r.projectId(), r.name(), r.projectGroupId(), r.contractId(), r.customerAccount(),
                r.taxGroup());
        return created(dataAreaId, "projects", r.projectId());
    }

    @PostMapping("/{dataAreaId}/profiles")
    ResponseEntity<Void> createProfile(@PathVariable String dataAreaId, @Valid @RequestBody ProfileInput r) {
        setup.createProfile(dataAreaId, r);
        return created(dataAreaId, "profiles", r.profileId());
    }

    record ProfileRuleRequest(@NotNull ProfileRuleLevel level, @NotBlank String key, @NotBlank String profileId) {
    }

    @PostMapping("/{dataAreaId}/profile-rules")
    ResponseEntity<Void> createProfileRule(@PathVariable String dataAreaId, @Valid @RequestBody ProfileRuleRequest r) {
        setup.createProfileRule(dataAreaId, r.level(), r.key(), r.profileId());
        return created(dataAreaId, "profile-rules");
    }

    /** The profile that applies to a project (§9: project, then contract, then project group). */
    @GetMapping("/{dataAreaId}/projects/{projectId}/profile")
    PostingSetup.Profile profileOf(@PathVariable String dataAreaId, @PathVariable String projectId) {
        return postingSetup.profile(dataAreaId, projectId);
    }

    /** billingTypes: the Dataverse msdyn_billingtype values that default to this line property. */
    record LinePropertyRequest(@NotBlank String linePropertyId, @NotBlank String name, @NotNull Boolean toBeInvoiced,
                               @NotNull List<Integer> billingTypes) {
    }

    @PostMapping("/{dataAreaId}/line-properties")
    ResponseEntity<Void> createLineProperty(@PathVariable String dataAreaId, @Valid @RequestBody LinePropertyRequest r) {
        setup.createLineProperty(dataAreaId, r.linePropertyId(), r.name(), r.toBeInvoiced(), r.billingTypes());
        return created(dataAreaId, "line-properties", r.linePropertyId());
    }

    /** code: voucher, journal, proposal (allowManual for §11 item 17) or custinvoice. */
    record NumberSequenceRequest(@NotBlank String code, @NotBlank String prefix, @Min(1) @Max(20) int width,
                                 Boolean allowManual) {
    }

    @PostMapping("/{dataAreaId}/number-sequences")
    ResponseEntity<Void> createNumberSequence(@PathVariable String dataAreaId, @Valid @RequestBody NumberSequenceRequest r) {
        setup.createNumberSequence(dataAreaId, r.code(), r.prefix(), r.width(), Boolean.TRUE.equals(r.allowManual()));
        return created(dataAreaId, "number-sequences", r.code());
    }

    private static ResponseEntity<Void> created(String... segments) {
        return ResponseEntity.created(Locations.of(FinanceApi.BASE + "/legal-entities", segments)).build();
    }
}
