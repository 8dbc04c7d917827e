package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// a lost wake-up parks a thread forever: fail the test rather than stall the build
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VerifierCrewTest {

    private static final AtomicInteger POOLS = new AtomicInteger();

    @Test
    void shouldRunEachIndexOnceOnItsOwnThreadTheFirstOnTheCaller() {
        try (VerifierCrew crew = new VerifierCrew("crew-test", POOLS, 3)) {
            Thread[] ranOn = new Thread[3];
            AtomicInteger runs = new AtomicInteger();
            crew.run(3, k -> {
                ranOn[k] = Thread.currentThread();
                runs.incrementAndGet();
            });
            assertEquals(3, runs.get());
            assertSame(Thread.currentThread(), ranOn[0]);
            Set<Thread> distinct = new HashSet<>(Arrays.asList(ranOn));
            assertEquals(3, distinct.size());
            assertTrue(ranOn[1].isDaemon() && ranOn[1].getName().startsWith("crew-test-"), ranOn[1].getName());
        }
    }

    @Test
    void shouldLoseNoHandOverInManyShortRunsWithPausesLongerThanTheSpin() throws InterruptedException {
        try (VerifierCrew crew = new VerifierCrew("crew-test", POOLS, 2)) {
            AtomicLongArray counts = new AtomicLongArray(2);
            for (int round = 0; round < 4_000; round++) {
                boolean slowHelper = round % 400 == 200;
                crew.run(2, k -> {
                    if (k == 1 && slowHelper) {
                        // the caller gives up spinning and parks; the helper must wake it
                        sleepQuietly(1 + VerifierCrew.SPIN_NANOS / 1_000_000);
                    }
                    counts.incrementAndGet(k);
                });
                if (round % 400 == 0) {
                    // let the helper give up spinning and park, then wake it
                    Thread.sleep(1 + VerifierCrew.SPIN_NANOS / 1_000_000);
                }
            }
            assertEquals(4_000, counts.get(0));
            assertEquals(4_000, counts.get(1));
        }
    }

    @Test
    void shouldRethrowAHelpersFailureAfterEveryShareEndedAndStayUsable() {
        try (VerifierCrew crew = new VerifierCrew("crew-test", POOLS, 2)) {
            AtomicInteger finished = new AtomicInteger();
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> crew.run(2, k -> {
                if (k == 1) {
                    throw new IllegalArgumentException("share 1 broke");
                }
                finished.incrementAndGet();
            }));
            assertEquals("share 1 broke", failure.getMessage());
            assertEquals(1, finished.get());
            AtomicInteger runs = new AtomicInteger();
            crew.run(2, k -> runs.incrementAndGet());
            assertEquals(2, runs.get());
        }
    }

    @Test
    void shouldRefuseWorkOnceClosedAndStopItsThreads() throws InterruptedException {
        VerifierCrew crew = new VerifierCrew("crew-test", POOLS, 2);
        Thread[] helper = new Thread[1];
        crew.run(2, k -> {
            if (k == 1) {
                helper[0] = Thread.currentThread();
            }
        });
        crew.close();
        helper[0].join(5_000);
        assertFalse(helper[0].isAlive(), "helper still running after close");
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> crew.run(1, k -> { }));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VerifierCrew("crew-test", POOLS, 0));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
