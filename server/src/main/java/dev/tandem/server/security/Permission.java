package dev.tandem.server.security;

/**
 * What a signed-in user may do, as {@code group:action} permissions (Kill Bill's style): each operation of the API
 * needs exactly one ({@link ApiPermissions}), and each {@link Role} is a set of them. The text is the granted
 * authority Spring Security checks and the name a 403 problem gives ({@code permission} member).
 *
 * <p>Defined once here; docs/security.md shows the same matrix as a table, and a test holds the two equal.
 */
public enum Permission {
    /** Reads Project Operations: master data, contracts, work, actuals, backlog, proforma invoices. */
    OPERATIONS_READ("operations:read", "read Project Operations"),
    /** Reads Finance: setup, rates, staging, journals, proposals, customer invoices, vouchers, ledger. */
    FINANCE_READ("finance:read", "read Finance"),
    /** Reads dual-write: table maps, states, queues, error and activity logs, initial syncs, reconcile. */
    DUALWRITE_READ("dualwrite:read", "read table maps, queues, logs and the reconcile report"),

    /** Creates master data of Project Operations: customers, units, price lists, products, projects, resources. */
    MASTERDATA_EDIT("masterdata:edit", "create and change master data of Project Operations"),
    /** Creates and changes project contracts, their lines, customers, NTE limits, milestones, retainers. */
    CONTRACT_EDIT("contract:edit", "create and change project contracts"),
    /** Confirms a project contract. */
    CONTRACT_CONFIRM("contract:confirm", "confirm project contracts"),
    /** Enters and submits time, expense and material entries, and recalls them. */
    WORK_ENTER("work:enter", "enter, submit and recall work entries"),
    /** Approves and rejects work entries, and cancels approvals (§5). */
    WORK_APPROVE("work:approve", "approve and reject work entries"),
    /** Marks billing backlog Ready or Not ready to invoice, and re-evaluates not-to-exceed. */
    BACKLOG_READY("backlog:ready", "mark billing backlog Ready / Not ready, re-evaluate not-to-exceed"),
    /** Creates proforma invoices (per contract, bulk, invoice runs). */
    INVOICE_CREATE("invoice:create", "create proforma invoices"),
    /** Edits draft proforma invoices: line details, refresh, delete, review status. */
    INVOICE_EDIT("invoice:edit", "edit and delete draft proforma invoices"),
    /** Confirms proforma invoices, one or in bulk. */
    INVOICE_CONFIRM("invoice:confirm", "confirm proforma invoices"),
    /** Revises a confirmed invoice with a corrective invoice. */
    INVOICE_REVISE("invoice:revise", "revise confirmed invoices (corrective invoice)"),
    /** Marks a posted invoice paid. */
    INVOICE_MARK_PAID("invoice:mark-paid", "mark posted invoices paid"),
    /** Refunds retainers and cancels refunds. */
    RETAINER_REFUND("retainer:refund", "refund retainers"),

    /** Sets Finance up: legal entities, accounts, posting profiles, taxes, number sequences, projects, customers. */
    FINANCE_SETUP("finance:setup", "set Finance up"),
    /** Enters and imports exchange rates. */
    RATE_IMPORT("rate:import", "enter and import exchange rates"),
    /** Writes actuals staging and transaction relationships directly. */
    STAGING_EDIT("staging:edit", "write actuals staging"),
    /** Runs Import from staging (§8). */
    JOURNAL_IMPORT("journal:import", "import from staging"),
    /** Changes, deletes and resets integration journal lines. */
    JOURNAL_EDIT("journal:edit", "change integration journals"),
    /** Posts integration journals. */
    JOURNAL_POST("journal:post", "post integration journals"),
    /** Creates and changes invoice proposals and their lines, and on-account transactions. */
    PROPOSAL_EDIT("proposal:edit", "create and change invoice proposals"),
    /** Approves, rejects and sends back invoice proposals. */
    PROPOSAL_APPROVE("proposal:approve", "approve and reject invoice proposals"),
    /** Posts invoice proposals as customer invoices. */
    PROPOSAL_POST("proposal:post", "post invoice proposals"),
    /** Reverses posted vouchers. */
    VOUCHER_REVERSE("voucher:reverse", "reverse vouchers"),
    /** Creates fiscal periods, opens and closes them. */
    PERIOD_MANAGE("period:manage", "open and close fiscal periods"),

    /** Edits and validates table map definitions. */
    MAP_EDIT("map:edit", "edit table maps"),
    /** Runs a table map. */
    MAP_RUN("map:run", "run table maps"),
    /** Pauses a table map (its changes queue). */
    MAP_PAUSE("map:pause", "pause table maps"),
    /** Resumes a paused table map by draining its queue or moving it to the retry list. */
    MAP_RESUME("map:resume", "resume table maps"),
    /** Stops a table map. */
    MAP_STOP("map:stop", "stop table maps"),
    /** Resumes a table map by discarding its queue (the changes never reach the target). */
    QUEUE_DISCARD("queue:discard", "discard a paused map's queue"),
    /** Retries failed batches and rows: the error log, the retry queue, a resync. */
    ERROR_RETRY("error:retry", "retry sync errors"),
    /** Purges resolved entries of the error log. */
    ERROR_PURGE("error:purge", "purge the error log"),
    /** Starts an initial sync. */
    INITIAL_SYNC("initialsync:run", "run initial syncs"),

    /** Manages users: creates, disables, sets roles, resets passwords. */
    USER_MANAGE("user:manage", "manage users and their roles"),
    /** Reads users and the security log. */
    SECURITY_READ("security:read", "read users and the security log");

    private final String text;
    private final String description;

    Permission(String text, String description) {
        this.text = text;
        this.description = description;
    }

    /** The {@code group:action} text, e.g. {@code invoice:confirm}. */
    public String text() {
        return text;
    }

    /** What the permission allows, for docs and messages. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return text;
    }
}
