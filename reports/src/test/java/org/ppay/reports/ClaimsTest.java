package org.ppay.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ppay.costs.CostTable;
import org.ppay.sim.RunRow;
import org.ppay.sim.Sweep;

/** Claims and comparisons on real tiny runs of figure 1 only. */
class ClaimsTest {

    private static final CostTable COSTS = TestFixtures.costs("claims.csv", 1);

    private static ReportData figure1Only() {
        final Profile tiny = TestFixtures.tinyProfile();
        final ReportPlan plan = new ReportPlan(tiny, Figures.select(Figures.section7(tiny), Set.of(1)), 1);
        final List<RunRow> rows = new ArrayList<>();
        Sweep.of(plan.sweepPlan().runs(), 2).run(COSTS, (d, t, f) -> { }).forEach(o -> rows.add(o.row()));
        return new ReportData(plan, rows, COSTS);
    }

    @Test
    void shouldJudgeFigureOneClaimsFromTheDataAndLeaveTheRestNotEvaluated() {
        final ReportData data = figure1Only();
        for (Claims.Verdict v : Claims.evaluate(data)) {
            if (v.figure() == 1) {
                assertTrue(v.status() != Claims.Status.NOT_EVALUATED, v.toString());
            } else {
                assertEquals(Claims.Status.NOT_EVALUATED, v.status(), v.toString());
            }
        }
        final Claims.Verdict below = Claims.everyX(data, 1, "PPay", "RM", "broker_hz", true);
        boolean expected = true;
        for (String x : data.xValues(1)) {
            expected &= data.mean(1, "PPay", x, "broker_hz") <= data.mean(1, "RM", x, "broker_hz");
        }
        assertEquals(expected ? Claims.Status.HOLDS : Claims.Status.DOES_NOT_HOLD, below.status());
        final Claims.Verdict reversed = Claims.everyX(data, 1, "RM", "PPay", "broker_hz", false);
        assertTrue(below.status() != reversed.status() || below.status() == Claims.Status.DOES_NOT_HOLD,
                "PPay below RM everywhere and RM below PPay everywhere cannot both hold");
    }

    @Test
    void shouldComputeOurSideOfThePaperNumbersOnlyWhereTheReportHasTheData() {
        final ReportData data = figure1Only();
        for (PaperComparison.Row row : PaperComparison.rows(data)) {
            final boolean figure1 = row.paper().figure() == 1;
            assertEquals(figure1, row.evaluated(), row.paper().id());
        }
        final double rm = data.mean(1, "RM", "1", "broker_hz");
        final PaperComparison.Row rmRow = PaperComparison.rows(data).get(0);
        assertEquals("f1_rm_dm1", rmRow.paper().id());
        assertEquals(rm, rmRow.ours(), 0.0);
        assertEquals(4.06e6, rmRow.paper().value(), 0.0);
    }
}
