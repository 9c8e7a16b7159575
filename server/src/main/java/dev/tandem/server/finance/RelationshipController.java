package dev.tandem.server.finance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transaction relationship staging under {@code /api/finance/transaction-relationships} (§3.6, §7.2): Project
 * Operations' transaction connections, which only the {@code msdyn_transactionconnections} map delivers (in-process,
 * through the Finance data entities). Import reads the Billed Sales ↔ Unbilled Sales connections to know which
 * unbilled sales must be journalized before a proposal gets lines (§5 step 12). Writing them here is 405
 * {@code TABLE_MAP_ONLY} ({@link TableMapRows}).
 */
@RestController
@RequestMapping(FinanceApi.BASE + "/transaction-relationships")
public class RelationshipController {

    /** Delivering, replacing or deleting connections: refused, only the map writes them. Nothing is read. */
    @Operation(summary = "Refused: transaction relationships are created by their table map", description = TableMapRows.OPENAPI_DESCRIPTION, responses = @ApiResponse(
            responseCode = "405", description = "TABLE_MAP_ONLY: only the table map writes these rows",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = TableMapRows.PROBLEM_REF))))
    @RequestMapping(method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE})
    void write() {
        throw TableMapRows.relationships();
    }
}
