package dev.tandem.server.reconcile;

import dev.tandem.common.testing.DatabaseKind;
import java.util.List;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The month-end property of issue 11 on PostgreSQL (fewer tries: each creates two databases on the embedded server). */
class MonthEndPropertiesOnPostgresqlTest extends MonthEndProperties {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }

    @Property(tries = 25, edgeCases = EdgeCasesMode.NONE)
    void everyInvariantHoldsAfterEveryStep(@ForAll("monthEnds") List<Step> steps, @ForAll boolean accrueRevenue) {
        super.everyInvariantHoldsAfterEveryStep(steps, accrueRevenue);
    }
}
