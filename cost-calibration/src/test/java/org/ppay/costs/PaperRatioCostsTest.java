package org.ppay.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;

class PaperRatioCostsTest {

    @Test
    void shouldMakeSigningAHundredTimesVerifyingAndLeaveTheRestAlone() {
        final CostTable measured = fixture();
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

    @Test
    void shouldCountTheSignaturesEachActionMakesFromItsCountedRecipe() {
        assertEquals(1, ActionCatalog.signaturesMade(CostAction.BROKER_REASSIGN), "four checks and one signature");
        assertEquals(1, ActionCatalog.signaturesMade(CostAction.HOLDER_REQUEST_CASH));
        assertEquals(1, ActionCatalog.signaturesMade(CostAction.PAYWORD_COMMIT));
        assertEquals(0, ActionCatalog.signaturesMade(CostAction.BROKER_CASH_COIN), "the broker only checks a cash");
        assertEquals(0, ActionCatalog.signaturesMade(CostAction.OWNER_PEEL_LAYER));
        int signing = 0;
        for (CostAction action : CostAction.values()) {
            signing += ActionCatalog.signaturesMade(action) > 0 ? 1 : 0;
        }
        assertEquals(13, signing, "the broker's four signing actions, the owner's four, the holder's four, a commitment");
    }

    private static CostTable fixture() {
        final List<CostEntry> entries = new ArrayList<>();
        for (CostAction action : CostAction.values()) {
            final double cycles = (action.ordinal() + 1) * 1000.0;
            entries.add(new CostEntry(action, "ed25519-fixture", cycles / 2.0, 1, cycles, 100 + action.ordinal(),
                    "fixture", "test cpu", 2.0, "17"));
        }
        return CostTable.of("measured.csv", entries);
    }
}
