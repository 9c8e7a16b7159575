package dev.tandem.finance.setup;

import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.staging.TransactionClassifications;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The project categories of one legal entity and its "Project category defaults", read once, and the §3.8 Category
 * rule of Import from staging over them: a journal line's (and a proposal line's) category is the actual's
 * transaction category ({@code TransactionCategoryId} of staging, the Dataverse category's name) when it is a project
 * category of the legal entity, else the default of the line's transaction classification (Time, Expense, Material,
 * Milestone, Fee), else none.
 *
 * <p>None — not an import error — when neither exists: Tandem's posting profiles don't depend on the category, so a
 * line without one posts correctly, and a legal entity that has not set project categories up keeps importing as
 * before. The line then shows no category.
 */
public final class ProjectCategories {

    /** The transaction classifications a default can be set for (Dataverse values). */
    public static final Set<Integer> CLASSIFICATIONS = Set.of(TransactionClassifications.TIME,
            TransactionClassifications.EXPENSE, TransactionClassifications.MATERIAL, TransactionClassifications.MILESTONE,
            TransactionClassifications.FEE);

    private final Set<String> categories;
    private final Map<Integer, String> defaults;

    private ProjectCategories(Set<String> categories, Map<Integer, String> defaults) {
        this.categories = categories;
        this.defaults = defaults;
    }

    /** The categories and defaults of {@code dataAreaId} as they are now (two small queries). */
    public static ProjectCategories of(FinanceContext ctx, String dataAreaId) {
        Set<String> categories = new HashSet<>(ctx.jdbc().queryForList("SELECT categoryid FROM projcategory WHERE "
                + "dataareaid = ?", String.class, dataAreaId));
        Map<Integer, String> defaults = new HashMap<>();
        ctx.jdbc().query("SELECT transactionclassification, categoryid FROM projcategorydefault WHERE dataareaid = ?",
                rs -> {
                    defaults.put(rs.getInt(1), rs.getString(2));
                }, dataAreaId);
        return new ProjectCategories(Set.copyOf(categories), Map.copyOf(defaults));
    }

    /**
     * The category of a line (§3.8 Category).
     *
     * @param transactionCategoryId the staged {@code TransactionCategoryId}, {@code null} when the actual has none
     * @param transactionClassification the staged classification (Dataverse value)
     * @return the project category id, or {@code null} when the actual's category is no project category of the legal
     *         entity and its classification has no default
     */
    public String categoryOf(String transactionCategoryId, int transactionClassification) {
        if (transactionCategoryId != null && categories.contains(transactionCategoryId.trim())) {
            return transactionCategoryId.trim();
        }
        return defaults.get(transactionClassification);
    }
}
