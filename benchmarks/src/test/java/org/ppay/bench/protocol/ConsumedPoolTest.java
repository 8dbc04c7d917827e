package org.ppay.bench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConsumedPoolTest {

    private final AtomicInteger made = new AtomicInteger();
    private final ConsumedPool<Integer> pool = new ConsumedPool<>(made::getAndIncrement);

    @Test
    void shouldMakeOnlyWhatTheLeftoversDoNotCover() {
        assertEquals(5, pool.topUp(5));
        pool.take();
        pool.take();

        assertEquals(1, pool.topUp(4));   // three left over, one made

        assertEquals(6, made.get());
        assertEquals(4, pool.unused());
    }

    @Test
    void shouldHandLeftoversOutBeforeNewInputs() {
        pool.topUp(3);
        pool.take();

        pool.topUp(6);

        for (int expected = 1; expected <= 6; expected++) {
            assertEquals(expected, pool.take());
        }
    }

    @Test
    void shouldMakeNothingWhenTheLeftoversSuffice() {
        pool.topUp(8);
        pool.take();

        assertEquals(0, pool.topUp(4));
        assertEquals(8, made.get());
    }

    @Test
    void shouldFailLoudlyWhenUsedUp() {
        pool.topUp(1);
        pool.take();

        IllegalStateException e = assertThrows(IllegalStateException.class, pool::take);
        assertTrue(e.getMessage().startsWith("all 1 inputs made for this iteration were used"), e.getMessage());
    }
}
