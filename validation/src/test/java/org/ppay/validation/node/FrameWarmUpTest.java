package org.ppay.validation.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FrameWarmUpTest {

    /** Ed25519's 64-byte signatures, two layers. */
    private static final FrameLimit LIMIT = FrameLimit.of(64, 2);

    private static Set<String> frameThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("accept-") || name.startsWith("conn-") || name.startsWith("watch-"))
                .collect(Collectors.toSet());
    }

    @Test
    void shouldMakeItsRoundTripsOnLoopbackAndLeaveNoServerRunning() throws Exception {
        final Set<String> before = frameThreads();

        assertEquals(300, FrameWarmUp.run(300, 30_000_000_000L, LIMIT));

        final long end = System.nanoTime() + 5_000_000_000L;
        while (!frameThreads().equals(before) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(before, frameThreads(), "the warm-up's server threads must end with it");
    }

    @Test
    void shouldStopAtItsTimeBudget() {
        final long start = System.nanoTime();
        final int done = FrameWarmUp.run(Integer.MAX_VALUE, 200_000_000L, LIMIT);
        final double seconds = (System.nanoTime() - start) / 1e9;

        assertTrue(done > 0 && done < Integer.MAX_VALUE, "round trips: " + done);
        assertTrue(seconds < 10, "a 0.2 s budget ran " + seconds + " s");
    }
}
