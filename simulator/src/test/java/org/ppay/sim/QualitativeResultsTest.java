package org.ppay.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ppay.costs.CostTable;

/** The qualitative results of section 7 hold at a small scale (150 peers, 5 days). */
class QualitativeResultsTest {

    private static final CostTable COSTS = TestCosts.table();

    private static SimulationParameters base() {
        return SimulationParameters.defaults().withPongCacheSize(40).withNetworkSize(150).withSimulatedDays(5);
    }

    private static CostedRun run(SimulationParameters p) {
        return Simulation.run(p).costed(COSTS);
    }

    @Test
    void shouldKeepPpayBrokerLoadFarBelowRm() {
        final double ppay = run(base()).brokerHz();
        final double rm = run(base().withScheme(Scheme.RM)).brokerHz();
        assertTrue(rm > 4 * ppay, "RM " + rm + " Hz vs PPay " + ppay + " Hz");
    }

    @Test
    void shouldPutPpayStarAbovePpayWhenPeersAreMostlyDown() {
        final SimulationParameters down = base().withDowntimeMultiplier(20).withSimulatedDays(10);
        final CostedRun ppay = run(down);
        final CostedRun star = run(down.withScheme(Scheme.PPAY_STAR));
        assertTrue(star.brokerHz() > ppay.brokerHz(), "PPay* " + star.brokerHz() + " Hz vs PPay " + ppay.brokerHz());
        assertTrue(star.run().tallies().reassignedByBroker() > 0);
        assertEquals(0, ppay.run().tallies().reassignedByBroker());
        assertTrue(ppay.run().meanFractionOnline() < 0.06, "about 3% online at downtime x20");
    }

    @Test
    void shouldLightenTheBrokerWithSoftCreditWindows() {
        final CostedRun payword = run(base());
        final CostedRun soft = run(base().withWindowType(WindowType.SOFT_CREDIT));
        assertTrue(soft.brokerHz() < payword.brokerHz(), "soft " + soft.brokerHz() + " vs Payword " + payword.brokerHz());
        assertTrue(soft.peerMeanHz() < payword.peerMeanHz());
        assertTrue(soft.run().tallies().cancelledFraction() > 0.2);
    }

    @Test
    void shouldGrowCreditLossWithWindowSizeAndCapItWithNetLossCap() {
        final SimulationParameters soft = base().withWindowType(WindowType.SOFT_CREDIT);
        final double small = maxLoss(Simulation.run(soft.withCreditWindowSize(5)));
        final double large = maxLoss(Simulation.run(soft.withCreditWindowSize(100)));
        assertTrue(large > 2 * small, "max loss at x=100 " + large + " vs x=5 " + small);
        final RunResult capped = Simulation.run(soft.withCreditWindowSize(100).withNetLossCap(150));
        assertTrue(maxLoss(capped) <= 150, "max loss " + maxLoss(capped));
        assertTrue(large > 150, "the cap binds");
    }

    @Test
    void shouldLetLazyPeersTakeServiceWithoutEverPayingACoin() {
        final RunResult r = Simulation.run(base().withWindowType(WindowType.SOFT_CREDIT).withPercentLazy(30));
        assertTrue(r.tallies().refusedProbes() > 0, "lazy peers skip peers they would owe a coin");
        int lazy = 0;
        for (int p = 0; p < 150; p++) {
            if (r.lazyPeers()[p]) {
                lazy++;
                assertEquals(0, r.accounts().paid()[p], "lazy peer " + p + " paid a coin");
                assertEquals(0, r.accounts().printed()[p]);
            }
        }
        assertTrue(lazy > 20 && lazy < 70, lazy + " lazy peers of 150 at 30%");
        assertEquals(150 - lazy, r.creditLosses().length);
    }

    private static double maxLoss(RunResult r) {
        long max = Long.MIN_VALUE;
        for (long loss : r.creditLosses()) {
            max = Math.max(max, loss);
        }
        return max;
    }
}
