package org.ppay.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostTable;

class PaperRatioCostsTest {

    @Test
    void shouldMakeSigningAHundredTimesVerifyingAndLeaveTheRestAlone() {
        final CostTable measured = TestFixtures.costs("measured.csv", 1);
        final CostTable derived = PaperRatioCosts.derive(measured);
        final double verify = measured.cyclesPerOp(CostAction.LOTTERY_CHECK);
        assertEquals(100 * verify, derived.cyclesPerOp(CostAction.BROKER_PRINT_RAW_COIN), 1e-6,
                "one signature now costs 100 verifications");
        final double extra = 100 * verify - measured.cyclesPerOp(CostAction.BROKER_PRINT_RAW_COIN);
        assertEquals(measured.cyclesPerOp(CostAction.BROKER_REASSIGN) + extra,
                derived.cyclesPerOp(CostAction.BROKER_REASSIGN), 1e-6, "its verifications keep their cost");
        for (CostAction unsigned : new CostAction[] {CostAction.BROKER_CASH_COIN, CostAction.HOLDER_CHECK_ASSIGNMENT,
            CostAction.GUESS_PROBE, CostAction.LOTTERY_CHECK}) {
            assertEquals(measured.entry(unsigned).cyclesPerOp(), derived.cyclesPerOp(unsigned), 0.0, unsigned.name());
            assertEquals(measured.bytes(unsigned), derived.bytes(unsigned));
        }
        assertEquals(measured.suite(), derived.suite());
        assertNotEquals(measured.id(), derived.id());
        assertEquals(true, derived.id().startsWith("paper-ratio-of-measured.csv:"), derived.id());
    }
}
