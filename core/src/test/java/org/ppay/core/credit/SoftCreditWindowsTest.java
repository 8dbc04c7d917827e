package org.ppay.core.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftCreditWindowsTest {

    private static final long SEED = 20031027L;

    @Test
    void shouldDemandACoinOnceTheWindowIsFull() {
        final SoftCreditWindows u = new SoftCreditWindows(3, SoftCreditWindows.NO_CAP);
        for (int i = 0; i < 3; i++) {
            assertEquals(CreditDecision.GRANTED, u.serve(7));
        }
        assertTrue(u.coinDueFrom(7));
        assertEquals(CreditDecision.REFUSED_WINDOW_FULL, u.serve(7));
        assertEquals(CreditDecision.GRANTED, u.receiveCoin(7));
        assertEquals(0, u.creditPicos(7));
        assertEquals(CreditDecision.GRANTED, u.serve(7));
    }

    @Test
    void shouldRefuseCreditAtTheNetLossCap() {
        final SoftCreditWindows u = new SoftCreditWindows(10, 4);
        for (int peer = 1; peer <= 4; peer++) {
            assertEquals(CreditDecision.GRANTED, u.serve(peer));
        }
        assertEquals(4, u.lossPicos());
        assertEquals(CreditDecision.REFUSED_NET_LOSS_CAP, u.serve(5));
        // a coin from peer 1 brings the loss down by x, so service resumes
        assertEquals(CreditDecision.GRANTED, u.receiveCoin(1));
        assertEquals(4 - 10, u.lossPicos());
        assertEquals(CreditDecision.GRANTED, u.serve(5));
    }

    @Test
    void shouldRefuseToPayACoinThatWouldBreakTheCapOrTheWindow() {
        final SoftCreditWindows j = new SoftCreditWindows(10, 15);
        assertEquals(CreditDecision.GRANTED, j.serve(1));
        assertEquals(CreditDecision.REFUSED_OUT_OF_WINDOW, j.canPayCoin(1), "already owed credit by peer 1");
        for (int i = 0; i < 5; i++) {
            j.serve(2);
        }
        assertEquals(6, j.lossPicos());
        assertEquals(CreditDecision.REFUSED_NET_LOSS_CAP, j.payCoin(3), "6 > v - x = 5");
        assertEquals(0, j.creditPicos(3), "a refused payment changes nothing");
        final SoftCreditWindows owing = new SoftCreditWindows(10, 15);
        owing.consume(1);
        assertEquals(CreditDecision.REFUSED_OUT_OF_WINDOW, owing.receiveCoin(1), "a coin would push c below -x");
        assertEquals(-1, owing.creditPicos(1));
    }

    @Test
    void shouldRejectNonsenseParameters() {
        assertThrows(IllegalArgumentException.class, () -> new SoftCreditWindows(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new SoftCreditWindows(5, -1));
    }

    /** Two honest peers that follow the rules agree on their balance and never leave the window or pass the cap. */
    @Test
    void shouldKeepBothViewsOppositeAndBounded() {
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(integers().between(1, 20), integers().between(0, 60),
                        lists().of(integers().between(0, 3)).ofSizeBetween(0, 300))
                .checkAssert(SoftCreditWindowsTest::keepBothViewsOppositeAndBounded);
    }

    /** The ends of the property's ranges: the narrowest window, no loss allowed, no actions, the widest of each. */
    @Test
    void shouldKeepBothViewsOppositeAndBoundedAtTheEdges() {
        final SplittableRandom random = new SplittableRandom(SEED);
        final List<Integer> actions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            actions.add(random.nextInt(4));
        }
        for (int window : new int[] {1, 20}) {
            for (int cap : new int[] {0, 60}) {
                keepBothViewsOppositeAndBounded(window, cap, List.of());
                keepBothViewsOppositeAndBounded(window, cap, actions);
            }
        }
    }

    private static void keepBothViewsOppositeAndBounded(int window, int cap, List<Integer> actions) {
        final SoftCreditWindows u = new SoftCreditWindows(window, cap);
        final SoftCreditWindows v = new SoftCreditWindows(window, cap);
        long coinsUtoV = 0;
        for (int action : actions) {
            switch (action) {
                case 0 -> serveAndConsume(u, v, 2, 1);
                case 1 -> serveAndConsume(v, u, 1, 2);
                case 2 -> {
                    if (u.canPayCoin(2) == CreditDecision.GRANTED && v.canReceiveCoin(1) == CreditDecision.GRANTED) {
                        u.payCoin(2);
                        v.receiveCoin(1);
                        coinsUtoV++;
                    }
                }
                default -> {
                    if (v.canPayCoin(1) == CreditDecision.GRANTED && u.canReceiveCoin(2) == CreditDecision.GRANTED) {
                        v.payCoin(1);
                        u.receiveCoin(2);
                        coinsUtoV--;
                    }
                }
            }
            assertEquals(-u.creditPicos(2), v.creditPicos(1));
            assertTrue(Math.abs(u.creditPicos(2)) <= window);
            assertTrue(u.lossPicos() <= cap && v.lossPicos() <= cap, "loss above the cap");
        }
        assertTrue(Math.abs(coinsUtoV) <= actions.size());
    }

    private static void serveAndConsume(SoftCreditWindows server, SoftCreditWindows client, long clientId,
            long serverId) {
        if (server.serve(clientId) == CreditDecision.GRANTED) {
            assertEquals(CreditDecision.GRANTED, client.consume(serverId), "the client refused what the server gave");
        }
    }
}
