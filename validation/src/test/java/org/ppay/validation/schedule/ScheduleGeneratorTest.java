package org.ppay.validation.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ppay.costs.CostAction;
import org.ppay.sim.SimulationParameters;
import org.ppay.validation.ValidationSettings;

class ScheduleGeneratorTest {

    private static SimulationParameters parameters(long seed) {
        return ValidationSettings.scaledDown(10, seed, Map.of());
    }

    @Test
    void shouldGiveTheSameScheduleForTheSameSeed() {
        assertEquals(ScheduleGenerator.generate(parameters(3)), ScheduleGenerator.generate(parameters(3)));
        assertNotEquals(ScheduleGenerator.generate(parameters(3)), ScheduleGenerator.generate(parameters(4)));
    }

    @Test
    void shouldCoverEveryStepOfTheWorkload() {
        final Set<StepKind> kinds = EnumSet.noneOf(StepKind.class);
        ScheduleGenerator.generate(ValidationSettings.scaledDown(10, 3, Map.of("simulated-days", "2")))
                .forEach(step -> kinds.add(step.kind()));
        assertTrue(kinds.containsAll(EnumSet.of(StepKind.LIMIT_CERTIFICATE, StepKind.PRINT, StepKind.ASSIGN,
                StepKind.REASSIGN_VIA_OWNER, StepKind.ADD_LAYER, StepKind.RENEW_VIA_OWNER,
                StepKind.CASH, StepKind.PROBE, StepKind.COME_ONLINE, StepKind.GO_OFFLINE)), "kinds seen: " + kinds);
    }

    @Test
    void shouldKeepTimeInOrderAndUseOnlyPrintedCoins() {
        final List<Step> steps = ScheduleGenerator.generate(parameters(5));
        final Set<Integer> printed = new HashSet<>();
        long time = 0;
        int coins = 0;
        for (Step step : steps) {
            assertTrue(step.timeSeconds() >= time, "time goes back at " + step.encode());
            time = step.timeSeconds();
            if (step.kind() == StepKind.PRINT) {
                printed.add(coins++);
            } else if (step.kind() != StepKind.PROBE && step.kind() != StepKind.COME_ONLINE
                    && step.kind() != StepKind.GO_OFFLINE && step.kind() != StepKind.LIMIT_CERTIFICATE) {
                assertTrue(printed.contains(step.coin()), "coin never printed in " + step.encode());
            }
        }
    }

    @Test
    void shouldEndWithNoCoinLeftUncashed() {
        final SchedulePredictor replayed = new SchedulePredictor(10);
        ScheduleGenerator.generate(parameters(6)).forEach(replayed::apply);
        for (int p = 0; p < 10; p++) {
            assertTrue(replayed.ledger().held(p).isEmpty(), "peer " + p + " still holds coins");
        }
        assertTrue(replayed.counters().totalActions(CostAction.BROKER_CASH_COIN) > 0);
    }

    @Test
    void shouldPredictTheSameCountsWhenTheStepsAreReplayed() {
        final List<Step> steps = ScheduleGenerator.generate(parameters(8));
        final SchedulePredictor first = new SchedulePredictor(10);
        final SchedulePredictor second = new SchedulePredictor(10);
        steps.forEach(first::apply);
        steps.forEach(second::apply);
        assertEquals(first.counters(), second.counters());
        assertTrue(first.counters().totalActions(CostAction.GUESS_PROBE) > 0);
    }

    @Test
    void shouldRefuseWorkloadsItCannotReplay() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScheduleGenerator(ValidationSettings.scaledDown(10, 1, Map.of("scheme", "RM"))));
        assertTrue(e.getMessage().contains("PPAY"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ScheduleGenerator(ValidationSettings.scaledDown(10, 1, Map.of("window-type", "PAYWORD"))));
    }

    @Test
    void shouldRefuseAStepNamingAnUnknownPeer() {
        final SchedulePredictor predictor = new SchedulePredictor(3);
        final Step step = new Step(StepKind.PROBE, 0, 0, 0, 7, org.ppay.sim.load.Task.GUESS);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> predictor.apply(step));
        assertTrue(e.getMessage().contains("beyond 2"), e.getMessage());
        assertTrue(predictor.steps().isEmpty(), "a refused step is not kept");
    }
}
