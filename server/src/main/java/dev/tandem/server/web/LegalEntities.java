package dev.tandem.server.web;

import dev.tandem.common.TandemException;
import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.setup.PostingSetup.LegalEntity;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * The legal entity an accountant's page is about: the one its {@code company} parameter names (not {@code le}, an
 * operator of the pages' expression language), else Finance's first (by id). Every Finance page puts it in the model
 * as {@code company}, with the legal entities to switch to and the accounting currency, in which ledger amounts are
 * written.
 */
final class LegalEntities {

    private LegalEntities() {
    }

    /**
     * The legal entity of the page.
     *
     * @throws TandemException NOT_FOUND for an unknown one, or when Finance has none yet
     */
    static LegalEntity of(Finance finance, String le, Model model) {
        List<String> all = finance.postingSetup().dataAreaIds();
        String id = le == null || le.isBlank() ? all.stream().sorted().findFirst().orElseThrow(() ->
                new TandemException(FinanceError.NOT_FOUND, "Finance has no legal entity yet: an accountant sets one "
                        + "up first (POST /api/finance/legal-entities).", Map.of())) : le.trim();
        LegalEntity entity = finance.postingSetup().legalEntity(id);
        if (model != null) {
            model.addAttribute("company", entity.dataAreaId());
            model.addAttribute("legalEntities", all.stream().sorted().toList());
            model.addAttribute("accountingCurrency", entity.accountingCurrency());
        }
        return entity;
    }

    /** {@code ?company=<id>} to carry the legal entity through a redirect. */
    static String query(String le) {
        return "?company=" + java.net.URLEncoder.encode(le, java.nio.charset.StandardCharsets.UTF_8);
    }
}
