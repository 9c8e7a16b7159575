package dev.tandem.operations.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.operations.OperationsDataEntities;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entity definitions table maps are validated against: lookups, keys, read-only fields, relationship order. */
class OperationsEntityDefinitionsTest {

    private static final List<DataEntityDefinition> ALL = OperationsDataEntities.ALL;

    private static List<String> names() {
        return ALL.stream().map(DataEntityDefinition::name).toList();
    }

    @Test
    void everyLookupNamesAnEntityThatComesBeforeItsReferrer() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < ALL.size(); i++) {
            DataEntityDefinition entity = ALL.get(i);
            for (Map.Entry<String, String> lookup : entity.lookups().entrySet()) {
                int target = names().indexOf(lookup.getValue());
                if (target < 0) {
                    problems.add(entity.name() + "." + lookup.getKey() + " refers to unknown " + lookup.getValue());
                } else if (target > i) {
                    problems.add(entity.name() + "." + lookup.getKey() + " refers to " + lookup.getValue()
                            + ", which comes later in ALL");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(names()).doesNotHaveDuplicates();
    }

    @Test
    void theDeclaredLookupsAndKeys() {
        assertThat(OperationsDataEntities.ACTUALS.lookups()).containsEntry("msdyn_project", "msdyn_projects")
                .containsEntry("msdyn_salescontract", "salesorders")
                .containsEntry("msdyn_salescontractlineid", "salesorderdetails")
                .containsEntry("msdyn_accountcustomer", "accounts")
                .containsEntry("msdyn_contractorganizationalunitid", "msdyn_organizationalunits")
                .containsEntry("msdyn_resourceorganizationalunitid", "msdyn_organizationalunits")
                .containsEntry("msdyn_invoice", "invoices")
                .containsEntry("msdyn_transactioncategory", "msdyn_transactioncategories")
                .containsEntry("msdyn_bookableresource", "bookableresources");
        assertThat(OperationsDataEntities.INVOICES.alternateKeys()).containsExactly("invoicenumber");
        assertThat(OperationsDataEntities.CONTRACTS.alternateKeys()).containsExactly("ordernumber");
        assertThat(OperationsDataEntities.PROJECTS.alternateKeys()).containsExactly("msdyn_projectnumber");
        assertThat(OperationsDataEntities.ACCOUNTS.alternateKeys()).containsExactly("accountnumber");
        assertThat(OperationsDataEntities.ORGANIZATIONAL_UNITS.alternateKeys()).containsExactly("msdyn_name");
        assertThat(names()).startsWith("cdm_companies", "msdyn_currencyexchangerates", "msdyn_organizationalunits",
                "accounts");
    }

    @Test
    void keysAndWriteBackFieldsAreNeverReadOnly() {
        for (DataEntityDefinition entity : ALL) {
            List<String> keys = new ArrayList<>(entity.alternateKeys());
            keys.add(entity.integrationKey());
            assertThat(entity.readOnly()).as(entity.name()).doesNotContainAnyElementsOf(keys)
                    .contains("createdon", "modifiedby");
        }
        assertThat(OperationsDataEntities.ACTUALS.readOnly())
                .doesNotContainAnyElementsOf(OperationsDataEntities.ACTUAL_WRITE_BACK)
                .contains("msdyn_amount", "msdyn_billingstatus", "tdm_skipsync");
        assertThat(OperationsDataEntities.ACTUALS.fields().size() - OperationsDataEntities.ACTUALS.readOnly().size())
                .isEqualTo(1 + OperationsDataEntities.ACTUAL_WRITE_BACK.size());
        assertThat(OperationsDataEntities.INVOICES.readOnly()).doesNotContainAnyElementsOf(InvoiceWriteBack.WRITE_BACK)
                .contains("totalamount", "tdm_confirmedon");
    }
}
