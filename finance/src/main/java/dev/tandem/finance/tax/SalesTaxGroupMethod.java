package dev.tandem.finance.tax;

/**
 * The legal entity's "Sales tax group method" (§3.8, {@code legal_entity.salestaxgroupmethod}): where the sales tax
 * group of a project transaction comes from.
 */
public enum SalesTaxGroupMethod {
    /** The project's group ({@code projtable.taxgroup}). */
    PROJECT,
    /** The project contract's group ({@code projcontracttaxgroup}). */
    CONTRACT,
    /** The customer's group ({@code custtable.taxgroup}). */
    CUSTOMER,
    /** The first group found: project, then contract, then customer. */
    SEARCH
}
