package dev.tandem.server.security;

import static dev.tandem.server.security.Permission.*;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which {@link Permission} each operation of the REST API needs: the one place that says it (issue 15). Reads need
 * their area's read permission (one rule per area: a new read of an area is covered as it comes); every operation
 * that changes something has a rule of its own, and an operation without a rule is refused to everyone
 * ({@code denyAll}), so an endpoint added without deciding who may call it is closed, and the matrix test fails.
 *
 * <p>Outside the matrix: {@code GET /api/health} is public (probes), {@code /api/me/**} (your own tokens and
 * password) and {@code /v3/api-docs} need only a signed-in user.
 */
public final class ApiPermissions {

    /** One rule: requests of {@code method} whose path matches {@code pattern} need {@code permission}. */
    public record Rule(HttpMethod method, String pattern, Permission permission, PathPattern compiled) {

        /** Whether the rule covers this method and path. */
        public boolean matches(String requestMethod, String path) {
            return method.matches(requestMethod) && compiled.matches(PathContainer.parsePath(path));
        }
    }

    private static final PathPatternParser PARSER = new PathPatternParser();
    private static final List<Rule> RULES = new ArrayList<>();

    static {
        // Reads, one rule per area.
        rule(GET, "/api/operations/**", OPERATIONS_READ);
        rule(GET, "/api/finance/**", FINANCE_READ);
        rule(GET, "/api/dualwrite/**", DUALWRITE_READ);
        rule(GET, "/api/reconcile", DUALWRITE_READ);
        rule(GET, "/api/admin/**", SECURITY_READ);
        rule(GET, "/actuator/prometheus", DUALWRITE_READ);

        // Project Operations: master data.
        rule(POST, "/api/operations/accounts", MASTERDATA_EDIT);
        rule(POST, "/api/operations/organizational-units", MASTERDATA_EDIT);
        rule(POST, "/api/operations/organizational-units/*/cost-price-lists", MASTERDATA_EDIT);
        rule(POST, "/api/operations/price-lists", MASTERDATA_EDIT);
        rule(PUT, "/api/operations/price-lists/*/category-prices/*", MASTERDATA_EDIT);
        rule(PUT, "/api/operations/price-lists/*/product-prices/*", MASTERDATA_EDIT);
        rule(PUT, "/api/operations/price-lists/*/role-prices/*", MASTERDATA_EDIT);
        rule(POST, "/api/operations/products", MASTERDATA_EDIT);
        rule(POST, "/api/operations/projects", MASTERDATA_EDIT);
        rule(POST, "/api/operations/projects/*/tasks", MASTERDATA_EDIT);
        rule(POST, "/api/operations/resources", MASTERDATA_EDIT);
        rule(POST, "/api/operations/roles", MASTERDATA_EDIT);
        rule(POST, "/api/operations/transaction-categories", MASTERDATA_EDIT);
        // Contracts.
        rule(POST, "/api/operations/contracts", CONTRACT_EDIT);
        rule(POST, "/api/operations/contracts/*/lines", CONTRACT_EDIT);
        rule(PUT, "/api/operations/contracts/*/customers/*/nte-limit", CONTRACT_EDIT);
        rule(POST, "/api/operations/contracts/*/retainers", CONTRACT_EDIT);
        rule(POST, "/api/operations/contracts/*/sales-price-lists", CONTRACT_EDIT);
        rule(PUT, "/api/operations/contract-lines/*/chargeability", CONTRACT_EDIT);
        rule(PUT, "/api/operations/contract-lines/*/customers", CONTRACT_EDIT);
        rule(POST, "/api/operations/contract-lines/*/invoice-schedule", CONTRACT_EDIT);
        rule(PUT, "/api/operations/contract-lines/*/milestones", CONTRACT_EDIT);
        rule(POST, "/api/operations/contracts/*/confirm", CONTRACT_CONFIRM);
        // Work entries.
        rule(POST, "/api/operations/work-entries", WORK_ENTER);
        rule(POST, "/api/operations/work-entries/bulk", WORK_ENTER);
        rule(POST, "/api/operations/work-entries/submit", WORK_ENTER);
        rule(POST, "/api/operations/work-entries/*/submit", WORK_ENTER);
        rule(POST, "/api/operations/work-entries/*/recall", WORK_ENTER);
        rule(POST, "/api/operations/work-entries/approve", WORK_APPROVE);
        rule(POST, "/api/operations/work-entries/*/approve", WORK_APPROVE);
        rule(POST, "/api/operations/work-entries/*/reject", WORK_APPROVE);
        rule(POST, "/api/operations/work-entries/*/cancel-approval", WORK_APPROVE);
        // Billing backlog.
        rule(POST, "/api/operations/backlog/actuals/ready", BACKLOG_READY);
        rule(POST, "/api/operations/backlog/actuals/not-ready", BACKLOG_READY);
        rule(POST, "/api/operations/backlog/milestones/ready", BACKLOG_READY);
        rule(POST, "/api/operations/backlog/milestones/not-ready", BACKLOG_READY);
        rule(POST, "/api/operations/retainers/ready", BACKLOG_READY);
        rule(POST, "/api/operations/retainers/not-ready", BACKLOG_READY);
        rule(POST, "/api/operations/actuals/nte/reevaluate", BACKLOG_READY);
        rule(POST, "/api/operations/actuals/nte/reset", BACKLOG_READY);
        // Proforma invoices.
        rule(POST, "/api/operations/contracts/*/invoices", INVOICE_CREATE);
        rule(POST, "/api/operations/invoices/add", INVOICE_CREATE);
        rule(POST, "/api/operations/invoices/bulk", INVOICE_CREATE);
        rule(POST, "/api/operations/invoice-runs", INVOICE_CREATE);
        rule(PATCH, "/api/operations/invoice-line-details/*", INVOICE_EDIT);
        rule(DELETE, "/api/operations/invoice-line-details/*", INVOICE_EDIT);
        rule(PATCH, "/api/operations/invoice-retainers/*", INVOICE_EDIT);
        rule(POST, "/api/operations/invoices/*/line-details", INVOICE_EDIT);
        rule(POST, "/api/operations/invoices/*/refresh", INVOICE_EDIT);
        rule(POST, "/api/operations/invoices/*/status", INVOICE_EDIT);
        rule(DELETE, "/api/operations/invoices/*", INVOICE_EDIT);
        rule(POST, "/api/operations/invoices/*/confirm", INVOICE_CONFIRM);
        rule(POST, "/api/operations/invoices/bulk-confirm", INVOICE_CONFIRM);
        rule(POST, "/api/operations/invoices/*/revise", INVOICE_REVISE);
        rule(POST, "/api/operations/invoices/*/paid", INVOICE_MARK_PAID);
        rule(POST, "/api/operations/retainers/*/refund", RETAINER_REFUND);
        rule(POST, "/api/operations/retainers/*/cancel-refund", RETAINER_REFUND);
        rule(DELETE, "/api/operations/retainers/*", RETAINER_REFUND);

        // Finance: setup.
        String le = "/api/finance/legal-entities/*";
        rule(POST, "/api/finance/legal-entities", FINANCE_SETUP);
        rule(POST, "/api/finance/exchange-rate-types", FINANCE_SETUP);
        for (String setup : List.of("customers", "item-sales-tax-groups", "line-properties", "main-accounts",
                "number-sequences", "profile-rules", "profiles", "project-groups", "projects", "sales-tax-codes",
                "sales-tax-codes/*/values", "sales-tax-groups")) {
            rule(POST, le + "/" + setup, FINANCE_SETUP);
        }
        rule(PUT, le + "/contracts/*/fixed-rates/*", FINANCE_SETUP);
        rule(PUT, le + "/contracts/*/sales-tax-group", FINANCE_SETUP);
        // Rates, staging.
        rule(POST, "/api/finance/exchange-rates", RATE_IMPORT);
        rule(POST, "/api/finance/exchange-rates/ecb", RATE_IMPORT);
        for (HttpMethod method : List.of(POST, PUT, DELETE)) {
            rule(method, "/api/finance/staging/actuals", STAGING_EDIT);
            rule(method, "/api/finance/transaction-relationships", STAGING_EDIT);
        }
        // Integration journals.
        rule(POST, le + "/import-from-staging", JOURNAL_IMPORT);
        rule(PATCH, "/api/finance/integration-journal-lines/*", JOURNAL_EDIT);
        rule(DELETE, "/api/finance/integration-journal-lines/*", JOURNAL_EDIT);
        rule(POST, le + "/integration-journals/*/reset", JOURNAL_EDIT);
        rule(POST, le + "/integration-journals/post", JOURNAL_POST);
        rule(POST, le + "/integration-journals/*/post", JOURNAL_POST);
        // Invoice proposals and on-account transactions.
        rule(POST, le + "/invoice-proposals", PROPOSAL_EDIT);
        rule(PUT, le + "/invoice-proposals/*", PROPOSAL_EDIT);
        rule(DELETE, le + "/invoice-proposals/*", PROPOSAL_EDIT);
        rule(POST, le + "/invoice-proposals/*/delete-all-lines", PROPOSAL_EDIT);
        rule(POST, le + "/invoice-proposals/*/import-lines", PROPOSAL_EDIT);
        rule(PATCH, le + "/invoice-proposals/*/lines/*", PROPOSAL_EDIT);
        rule(POST, le + "/invoice-proposals/*/reset", PROPOSAL_EDIT);
        rule(POST, le + "/invoice-proposals/*/submit", PROPOSAL_EDIT);
        rule(POST, le + "/on-account-transactions", PROPOSAL_EDIT);
        rule(PUT, le + "/on-account-transactions/*", PROPOSAL_EDIT);
        rule(PATCH, le + "/on-account-transactions/*", PROPOSAL_EDIT);
        rule(DELETE, le + "/on-account-transactions/*", PROPOSAL_EDIT);
        rule(POST, le + "/invoice-proposals/*/approve", PROPOSAL_APPROVE);
        rule(POST, le + "/invoice-proposals/*/reject", PROPOSAL_APPROVE);
        rule(POST, le + "/invoice-proposals/*/request-change", PROPOSAL_APPROVE);
        rule(POST, le + "/invoice-proposals/*/post", PROPOSAL_POST);
        // Vouchers, periods.
        rule(POST, le + "/vouchers/*/reverse", VOUCHER_REVERSE);
        rule(POST, le + "/periods", PERIOD_MANAGE);
        rule(PUT, le + "/periods/*/status", PERIOD_MANAGE);

        // Dual-write.
        rule(POST, "/api/dualwrite/maps/validate", MAP_EDIT);
        rule(PUT, "/api/dualwrite/maps/*/definition", MAP_EDIT);
        rule(POST, "/api/dualwrite/maps/*/run", MAP_RUN);
        rule(POST, "/api/dualwrite/maps/*/pause", MAP_PAUSE);
        rule(POST, "/api/dualwrite/maps/*/resume", MAP_RESUME);
        rule(POST, "/api/dualwrite/maps/*/stop", MAP_STOP);
        rule(POST, "/api/dualwrite/maps/*/errors/retry", ERROR_RETRY);
        rule(POST, "/api/dualwrite/maps/*/retry-queue", ERROR_RETRY);
        rule(POST, "/api/dualwrite/maps/*/resync", ERROR_RETRY);
        rule(POST, "/api/dualwrite/maps/*/errors/purge", ERROR_PURGE);
        rule(POST, "/api/dualwrite/maps/*/initial-sync", INITIAL_SYNC);

        // Users and the security log.
        rule(POST, "/api/admin/users", USER_MANAGE);
        rule(PATCH, "/api/admin/users/*", USER_MANAGE);
        rule(POST, "/api/admin/users/*/reset-password", USER_MANAGE);
    }

    private ApiPermissions() {
    }

    private static void rule(HttpMethod method, String pattern, Permission permission) {
        RULES.add(new Rule(method, pattern, permission, PARSER.parse(pattern)));
    }

    /** Every rule, in the order written. */
    public static List<Rule> rules() {
        return List.copyOf(RULES);
    }

    /** The rules that cover a method and path (a well-formed matrix has at most one). */
    public static List<Rule> covering(String method, String path) {
        return RULES.stream().filter(r -> r.matches(method, path)).toList();
    }

    /** The permission a request needs, if a rule covers it. */
    public static Optional<Permission> required(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return covering(request.getMethod(), path).stream().findFirst().map(Rule::permission);
    }
}
