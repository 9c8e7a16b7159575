package dev.tandem.server.reconcile;

import dev.tandem.common.testing.DatabaseKind;
import java.util.List;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The month-end property of issue 11 on H2. */
class MonthEndPropertiesOnH2Test extends MonthEndProperties {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    @Property(tries = 50, edgeCases = EdgeCasesMode.NONE)
    void everyInvariantHoldsAfterEveryStep(@ForAll("monthEnds") List<Step> steps, @ForAll boolean accrueRevenue) {
        super.everyInvariantHoldsAfterEveryStep(steps, accrueRevenue);
    }
}
