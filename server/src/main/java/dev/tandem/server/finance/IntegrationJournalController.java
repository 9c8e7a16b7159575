package dev.tandem.server.finance;

import dev.tandem.common.Page;
import dev.tandem.finance.Finance;
import dev.tandem.finance.journal.ImportFromStaging;
import dev.tandem.finance.journal.IntegrationJournal;
import dev.tandem.finance.journal.Journal;
import dev.tandem.finance.journal.JournalLine;
import dev.tandem.finance.journal.JournalStatus;
import dev.tandem.server.api.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Actuals staging, Import from staging and the integration journal under {@code /api/finance} (§3.7, §3.8, §4.7,
 * §5 steps 5–6, §8, §10, §11 items 20–21):
 * <ul>
 *   <li>{@code /staging/actuals}: written only by the dual-write actuals map (in-process, through the Finance data
 *       entities), so any write here is 405 {@code TABLE_MAP_ONLY} ({@link TableMapRows});</li>
 *   <li>{@code POST /legal-entities/{id}/import-from-staging}: one run, streamed in pages;</li>
 *   <li>journals, their lines, the edit of tax groups and dimensions (the only editable fields), posting one or all
 *       draft journals, and "Update to draft" of an error journal.</li>
 * </ul>
 */
@RestController
@RequestMapping(FinanceApi.BASE)
public class IntegrationJournalController {

    private final ImportFromStaging importFromStaging;
    private final IntegrationJournal journal;

    public IntegrationJournalController(Finance finance) {
        this.importFromStaging = finance.importFromStaging();
        this.journal = finance.integrationJournal();
    }

    /**
     * Writing actuals staging: refused, only the actuals map writes it, from the actuals of Project Operations (§3.7,
     * §11 rule 8). Nothing of the request is read.
     */
    @Operation(summary = "Refused: actuals staging is written by the actuals table map", description = TableMapRows.OPENAPI_DESCRIPTION, responses = @ApiResponse(
            responseCode = "405", description = "TABLE_MAP_ONLY: only the table map writes these rows",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = TableMapRows.PROBLEM_REF))))
    @RequestMapping(path = "/staging/actuals", method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE})
    void stage() {
        throw TableMapRows.stagedActuals();
    }

    @PostMapping("/legal-entities/{dataAreaId}/import-from-staging")
    ImportFromStaging.ImportResult runImport(@PathVariable String dataAreaId) {
        return importFromStaging.run(dataAreaId);
    }

    /** The latest import errors of a legal entity (rows left unprocessed, e.g. without an exchange rate). */
    @GetMapping("/legal-entities/{dataAreaId}/import-from-staging/errors")
    List<ImportFromStaging.ImportError> importErrors(@PathVariable String dataAreaId,
            @RequestParam(defaultValue = "100") int limit) {
        return importFromStaging.errors(dataAreaId, Math.max(1, Math.min(limit, Page.MAX_SIZE)));
    }

    @GetMapping("/legal-entities/{dataAreaId}/integration-journals")
    List<Journal> journals(@PathVariable String dataAreaId, @RequestParam(required = false) JournalStatus status) {
        return journal.journals(dataAreaId, status);
    }

    @GetMapping("/legal-entities/{dataAreaId}/integration-journals/{journalId}")
    Journal journal(@PathVariable String dataAreaId, @PathVariable String journalId) {
        return journal.journal(dataAreaId, journalId);
    }

    @GetMapping("/legal-entities/{dataAreaId}/integration-journals/{journalId}/lines")
    Page<JournalLine> lines(@PathVariable String dataAreaId, @PathVariable String journalId, PageRequest page) {
        return journal.lines(dataAreaId, journalId, page.page(), page.size());
    }

    /** Changes tax group, item tax group or dimensions of a draft line; any other field is refused (§11 item 21). */
    @PatchMapping("/integration-journal-lines/{lineId}")
    JournalLine editLine(@PathVariable UUID lineId, @RequestBody Map<String, Object> changes) {
        return journal.update(lineId, new LinkedHashMap<>(changes));
    }

    /** Deletes an unposted line; the next import re-inserts it (§3.8). */
    @DeleteMapping("/integration-journal-lines/{lineId}")
    ResponseEntity<Void> deleteLine(@PathVariable UUID lineId) {
        journal.deleteLine(lineId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/legal-entities/{dataAreaId}/integration-journals/{journalId}/post")
    IntegrationJournal.PostResult post(@PathVariable String dataAreaId, @PathVariable String journalId) {
        return journal.post(dataAreaId, journalId);
    }

    /** "Post Project Operations integration journal" for every draft journal of the legal entity (§8). */
    @PostMapping("/legal-entities/{dataAreaId}/integration-journals/post")
    List<IntegrationJournal.PostResult> postAll(@PathVariable String dataAreaId) {
        return journal.postAll(dataAreaId);
    }

    /** "Update to draft" of an error journal (§4.7). */
    @PostMapping("/legal-entities/{dataAreaId}/integration-journals/{journalId}/reset")
    ResponseEntity<Void> reset(@PathVariable String dataAreaId, @PathVariable String journalId) {
        journal.resetToDraft(dataAreaId, journalId);
        return ResponseEntity.noContent().build();
    }
}
