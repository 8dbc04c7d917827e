package org.ppay.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunEstimateTest {

    private static final SimulationParameters D = SimulationParameters.defaults();

    @Test
    void shouldGrowLinearlyInDaysPerPeerForLargeNetworks() {
        final RunEstimate one = RunEstimate.of(D.withNetworkSize(100_000).withSimulatedDays(1));
        final RunEstimate two = RunEstimate.of(D.withNetworkSize(100_000).withSimulatedDays(2));
        assertEquals(100_000 * RunEstimate.BYTES_PER_PEER_DAY, two.liveHeapBytes() - one.liveHeapBytes(), 1);
        assertEquals(2 * one.seconds(), two.seconds(), 1e-9);
    }

    @Test
    void shouldCountTheDenseTablesOfSmallNetworks() {
        final long small = RunEstimate.of(D.withNetworkSize(1000)).liveHeapBytes();
        assertTrue(small > 1000 * 1000, "the 1 MB pair matrix of 1,000 peers is in " + small);
        final long wide = RunEstimate.of(D.withNetworkSize(1000).withCreditWindowSize(100)).liveHeapBytes();
        assertEquals(3L * 1000 * 1000, wide - small, "a window of 100 needs an int matrix");
        assertTrue(small < 1L << 30, "1,000 peers x 40 days fit in well under a GiB: " + small);
    }

    @Test
    void shouldAddTheLargestRunsOfASweepOnePerThread() {
        final List<SimulationParameters> runs = List.of(D.withNetworkSize(10_000), D.withNetworkSize(20_000),
                D.withNetworkSize(30_000));
        final long two = RunEstimate.heapNeededBytes(runs, 2);
        assertEquals(RunEstimate.of(runs.get(2)).heapNeededBytes() + RunEstimate.of(runs.get(1)).heapNeededBytes(), two);
        assertTrue(RunEstimate.heapNeededBytes(runs, 8) > two);
    }

    @Test
    void shouldPutAMillionPeersForFourDaysWithinTwentyGib() {
        final RunEstimate million = RunEstimate.of(D.withNetworkSize(1_000_000).withSimulatedDays(4));
        assertTrue(million.heapNeededBytes() < 20L << 30, million.describe());
        assertTrue(million.large());
    }
}
