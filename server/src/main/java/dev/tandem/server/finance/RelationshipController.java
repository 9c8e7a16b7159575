package dev.tandem.server.finance;

import dev.tandem.finance.Finance;
import dev.tandem.finance.proposal.TransactionRelationships;
import dev.tandem.finance.proposal.TransactionRelationships.Relationship;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transaction relationship staging under {@code /api/finance/transaction-relationships} (§3.6, §7.2): Project
 * Operations' transaction connections as the {@code msdyn_transactionconnections} map delivers them. Import reads the
 * Billed Sales ↔ Unbilled Sales connections to know which unbilled sales must be journalized before a proposal gets
 * lines (§5 step 12). Connections are only upserted, never deleted; they belong to no legal entity (the actuals they
 * connect do).
 */
@RestController
@RequestMapping(FinanceApi.BASE + "/transaction-relationships")
public class RelationshipController {

    private final TransactionRelationships relationships;

    public RelationshipController(Finance finance) {
        this.relationships = finance.proposals().relationships();
    }

    /**
     * One connection: the two transactions, their roles (Project Operations' values, e.g. 192350006 Billed Sales,
     * 192350005 Unbilled Sales) and their types (entity logical names, e.g. {@code msdyn_actual}).
     */
    record RelationshipRequest(@NotNull UUID connectionId, @NotNull UUID transaction1Id,
                               @NotNull Integer transaction1Role, @NotBlank String transaction1Type,
                               @NotNull UUID transaction2Id, @NotNull Integer transaction2Role,
                               @NotBlank String transaction2Type) {

        Relationship relationship() {
            return new Relationship(connectionId, transaction1Id, transaction1Role, transaction1Type, transaction2Id,
                    transaction2Role, transaction2Type);
        }
    }

    /** Inserts new connections and updates changed ones, all or none (idempotent by connection id). */
    @PostMapping
    ResponseEntity<Void> upsert(@RequestBody @NotEmpty List<@Valid @NotNull RelationshipRequest> body) {
        relationships.upsert(body.stream().map(RelationshipRequest::relationship).toList());
        return ResponseEntity.noContent().build();
    }
}
