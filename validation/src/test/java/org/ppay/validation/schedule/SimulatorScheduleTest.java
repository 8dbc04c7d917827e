package org.ppay.validation.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ppay.costs.CostAction;
import org.ppay.sim.RunResult;
import org.ppay.sim.Simulation;
import org.ppay.sim.SimulationParameters;
import org.ppay.validation.ValidationSettings;

class SimulatorScheduleTest {

    private static SimulationParameters parameters() {
        return ValidationSettings.scaledDown(10, 11, Map.of("simulated-days", "2", "credit-window-size", "4"));
    }

    @Test
    void shouldPredictExactlyTheSimulatorsCountsOfEveryProtocolAction() {
        final List<Step> steps = SimulatorSchedule.record(parameters());
        final SchedulePredictor replayed = new SchedulePredictor(10);
        steps.forEach(replayed::apply);

        final RunResult simulated = Simulation.run(parameters());

        for (CostAction action : CostAction.values()) {
            if (action.role() != CostAction.Role.PEER) {
                assertEquals(simulated.counters().totalActions(action), replayed.counters().totalActions(action),
                        action.csvName());
            }
        }
        assertTrue(replayed.counters().totalActions(CostAction.OWNER_PROCESS_REASSIGNMENT) > 0);
        assertTrue(replayed.counters().totalActions(CostAction.OWNER_RENEW) > 0);
    }

    @Test
    void shouldLeaveNoCoinHeldOnceForfeitsAreWritten() {
        final SchedulePredictor replayed = new SchedulePredictor(10);
        SimulatorSchedule.record(parameters()).forEach(replayed::apply);
        for (int p = 0; p < 10; p++) {
            assertTrue(replayed.ledger().held(p).isEmpty(), "peer " + p + " still holds coins");
        }
    }

    @Test
    void shouldRecordTheSameStepsForTheSameSeed() {
        assertEquals(SimulatorSchedule.record(parameters()), SimulatorSchedule.record(parameters()));
    }

    @Test
    void shouldRefuseSchemesItCannotReplay() {
        assertThrows(IllegalArgumentException.class,
                () -> SimulatorSchedule.record(parameters().with("scheme", "PPAY_STAR")));
    }
}
