package dev.tandem.finance.sync;

import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.STATE;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.DataEntity;
import dev.tandem.dualwrite.spi.InboundPipeline;
import dev.tandem.dualwrite.spi.InboundRefusal;
import dev.tandem.dualwrite.spi.InboundRow;
import dev.tandem.dualwrite.spi.InboundRule;
import dev.tandem.dualwrite.spi.TableDataEntity;
import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.onaccount.OnAccountTransactions;
import dev.tandem.finance.onaccount.OnAccountTransactions.Milestone;
import dev.tandem.finance.project.ProjectContracts.ContractInput;
import dev.tandem.finance.project.ProjectContracts.ContractLineInput;
import dev.tandem.finance.project.ProjectContracts.ProjectInput;
import dev.tandem.finance.project.ProjectDataEntities;
import dev.tandem.finance.proposal.ProposalDataEntities;
import dev.tandem.finance.proposal.ProposalHeaders.HeaderInput;
import dev.tandem.finance.proposal.TransactionRelationships.Relationship;
import dev.tandem.finance.rates.ExchangeRates;
import dev.tandem.finance.setup.SetupDataEntities;
import dev.tandem.finance.staging.FinanceDataEntities;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The data entities Finance exposes to the dual-write runtime (DESIGN §3), parents first, as the table maps in
 * {@code maps/} name them. Each entity reads its table with SQL ({@link TableDataEntity}); writes go to Finance's own
 * validating write path, so a row Finance would refuse is refused to the runtime with a {@link TandemException} whose
 * message names the row and the rule: that sentence is what the Project Operations user sees when live sync refuses.
 *
 * <table>
 *   <caption>Entities</caption>
 *   <tr><th>entity</th><th>table</th><th>key</th><th>runtime writes through</th></tr>
 *   <tr><td>legalentities</td><td>legal_entity</td><td>dataareaid</td><td>— (Finance is master: read-only)</td></tr>
 *   <tr><td>exchangerates</td><td>exchangerate</td><td>rateid</td><td>— (read-only)</td></tr>
 *   <tr><td>customers</td><td>custtable</td><td>accountnum (striped by dataareaid)</td><td>— (read-only)</td></tr>
 *   <tr><td>projects</td><td>projtable</td><td>projid</td><td>{@link dev.tandem.finance.project.ProjectContracts#upsertProjects}</td></tr>
 *   <tr><td>projectcontracts</td><td>projinvoicetable</td><td>projinvoiceprojid</td><td>{@link dev.tandem.finance.project.ProjectContracts#upsertContracts}</td></tr>
 *   <tr><td>projectcontractlines</td><td>projcontractline</td><td>contractlineid</td><td>{@link dev.tandem.finance.project.ProjectContracts#upsertContractLines}</td></tr>
 *   <tr><td>projinvoiceproposals</td><td>projproposaljour</td><td>proposalid</td><td>{@link dev.tandem.finance.proposal.ProposalHeaders#upsertHeader}, one per row</td></tr>
 *   <tr><td>ProjCDSActualsImportEntity</td><td>projcdsactualsimport</td><td>actualid</td><td>{@link dev.tandem.finance.staging.StagingEntity#upsert}</td></tr>
 *   <tr><td>projcdstransactionrelationships</td><td>projcdstransactionrelationshipimport</td><td>connectionid</td><td>{@link dev.tandem.finance.proposal.TransactionRelationships#upsert}</td></tr>
 *   <tr><td>projonaccounttransactions</td><td>projonacctrans</td><td>transactionid</td><td>{@link OnAccountTransactions#upsert}, one per row</td></tr>
 *   <tr><td>projcustomerinvoiceexports</td><td>projcustinvoiceexport</td><td>proposalid</td><td>— (source only)</td></tr>
 * </table>
 *
 * <p>Every entity but the actuals staging entity runs the inbound pipeline of the SPI ({@link InboundPipeline}):
 * delivered values are JSON-shaped and are coerced to the column types (the actuals staging entity coerces its own,
 * refusing binary floating-point amounts). A value that does not fit, an unknown field or a read-only field is
 * INVALID_INPUT naming the row ({@link #refusal} words them); a delivered row equal to the stored one writes nothing. A delivered row carries the mapped fields only: the fields it leaves
 * out keep their stored value. Deletes by sync are refused ({@code STATE}): Project Operations never deletes these
 * rows once they have reached Finance (actuals can't be deleted, §3.1; integrated proposals can't be deleted, §11
 * item 16). Every call joins the caller's transaction (the runtime's), so a refused row leaves nothing of the call.
 */
public final class FinanceSyncEntities {

    /** The definitions of all Finance data entities, parents first (the order of {@link #create}). */
    public static final List<DataEntityDefinition> DEFINITIONS = List.of(SetupDataEntities.LEGAL_ENTITIES,
            ExchangeRates.ENTITY, SetupDataEntities.CUSTOMERS, ProjectDataEntities.PROJECTS,
            ProjectDataEntities.CONTRACTS, ProjectDataEntities.CONTRACT_LINES, ProposalDataEntities.PROPOSAL_HEADERS,
            FinanceDataEntities.ACTUALS_STAGING, ProposalDataEntities.TRANSACTION_RELATIONSHIPS,
            OnAccountTransactions.ENTITY, ProposalDataEntities.CUSTOMER_INVOICE_EXPORT);

    private FinanceSyncEntities() {
    }

    /** Finance's entities over its services, parents first (legal entities before customers before projects…). */
    public static List<DataEntity> create(Finance finance) {
        FinanceContext ctx = finance.context();
        List<DataEntity> all = new ArrayList<>();
        all.add(InboundPipeline.readOnly(SetupDataEntities.LEGAL_ENTITIES, ctx, FinanceSyncEntities::refusal));
        all.add(InboundPipeline.readOnly(ExchangeRates.ENTITY, ctx, FinanceSyncEntities::refusal));
        all.add(InboundPipeline.readOnly(SetupDataEntities.CUSTOMERS, ctx, FinanceSyncEntities::refusal));
        all.add(entity(ctx, ProjectDataEntities.PROJECTS, "Project", rows -> finance.projectContracts().upsertProjects(
                completed(rows).map(r -> new ProjectInput(text(r, "projid"), text(r, "dataareaid"), text(r, "name"),
                        text(r, "projgroupid"), text(r, "custaccount"))).toList())));
        all.add(entity(ctx, ProjectDataEntities.CONTRACTS, "Project contract", rows ->
                finance.projectContracts().upsertContracts(completed(rows).map(r -> new ContractInput(
                        text(r, "projinvoiceprojid"), text(r, "dataareaid"), text(r, "description"),
                        text(r, "invoiceaccount"), text(r, "currencyid"))).toList())));
        all.add(entity(ctx, ProjectDataEntities.CONTRACT_LINES, "Contract line", rows ->
                finance.projectContracts().upsertContractLines(completed(rows).map(r -> new ContractLineInput(
                        (UUID) r.get("contractlineid"), text(r, "dataareaid"), text(r, "projinvoiceprojid"),
                        text(r, "description"), text(r, "billingmethod"), text(r, "projid"))).toList())));
        all.add(entity(ctx, ProposalDataEntities.PROPOSAL_HEADERS, "Invoice proposal", rows -> {
            // "Project invoice proposals V2": one upsertHeader per delivered row (§7.3)
            for (InboundRow row : rows) {
                Map<String, Object> r = row.completed();
                HeaderInput in = new HeaderInput(text(r, "proposalid"), text(r, "dataareaid"),
                        text(r, "projinvoiceprojid"), text(r, "fundingsource"), text(r, "invoiceaccount"),
                        text(r, "currencyid"), (LocalDate) r.get("invoicedate"), text(r, "description"),
                        Boolean.TRUE.equals(r.get("iscreditnote")), (BigDecimal) r.get("expectedamount"));
                naming(row, () -> finance.proposals().headers().upsertHeader(in));
            }
        }));
        all.add(actualsStaging(finance));
        all.add(entity(ctx, ProposalDataEntities.TRANSACTION_RELATIONSHIPS, "Transaction relationship", rows -> {
            List<Relationship> relationships = new ArrayList<>();
            for (InboundRow row : rows) {
                Map<String, Object> r = row.completed();
                relationships.add(new Relationship((UUID) r.get("connectionid"), (UUID) r.get("transaction1id"),
                        option(r, "transaction1role", row.name()), text(r, "transaction1type"),
                        (UUID) r.get("transaction2id"), option(r, "transaction2role", row.name()),
                        text(r, "transaction2type")));
            }
            finance.proposals().relationships().upsert(relationships);
        }));
        all.add(entity(ctx, OnAccountTransactions.ENTITY, "On-account transaction", rows -> {
            // "Contract line milestones": one on-account transaction per milestone (§3.10, §7.2)
            for (InboundRow row : rows) {
                Map<String, Object> r = row.completed();
                Milestone m = new Milestone((UUID) r.get("transactionid"), text(r, "dataareaid"), text(r, "projid"),
                        text(r, "projinvoiceprojid"), (UUID) r.get("contractlineref"), text(r, "currencyid"),
                        text(r, "description"), (LocalDate) r.get("invoicedate"), (BigDecimal) r.get("amount"),
                        option(r, "status", row.name()));
                naming(row, () -> finance.proposals().onAccountTransactions().upsert(m));
            }
        }));
        all.add(InboundPipeline.readOnly(ProposalDataEntities.CUSTOMER_INVOICE_EXPORT, ctx,
                FinanceSyncEntities::refusal));
        return List.copyOf(all);
    }

    /**
     * The actuals staging entity (§3.7): the delivery goes to {@link dev.tandem.finance.staging.StagingEntity#upsert}
     * as it arrives, which coerces and validates it whole (refusing binary floating-point amounts, ignoring the
     * fields Finance owns) and names every refused actual. Of the inbound pipeline it keeps the key field and the
     * refusal of deletes.
     */
    private static DataEntity actualsStaging(Finance finance) {
        DataEntityDefinition definition = FinanceDataEntities.ACTUALS_STAGING;
        return new TableDataEntity(definition, finance.context(), new TableDataEntity.Writes() {
            @Override
            public void upsert(String keyField, List<Map<String, Object>> rows) {
                if (!definition.integrationKey().equals(keyField)) {
                    throw new IllegalArgumentException(definition.name() + " is written by its integration key "
                            + definition.integrationKey() + ", not by " + keyField);
                }
                finance.staging().upsert(rows);
            }

            @Override
            public void delete(String keyField, List<?> keys) {
                throw refusal(new InboundRefusal.DeleteRefused(definition.name(), "Actual", keys,
                        "actuals can't be deleted (§3.1); corrections are new actuals"));
            }
        });
    }

    /**
     * An entity whose delivered rows run the inbound pipeline and then {@code write}, by the integration key only;
     * {@code write} gets the rows completed with their stored fields (a delivery carries the mapped fields only).
     */
    private static DataEntity entity(FinanceContext ctx, DataEntityDefinition definition, String noun,
                                     Consumer<List<InboundRow>> write) {
        return InboundPipeline.entity(definition, ctx, FinanceSyncEntities::refusal, new InboundRule() {
            @Override
            public String noun() {
                return noun;
            }

            @Override
            public boolean writesBy(DataEntityDefinition entity, String keyField) {
                return entity.integrationKey().equals(keyField);
            }

            @Override
            public void write(String keyField, List<InboundRow> rows) {
                write.accept(rows);
            }
        });
    }

    private static Stream<Map<String, Object>> completed(List<InboundRow> rows) {
        return rows.stream().map(InboundRow::completed);
    }

    /**
     * Runs a write of one row; a refusal of Finance's write path is worded so that it names the row: kept as it is
     * when it already does, else prefixed with the row's name (the code and properties stay).
     */
    private static void naming(InboundRow row, Runnable write) {
        try {
            write.run();
        } catch (TandemException e) {
            if (e.getMessage() != null && e.getMessage().contains(row.key().toString())) {
                throw e;
            }
            throw new TandemException(e.errorCode(), row.name() + ": " + e.getMessage(), e.properties());
        }
    }

    /**
     * Finance's wording of the inbound pipeline's refusals: {@code INVALID_INPUT} naming the row by its key, ending in
     * "Nothing was written."; deletes are {@code STATE}; entities Finance is master of are refused in the runtime's
     * words ({@link InboundPipeline#entityReadOnly}).
     */
    static TandemException refusal(InboundRefusal refusal) {
        return switch (refusal) {
            case InboundRefusal.EntityReadOnly r -> InboundPipeline.entityReadOnly(r.entity());
            case InboundRefusal.KeyMissing r -> invalid(r, r.noun() + " in row " + r.position() + " of the delivery",
                    "field '" + r.keyField() + "', its key, is missing");
            case InboundRefusal.UnknownField r -> invalid(r, r.row(), "field '" + r.field() + "' is not a field of "
                    + r.entity());
            case InboundRefusal.ReadOnlyField r -> invalid(r, r.row(), "field '" + r.field()
                    + "' is Finance's own; sync can't write it");
            case InboundRefusal.DoesNotFit r -> invalid(r, r.row(), "value '" + r.value() + "' does not fit field "
                    + r.field() + " (" + r.type() + ")");
            case InboundRefusal.TooLong r -> invalid(r, r.row(), "field '" + r.field() + "' is " + r.value().length()
                    + " characters long; at most " + r.maxLength() + " fit");
            case InboundRefusal.DeleteRefused r -> {
                List<?> keys = r.keys();
                String named = keys.stream().limit(10).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
                yield new TandemException(STATE, r.noun() + (keys.size() == 1 ? " " : "s ") + named
                        + (keys.size() > 10 ? " (and " + (keys.size() - 10) + " more)" : "") + ": " + r.reason() + ".",
                        Map.of("keys", keys.stream().map(String::valueOf).toList()));
            }
        };
    }

    private static TandemException invalid(InboundRefusal refusal, String row, String why) {
        return new TandemException(INVALID_INPUT, row + ": " + why + ". Nothing was written.",
                Map.of("entity", refusal.entity()));
    }

    private static String text(Map<String, Object> row, String field) {
        Object v = row.get(field);
        return v == null ? null : v.toString();
    }

    /** An option-set value a Finance record needs as an {@code int}; missing is INVALID_INPUT naming the row. */
    private static int option(Map<String, Object> row, String field, String name) {
        if (row.get(field) instanceof Integer i) {
            return i;
        }
        throw new TandemException(INVALID_INPUT, name + ": field '" + field + "' must be filled in. Nothing was written.");
    }
}
