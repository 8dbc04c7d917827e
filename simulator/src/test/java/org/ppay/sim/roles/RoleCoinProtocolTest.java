package org.ppay.sim.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.ppay.core.crypto.CountingSuite;
import org.ppay.sim.RunResult;
import org.ppay.sim.Scheme;
import org.ppay.sim.Simulation;
import org.ppay.sim.SimulationParameters;
import org.ppay.sim.WindowType;

/**
 * The simulated schedule is legal PPay: every step the model takes is performed by the core's broker, owners and
 * holders over signed wire bytes, and none is refused; the model's counts are the same with or without them.
 */
class RoleCoinProtocolTest {

    private static SimulationParameters small(Scheme scheme) {
        return SimulationParameters.defaults().withPongCacheSize(8).withNetworkSize(25).withSimulatedDays(4)
                .withRenewalWaitDays(1).withQueryRatePerSecond(0.01).withDowntimeMultiplier(3).withScheme(scheme)
                .withMaxLayers(scheme == Scheme.PPAY_STAR ? 0 : 2).withCreditWindowSize(3)
                .withWindowType(WindowType.SOFT_CREDIT);
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void shouldRunEveryStepThroughTheRealRolesWithTheSameCounts(Scheme scheme) {
        final SimulationParameters p = small(scheme);
        final CountingSuite suite = new CountingSuite();
        final RoleCoinProtocol[] roles = new RoleCoinProtocol[1];
        final RunResult real = new Simulation(p, (params, ledger, accounting) -> roles[0] = new RoleCoinProtocol(
                accounting, ledger, params.networkSize(), params.maxLayers(), params.scheme() == Scheme.PPAY_STAR,
                params.renewalWaitDays() * 86_400, suite)).run(f -> { });
        final RunResult model = Simulation.run(p);

        assertEquals(model.countMetrics(), real.countMetrics());
        long forfeited = 0;
        for (int peer = 0; peer < p.networkSize(); peer++) {
            forfeited += roles[0].holder(peer).coins().size();
        }
        assertEquals(real.tallies().coinsForfeited(), forfeited, "the real holders lost exactly the forfeited coins");
        assertTrue(real.tallies().coinPayments() > 100, "a busy enough run: " + real.tallies().coinPayments());
        assertTrue(real.tallies().coinsCashed() > 0);
        if (scheme != Scheme.RM) {
            assertTrue(real.tallies().reassignedByOwner() + real.tallies().renewedByOwner() > 0);
        }
        if (scheme == Scheme.PPAY_STAR) {
            assertTrue(real.tallies().reassignedByBroker() > 0, "the downtime protocol ran");
        }
        for (int peer = 0; peer < p.networkSize(); peer++) {
            final org.ppay.core.holder.Holder holder = roles[0].holder(peer);
            assertTrue(holder.coins().stream().allMatch(coin -> holder.renewalEnd(coin) < p.simulatedDays() * 86_400),
                    "at the end a holder keeps only coins that expired unrenewed");
        }
        assertTrue(suite.signatures() > 0 && suite.verifications() > suite.signatures());
    }

    @Test
    void shouldRunASmallNetworkWithRealEd25519Signatures() {
        final SimulationParameters p = small(Scheme.PPAY).withPongCacheSize(4).withNetworkSize(8).withSimulatedDays(0.5);
        final RunResult real = new Simulation(p, RoleCoinProtocol.factory(
                org.ppay.core.crypto.SignatureSuite.of("ed25519-jdk"))).run(f -> { });
        assertEquals(Simulation.run(p).countMetrics(), real.countMetrics());
        assertTrue(real.tallies().coinPayments() > 5, "coin payments: " + real.tallies().coinPayments());
    }

    @Test
    void shouldRefusePpayStarWithLayersWhichTheCoreCannotReassign() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Simulation(small(Scheme.PPAY_STAR).withMaxLayers(1), (params, ledger, accounting) ->
                        new RoleCoinProtocol(accounting, ledger, params.networkSize(), params.maxLayers(), true,
                                params.renewalWaitDays() * 86_400, new CountingSuite())));
        assertTrue(e.getMessage().contains("max-layers"), e.getMessage());
    }
}
