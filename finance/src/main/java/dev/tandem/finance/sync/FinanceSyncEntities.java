package dev.tandem.finance.sync;

import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.STATE;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.DataEntity;
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
 * <p>Delivered values are JSON-shaped and are coerced to the column types ({@link DeliveredRows}; the actuals staging
 * entity coerces its own, refusing binary floating-point amounts). A value that does not fit, an unknown field or a
 * read-only field is INVALID_INPUT naming the row. A delivered row carries the mapped fields only: the fields it leaves
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
        all.add(TableDataEntity.readOnly(SetupDataEntities.LEGAL_ENTITIES, ctx));
        all.add(TableDataEntity.readOnly(ExchangeRates.ENTITY, ctx));
        all.add(TableDataEntity.readOnly(SetupDataEntities.CUSTOMERS, ctx));
        all.add(entity(ctx, ProjectDataEntities.PROJECTS, "Project", rows -> finance.projectContracts().upsertProjects(
                rows.stream().map(r -> new ProjectInput(text(r, "projid"), text(r, "dataareaid"), text(r, "name"),
                        text(r, "projgroupid"), text(r, "custaccount"))).toList())));
        all.add(entity(ctx, ProjectDataEntities.CONTRACTS, "Project contract", rows ->
                finance.projectContracts().upsertContracts(rows.stream().map(r -> new ContractInput(
                        text(r, "projinvoiceprojid"), text(r, "dataareaid"), text(r, "description"),
                        text(r, "invoiceaccount"), text(r, "currencyid"))).toList())));
        all.add(entity(ctx, ProjectDataEntities.CONTRACT_LINES, "Contract line", rows ->
                finance.projectContracts().upsertContractLines(rows.stream().map(r -> new ContractLineInput(
                        (UUID) r.get("contractlineid"), text(r, "dataareaid"), text(r, "projinvoiceprojid"),
                        text(r, "description"), text(r, "billingmethod"), text(r, "projid"))).toList())));
        all.add(proposalHeaders(finance));
        all.add(actualsStaging(finance));
        all.add(entity(ctx, ProposalDataEntities.TRANSACTION_RELATIONSHIPS, "Transaction relationship", rows -> {
            List<Relationship> relationships = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                Object id = r.get("connectionid");
                relationships.add(new Relationship((UUID) id, (UUID) r.get("transaction1id"),
                        option(r, "transaction1role", "Transaction relationship " + id),
                        text(r, "transaction1type"), (UUID) r.get("transaction2id"),
                        option(r, "transaction2role", "Transaction relationship " + id), text(r, "transaction2type")));
            }
            finance.proposals().relationships().upsert(relationships);
        }));
        all.add(onAccountTransactions(finance));
        all.add(TableDataEntity.readOnly(ProposalDataEntities.CUSTOMER_INVOICE_EXPORT, ctx));
        return List.copyOf(all);
    }

    /** "Project invoice proposals V2": one {@code upsertHeader} per delivered row (§7.3). */
    private static DataEntity proposalHeaders(Finance finance) {
        FinanceContext ctx = finance.context();
        DeliveredRows delivered = new DeliveredRows(ctx, ProposalDataEntities.PROPOSAL_HEADERS, "Invoice proposal");
        return new TableDataEntity(delivered.entity(), ctx, new Refusing(delivered) {
            @Override
            void write(List<Map<String, Object>> rows) {
                for (Map<String, Object> r : rows) {
                    String id = text(r, "proposalid");
                    Object credit = r.get("iscreditnote");
                    HeaderInput in = new HeaderInput(id, text(r, "dataareaid"), text(r, "projinvoiceprojid"),
                            text(r, "fundingsource"), text(r, "invoiceaccount"), text(r, "currencyid"),
                            (LocalDate) r.get("invoicedate"), text(r, "description"), Boolean.TRUE.equals(credit),
                            (BigDecimal) r.get("expectedamount"));
                    try {
                        finance.proposals().headers().upsertHeader(in);
                    } catch (TandemException e) {
                        throw delivered.naming(e, "Invoice proposal " + id, id);
                    }
                }
            }
        });
    }

    /**
     * The actuals staging entity (§3.7): the delivery goes to {@link dev.tandem.finance.staging.StagingEntity#upsert}
     * as it arrives, which coerces and validates it whole and names every refused actual.
     */
    private static DataEntity actualsStaging(Finance finance) {
        DataEntityDefinition definition = FinanceDataEntities.ACTUALS_STAGING;
        return new TableDataEntity(definition, finance.context(), new TableDataEntity.Writes() {
            @Override
            public void upsert(String keyField, List<Map<String, Object>> rows) {
                requireIntegrationKey(definition, keyField);
                finance.staging().upsert(rows);
            }

            @Override
            public void delete(String keyField, List<?> keys) {
                throw deleteRefused("Actual", keys, "actuals can't be deleted (§3.1); corrections are new actuals");
            }
        });
    }

    /** "Contract line milestones": one on-account transaction per milestone (§3.10, §7.2). */
    private static DataEntity onAccountTransactions(Finance finance) {
        FinanceContext ctx = finance.context();
        DeliveredRows delivered = new DeliveredRows(ctx, OnAccountTransactions.ENTITY, "On-account transaction");
        return new TableDataEntity(delivered.entity(), ctx, new Refusing(delivered) {
            @Override
            void write(List<Map<String, Object>> rows) {
                for (Map<String, Object> r : rows) {
                    UUID id = (UUID) r.get("transactionid");
                    String name = "On-account transaction " + id;
                    Milestone m = new Milestone(id, text(r, "dataareaid"), text(r, "projid"),
                            text(r, "projinvoiceprojid"), (UUID) r.get("contractlineref"), text(r, "currencyid"),
                            text(r, "description"), (LocalDate) r.get("invoicedate"), (BigDecimal) r.get("amount"),
                            option(r, "status", name));
                    try {
                        finance.proposals().onAccountTransactions().upsert(m);
                    } catch (TandemException e) {
                        throw delivered.naming(e, name, id);
                    }
                }
            }
        });
    }

    private static DataEntity entity(FinanceContext ctx, DataEntityDefinition definition, String rowName,
                                     Consumer<List<Map<String, Object>>> write) {
        DeliveredRows delivered = new DeliveredRows(ctx, definition, rowName);
        return new TableDataEntity(definition, ctx, new Refusing(delivered) {
            @Override
            void write(List<Map<String, Object>> rows) {
                write.accept(rows);
            }
        });
    }

    /**
     * The common part of a validating write path: the key field must be the integration key, rows are coerced and
     * completed ({@link DeliveredRows}) and written in one transaction (the caller's, when there is one); deletes
     * are refused.
     */
    private abstract static class Refusing implements TableDataEntity.Writes {

        private final DeliveredRows delivered;

        Refusing(DeliveredRows delivered) {
            this.delivered = delivered;
        }

        abstract void write(List<Map<String, Object>> rows);

        @Override
        public void upsert(String keyField, List<Map<String, Object>> rows) {
            requireIntegrationKey(delivered.entity(), keyField);
            if (rows.isEmpty()) {
                return;
            }
            List<Map<String, Object>> typed = delivered.coerce(rows);
            for (int i = 0; i < typed.size(); i++) {
                if (typed.get(i).get(keyField) == null) {
                    throw new TandemException(INVALID_INPUT, delivered.name(typed.get(i), i) + ": field '" + keyField
                            + "', its key, is missing. Nothing was written.");
                }
            }
            FinanceContext ctx = delivered.context();
            ctx.inTransaction(() -> write(delivered.complete(typed)));
        }

        @Override
        public void delete(String keyField, List<?> keys) {
            throw deleteRefused(delivered.rowName(), keys, "deleting " + delivered.entity().name()
                    + " rows by sync isn't supported");
        }
    }

    private static void requireIntegrationKey(DataEntityDefinition definition, String keyField) {
        if (!definition.integrationKey().equals(keyField)) {
            throw new IllegalArgumentException(definition.name() + " is written by its integration key "
                    + definition.integrationKey() + ", not by " + keyField);
        }
    }

    private static TandemException deleteRefused(String rowName, List<?> keys, String why) {
        String named = keys.stream().limit(10).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
        return new TandemException(STATE, rowName + (keys.size() == 1 ? " " : "s ") + named
                + (keys.size() > 10 ? " (and " + (keys.size() - 10) + " more)" : "") + ": " + why + ".",
                Map.of("keys", keys.stream().map(String::valueOf).toList()));
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
