package org.ppay.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants that hold for any parameters: bookkeeping never creates or loses money or picopayments. */
class InvariantProperties {

    @Property(tries = 25)
    void shouldConserveMoneyAndPicopaymentsForAnyParameters(
            @ForAll Scheme scheme, @ForAll WindowType windowType,
            @ForAll @IntRange(min = 4, max = 30) int peers,
            @ForAll @IntRange(min = 1, max = 20) int windowSize,
            @ForAll @IntRange(min = 0, max = 3) int maxLayers,
            @ForAll @DoubleRange(min = 0.2, max = 20) double downtimeMultiplier,
            @ForAll @DoubleRange(min = 0, max = 50) double percentLazy,
            @ForAll @LongRange(min = 20, max = 400) long cap,
            @ForAll boolean capped,
            @ForAll long seed) {
        final SimulationParameters p = SimulationParameters.defaults().withPongCacheSize(Math.max(1, peers / 3))
                .withNetworkSize(peers).withScheme(scheme).withWindowType(windowType).withCreditWindowSize(windowSize)
                .withMaxLayers(maxLayers).withDowntimeMultiplier(downtimeMultiplier).withPercentLazy(percentLazy)
                .withNetLossCap(capped ? cap : SimulationParameters.NO_CAP).withSeed(seed).withSimulatedDays(3)
                .withRenewalWaitDays(0.5).withQueryRatePerSecond(0.01);
        final RunResult r = Simulation.run(p);
        final RunTallies t = r.tallies();
        assertEquals(t.probes(), t.picopayments());
        final PeerAccounts a = r.accounts();
        long printed = 0;
        long cashed = 0;
        long forfeited = 0;
        long paid = 0;
        for (int peer = 0; peer < peers; peer++) {
            assertEquals(0, a.heldAtEnd()[peer]);
            assertEquals(a.received()[peer] - a.paid()[peer],
                    a.cashed()[peer] + a.forfeited()[peer] - a.printed()[peer]);
            printed += a.printed()[peer];
            cashed += a.cashed()[peer];
            forfeited += a.forfeited()[peer];
            paid += a.paid()[peer];
            if (r.lazyPeers()[peer]) {
                assertEquals(0, a.paid()[peer]);
            }
            if (windowType == WindowType.SOFT_CREDIT && capped && !r.lazyPeers()[peer]) {
                assertTrue(a.creditOwed()[peer] <= cap, "peer " + peer + " over the cap: " + a.creditOwed()[peer]);
            }
        }
        assertEquals(printed, cashed + forfeited);
        assertEquals(t.coinPayments(), paid);
        long balance = 0;
        for (int peer = 0; peer < peers; peer++) {
            balance += a.creditOwed()[peer];
        }
        assertEquals(0, balance);
    }
}
