package org.ppay.validation;

import java.io.StringReader;
import java.util.function.ToDoubleFunction;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostTable;

/** Cost tables for tests: suite ed25519-test on a 2 GHz test host, every action at the price a function gives. */
public final class TestCostTables {

    private TestCostTables() {
    }

    /** Every action at {@code nsPerOp.applyAsDouble(action)} ns, twice that in cycles. */
    public static CostTable priced(ToDoubleFunction<CostAction> nsPerOp) {
        final StringBuilder csv = new StringBuilder(String.join(",", CostTable.COLUMNS)).append('\n');
        for (CostAction action : CostAction.values()) {
            final double ns = nsPerOp.applyAsDouble(action);
            csv.append(action.csvName()).append(",ed25519-test,").append(ns).append(",0,").append(2 * ns)
                    .append(",0,test,test-cpu,2.0,17\n");
        }
        return CostTable.parse("test", "test table", new StringReader(csv.toString()));
    }

    /** Every action at {@code ns}. */
    public static CostTable uniform(double ns) {
        return priced(action -> ns);
    }
}
