package org.ppay.sim.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.ppay.core.crypto.CountingSuite;
import org.ppay.costs.CostAction;
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
                .withMaxLayers(2).withCreditWindowSize(3)
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
            assertTrue(roles[0].layeredThroughBroker() > 0, "layered coins went through the broker (section 6.3)");
        }
        if (scheme != Scheme.RM) {
            assertTrue(real.tallies().ownerAssigned() > real.tallies().coinsPrinted(),
                    "owners paid with their own coins assigned them again directly");
        }
        assertEquals(signaturesTheModelCounts(real), suite.signatures(), "the roles sign what the model counts");
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
    void shouldRunPpayStarWithoutLayersToo() {
        final SimulationParameters p = small(Scheme.PPAY_STAR).withMaxLayers(0);
        final RunResult real = new Simulation(p, RoleCoinProtocol.factory(new CountingSuite())).run(f -> { });
        assertEquals(Simulation.run(p).countMetrics(), real.countMetrics());
    }

    @Test
    void shouldRefuseRenewalPeriodsThatAreNotWholeSeconds() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Simulation(small(Scheme.PPAY_STAR).withRenewalWaitDays(1.0000001),
                        RoleCoinProtocol.factory(new CountingSuite())));
        assertTrue(e.getMessage().contains("whole seconds"), e.getMessage());
    }

    /** Every action of the model that signs a message signs exactly one. */
    private static long signaturesTheModelCounts(RunResult run) {
        long signatures = 0;
        for (CostAction action : new CostAction[] {CostAction.BROKER_ISSUE_LIMIT_CERTIFICATE,
            CostAction.OWNER_PRINT_COIN, CostAction.OWNER_ASSIGN, CostAction.HOLDER_REQUEST_REASSIGNMENT,
            CostAction.OWNER_PROCESS_REASSIGNMENT, CostAction.BROKER_REASSIGN, CostAction.HOLDER_ADD_LAYER,
            CostAction.HOLDER_REQUEST_RENEWAL, CostAction.OWNER_RENEW, CostAction.BROKER_RENEW,
            CostAction.HOLDER_REQUEST_CASH}) {
            signatures += Long.parseLong(run.countMetrics().get("count_broker_" + action.csvName()))
                    + Long.parseLong(run.countMetrics().get("count_peers_" + action.csvName()));
        }
        return signatures;
    }
}
