package org.ppay.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulationTest {

    /** Small enough to run in well under a second, busy enough that every coin path is taken. */
    static SimulationParameters small() {
        return SimulationParameters.defaults().withPongCacheSize(20).withNetworkSize(60).withSimulatedDays(6)
                .withRenewalWaitDays(1).withQueryRatePerSecond(0.02);
    }

    @Test
    void shouldGiveTheSameCountsForTheSameSeed() {
        final SimulationParameters p = small().withScheme(Scheme.PPAY_STAR).withDowntimeMultiplier(5);
        assertEquals(Simulation.run(p).countMetrics(), Simulation.run(p).countMetrics());
        assertTrue(!Simulation.run(p).countMetrics().equals(Simulation.run(p.withSeed(2)).countMetrics()),
                "another seed is another run");
    }

    @Test
    void shouldPayOnePicopaymentPerProbe() {
        for (WindowType type : WindowType.values()) {
            final RunResult r = Simulation.run(small().withWindowType(type));
            assertTrue(r.tallies().probes() > 1000);
            assertEquals(r.tallies().probes(), r.tallies().picopayments());
        }
    }

    @Test
    void shouldConserveMoneyInEveryScheme() {
        for (Scheme scheme : Scheme.values()) {
            final RunResult r = Simulation.run(small().withScheme(scheme).withDowntimeMultiplier(3));
            final PeerAccounts a = r.accounts();
            long printed = 0;
            long cashed = 0;
            long forfeited = 0;
            for (int p = 0; p < a.peers(); p++) {
                assertEquals(0, a.heldAtEnd()[p], "everybody cashed out at the end");
                final long worth = a.cashed()[p] + a.forfeited()[p] - a.printed()[p];
                assertEquals(a.received()[p] - a.paid()[p], worth, "peer " + p + " in " + scheme);
                printed += a.printed()[p];
                cashed += a.cashed()[p];
                forfeited += a.forfeited()[p];
            }
            assertEquals(printed, cashed + forfeited, scheme.name());
            assertEquals(r.tallies().coinsPrinted(), printed);
            assertEquals(r.tallies().coinsCashed(), cashed);
            assertTrue(r.tallies().coinPayments() > 50, scheme + " made coin payments");
        }
    }

    @Test
    void shouldCashEveryCoinSpentInRmWithoutLayers() {
        final RunResult r = Simulation.run(small().withScheme(Scheme.RM).withMaxLayers(0));
        assertEquals(r.tallies().coinPayments(), r.tallies().coinsCashed());
        assertEquals(r.tallies().coinPayments(), r.tallies().coinsPrinted());
        assertEquals(0, r.tallies().reassignedByOwner() + r.tallies().reassignedByBroker());
        assertEquals(0, r.tallies().coinsCashedAtEnd());
    }

    @Test
    void shouldBalanceSoftCreditWindowsAcrossTheNetwork() {
        final RunResult r = Simulation.run(small().withWindowType(WindowType.SOFT_CREDIT));
        long total = 0;
        for (long loss : r.creditLosses()) {
            total += loss;
        }
        assertEquals(0, total, "what one peer is owed another owes");
        assertTrue(r.tallies().cancelledFraction() > 0, "picopayments flow both ways and cancel out");
    }
}
