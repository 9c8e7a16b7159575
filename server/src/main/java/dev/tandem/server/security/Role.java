package dev.tandem.server.security;

import static dev.tandem.server.security.Permission.*;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles of Tandem's users, each a fixed set of {@link Permission}s (issue 15; Fineract's role matrix). A user
 * holds one role or several; what they may do is the union. docs/security.md shows the matrix.
 */
public enum Role {
    /** Master data of Project Operations, work approval, billing backlog, proforma invoices. */
    PROJECT_MANAGER("project-manager", EnumSet.of(OPERATIONS_READ, FINANCE_READ, DUALWRITE_READ, MASTERDATA_EDIT,
            CONTRACT_EDIT, CONTRACT_CONFIRM, WORK_ENTER, WORK_APPROVE, BACKLOG_READY, INVOICE_CREATE, INVOICE_EDIT,
            INVOICE_CONFIRM, INVOICE_REVISE, RETAINER_REFUND)),
    /** Finance setup, rates, staging, Import from staging, journals, proposals, vouchers, ledger, periods. */
    ACCOUNTANT("accountant", EnumSet.of(OPERATIONS_READ, FINANCE_READ, DUALWRITE_READ, FINANCE_SETUP, RATE_IMPORT,
            STAGING_EDIT, JOURNAL_IMPORT, JOURNAL_EDIT, JOURNAL_POST, PROPOSAL_EDIT, PROPOSAL_APPROVE, PROPOSAL_POST,
            VOUCHER_REVERSE, PERIOD_MANAGE, INVOICE_MARK_PAID)),
    /** Table maps, states, queues, error log, initial sync, alerts, reconcile. */
    INTEGRATION_ADMIN("integration-admin", EnumSet.of(OPERATIONS_READ, FINANCE_READ, DUALWRITE_READ, MAP_EDIT,
            MAP_RUN, MAP_PAUSE, MAP_RESUME, MAP_STOP, QUEUE_DISCARD, ERROR_RETRY, ERROR_PURGE, INITIAL_SYNC)),
    /** Reads everything, changes nothing. */
    VIEWER("viewer", EnumSet.of(OPERATIONS_READ, FINANCE_READ, DUALWRITE_READ)),
    /** Users and roles, and the security log. */
    ADMINISTRATOR("administrator", EnumSet.of(USER_MANAGE, SECURITY_READ));

    private final String text;
    private final Set<Permission> permissions;

    Role(String text, Set<Permission> permissions) {
        this.text = text;
        this.permissions = permissions;
    }

    /** The role's name as stored and as the CLI and API take and show it, e.g. {@code project-manager}. */
    @JsonValue
    public String text() {
        return text;
    }

    /** The role's permissions (unmodifiable). */
    public Set<Permission> permissions() {
        return java.util.Collections.unmodifiableSet(permissions);
    }

    /** The role named {@code text} ({@code project-manager}, case-insensitive; {@code PROJECT_MANAGER} too). */
    public static Optional<Role> of(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(r -> r.text.equals(wanted)).findFirst();
    }

    /** The names of every role, for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Role::text).toList());
    }
}
