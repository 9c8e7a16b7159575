package dev.tandem.finance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.testing.DatabaseTest;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.finance.journal.JournalLine;
import dev.tandem.finance.proposal.ProposalDataEntities;
import dev.tandem.finance.proposal.ProposalLine;
import dev.tandem.finance.proposal.TransactionRelationships.Relationship;
import dev.tandem.finance.rows.RowRecords;
import dev.tandem.finance.staging.FinanceDataEntities;
import dev.tandem.finance.staging.StagingRow;
import dev.tandem.finance.staging.StagingWrites;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12 point 2: each typed row record of Finance's hot entities holds exactly the fields of its data entity (the
 * {@link DataEntityDefinition} field list) and the columns of its table, so a field added to one and not the other
 * fails here. Audit fields are the write path's ({@link RowRecords#AUDIT}), not the records'. Table columns are read
 * from the migrated schema (H2 and PostgreSQL).
 */
class TypedRowsTest extends DatabaseTest {

    @Override
    protected List<String> migrationLocations() {
        return Arrays.asList(FinanceSchema.LOCATIONS);
    }

    @Test
    void stagingRowHoldsTheFieldsOfTheActualsStagingEntityAndItsTable() {
        assertRecordIsEntity(StagingRow.class, FinanceDataEntities.ACTUALS_STAGING);
    }

    @Test
    void relationshipHoldsTheFieldsOfTheTransactionRelationshipEntityAndItsTable() {
        assertRecordIsEntity(Relationship.class, ProposalDataEntities.TRANSACTION_RELATIONSHIPS);
    }

    @Test
    void journalLineHoldsTheColumnsOfTheIntegrationJournalLineTable() {
        assertThat(withAudit(JournalLine.class)).containsExactlyInAnyOrderElementsOf(
                columns("projintegrationjournalline"));
    }

    @Test
    void proposalLineHoldsTheColumnsOfTheProposalLineTable() {
        assertThat(withAudit(ProposalLine.class)).containsExactlyInAnyOrderElementsOf(columns("projproposalline"));
    }

    @Test
    void everyPartialStagingRowNamesFieldsOfTheActualsStagingEntity() {
        assertThat(StagingWrites.PARTIAL_ROWS).isNotEmpty().allSatisfy(type -> assertThat(RowRecords.fields(type))
                .as(type.getSimpleName()).isNotEmpty().doesNotHaveDuplicates()
                .isSubsetOf(FinanceDataEntities.ACTUALS_STAGING.fields()));
    }

    private void assertRecordIsEntity(Class<? extends Record> type, DataEntityDefinition entity) {
        assertThat(withAudit(type)).as("%s = %s fields", type.getSimpleName(), entity.name())
                .containsExactlyInAnyOrderElementsOf(entity.fields());
        assertThat(columns(entity.table())).as("%s = columns of %s", entity.name(), entity.table())
                .containsExactlyInAnyOrderElementsOf(entity.fields());
    }

    private static List<String> withAudit(Class<? extends Record> type) {
        List<String> fields = new ArrayList<>(RowRecords.fields(type));
        fields.addAll(RowRecords.AUDIT);
        return fields;
    }

    private List<String> columns(String table) {
        List<String> columns = new ArrayList<>();
        new JdbcTemplate(dataSource()).query(
                "SELECT * FROM " + table + " WHERE 1 = 0", rs -> {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                    }
                    return null;
                });
        return columns;
    }
}
