package org.ppay.sim.guess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PongCachesTest {

    @Test
    void shouldAnswerMembershipLikeAScanWithTheBitMatrix() {
        check(PongCaches.MEMBERSHIP_MAX_PEERS, 30, 3);
    }

    @Test
    void shouldAnswerMembershipLikeAScanWithSignatures() {
        check(PongCaches.MEMBERSHIP_MAX_PEERS + 1, 100, 4);
    }

    @Test
    void shouldAnswerMembershipLikeAScanForAnyCacheSize() {
        qt().withFixedSeed(23).withExamples(20)
                .forAll(integers().between(1, 200), integers().between(1, 10_000))
                .checkAssert((size, seed) -> check(PongCaches.MEMBERSHIP_MAX_PEERS + 1 + seed % 50, size, seed));
    }

    /** Random replacements, each membership answer compared with a scan of the cache's entries. */
    private static void check(int peers, int size, long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final PongCaches caches = new PongCaches(peers, size, random);
        for (int i = 0; i < 50_000; i++) {
            final int peer = random.nextInt(peers);
            final int other = random.nextInt(4) == 0 ? caches.entry(peer, random.nextInt(size)) : random.nextInt(peers);
            final boolean expected = scan(caches, peer, other);
            assertEquals(expected, caches.contains(peer, other));
            assertEquals(!expected && other != peer, caches.replace(peer, random.nextInt(size), other));
        }
    }

    private static boolean scan(PongCaches caches, int peer, int other) {
        for (int k = 0; k < caches.size(); k++) {
            if (caches.entry(peer, k) == other) {
                return true;
            }
        }
        return false;
    }
}
