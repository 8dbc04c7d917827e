package org.ppay.bench.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReplayedPoolTest {

    @Test
    void shouldMakeEveryInputOnceAndHandThemOutInOrder() {
        AtomicInteger made = new AtomicInteger();
        ReplayedPool pool = new ReplayedPool(3, i -> {
            made.incrementAndGet();
            return new byte[] {(byte) i};
        }, () -> { });

        assertArrayEquals(new byte[] {0}, pool.next());
        assertArrayEquals(new byte[] {1}, pool.next());
        assertArrayEquals(new byte[] {2}, pool.next());
        assertEquals(3, made.get());
    }

    @Test
    void shouldRenewTheRoleBeforeReplayingTheFirstInput() {
        AtomicInteger roles = new AtomicInteger();
        ReplayedPool pool = new ReplayedPool(2, i -> new byte[] {(byte) i}, roles::incrementAndGet);

        pool.next();
        pool.next();
        assertEquals(0, roles.get());
        assertEquals(2, pool.usedSinceRenewal());
        assertArrayEquals(new byte[] {0}, pool.next());
        assertEquals(1, roles.get());
        assertEquals(1, pool.usedSinceRenewal());
        assertEquals(1, pool.renewals());
    }

    @Test
    void shouldRestartFromTheFirstInputWithANewRole() {
        AtomicInteger roles = new AtomicInteger();
        ReplayedPool pool = new ReplayedPool(4, i -> new byte[] {(byte) i}, roles::incrementAndGet);
        pool.next();

        pool.restart();

        assertEquals(1, roles.get());
        assertEquals(0, pool.usedSinceRenewal());
        assertArrayEquals(new byte[] {0}, pool.next());
    }

    @Test
    void shouldRefuseAnEmptyPool() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReplayedPool(0, i -> new byte[0], () -> { }));
        assertEquals("a replayed pool needs at least one input, got 0", e.getMessage());
    }
}
