package org.ppay.validation.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ppay.sim.load.Task;

class StepTest {

    @Test
    void shouldRoundTripThroughItsTextForm() {
        final Step step = new Step(StepKind.REASSIGN_VIA_OWNER, 86_400, 3, 17, 5, Task.REASSIGNMENT);
        assertEquals(step, Step.decode(step.encode()));
    }

    @Test
    void shouldNameWhatIsWrongWithMalformedText() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Step.decode("PROBE 1 2"))
                .getMessage().contains("6 fields"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Step.decode("FLY 1 2 3 4 GUESS"))
                .getMessage().contains("malformed step"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Step.decode("PROBE -1 2 3 4 GUESS"))
                .getMessage().contains("malformed step"));
    }
}
