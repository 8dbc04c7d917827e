package org.ppay.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants that hold for any parameters: bookkeeping never creates or loses money or picopayments. */
class InvariantPropertiesTest {

    private static final long SEED = 20031027L;

    /** One drawn configuration of a short simulation. */
    record Draw(Scheme scheme, WindowType windowType, int peers, int windowSize, int maxLayers,
                double downtimeMultiplier, double percentLazy, long cap, boolean capped, long seed) {
    }

    private static Gen<Draw> draws() {
        final Gen<Scheme> schemes = arbitrary().enumValues(Scheme.class);
        final Gen<WindowType> windowTypes = arbitrary().enumValues(WindowType.class);
        final Gen<Integer> peers = integers().between(4, 30);
        final Gen<Integer> windowSizes = integers().between(1, 20);
        final Gen<Integer> maxLayers = integers().between(0, 3);
        final Gen<Double> downtimeMultipliers = doubles().between(0.2, 20);
        final Gen<Double> percentsLazy = doubles().between(0, 50);
        final Gen<Long> caps = longs().between(20, 400);
        final Gen<Boolean> capped = booleans().all();
        final Gen<Long> seeds = longs().all();
        return in -> new Draw(schemes.generate(in), windowTypes.generate(in), peers.generate(in),
                windowSizes.generate(in), maxLayers.generate(in), downtimeMultipliers.generate(in),
                percentsLazy.generate(in), caps.generate(in), capped.generate(in), seeds.generate(in));
    }

    @Test
    void shouldConserveMoneyAndPicopaymentsForAnyParameters() {
        qt().withFixedSeed(SEED).withExamples(25).forAll(draws())
                .checkAssert(InvariantPropertiesTest::conserveMoneyAndPicopayments);
    }

    private static void conserveMoneyAndPicopayments(Draw d) {
        final Scheme scheme = d.scheme();
        final WindowType windowType = d.windowType();
        final int peers = d.peers();
        final long cap = d.cap();
        final boolean capped = d.capped();
        final SimulationParameters p = SimulationParameters.defaults().withPongCacheSize(Math.max(1, peers / 3))
                .withNetworkSize(peers).withScheme(scheme).withWindowType(windowType)
                .withCreditWindowSize(d.windowSize()).withMaxLayers(d.maxLayers())
                .withDowntimeMultiplier(d.downtimeMultiplier()).withPercentLazy(d.percentLazy())
                .withNetLossCap(capped ? cap : SimulationParameters.NO_CAP).withSeed(d.seed()).withSimulatedDays(3)
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
