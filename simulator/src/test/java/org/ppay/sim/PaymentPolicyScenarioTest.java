package org.ppay.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostTable;
import org.ppay.sim.coins.AccountingCoinProtocol;
import org.ppay.sim.coins.CoinLedger;
import org.ppay.sim.coins.ProofStore;
import org.ppay.sim.credit.CreditWindows;
import org.ppay.sim.load.LoadCounters;
import org.ppay.sim.load.Task;

/**
 * Three peers A, B, C, a Payword window of 2, at most one layer, and a fixed schedule of probes and one outage of A:
 * every count below is worked out by hand from sections 3, 5 and 6.3 (the comments give the reasoning).
 */
class PaymentPolicyScenarioTest {

    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;
    private static final double DAY = 86_400;

    private final boolean[] online = {true, true, true};
    private CoinLedger ledger;
    private ProofStore proofs;
    private LoadCounters counters;
    private RunTallies tallies;
    private PaymentPolicy policy;

    private void setUp(Scheme scheme) {
        final SimulationParameters p = SimulationParameters.defaults().withPongCacheSize(1).withNetworkSize(3)
                .withCreditWindowSize(2).withMaxLayers(1).withScheme(scheme).withRenewalWaitDays(10)
                .withRenewalGraceDays(2);
        ledger = new CoinLedger(3, p.renewalWaitDays() * DAY);
        proofs = new ProofStore(3);
        counters = new LoadCounters(3);
        tallies = new RunTallies();
        final CreditWindows credit = new CreditWindows(p.windowType(), 3, p.creditWindowSize(), p.netLossCap());
        policy = new PaymentPolicy(p, online, new boolean[3], ledger, credit,
                new AccountingCoinProtocol(ledger, proofs, counters), counters, tallies, coin -> { });
    }

    /** Two probes fill a Payword window of 2, so the second settles it with a coin. */
    private void twoProbes(int payer, int payee) {
        policy.picopay(payer, payee, 0);
        policy.picopay(payer, payee, 0);
    }

    private long at(int peer, Task task, CostAction action) {
        return counters.actions(LoadCounters.peer(peer), task, action);
    }

    private void runSchedule() {
        twoProbes(A, B);  // A holds no coin: prints coin 0 and assigns it to B
        twoProbes(B, C);  // owner A online: A reassigns coin 0 to C (proof 1 at A)
        online[A] = false;
        twoProbes(C, B);  // owner A down, coin has 0 < 1 layers: C adds a layer, B holds it
        twoProbes(B, C);  // owner down, coin at max layers: PPay prints coin 1 (owner B); PPay* goes to the broker
        online[A] = true;
    }

    @Test
    void shouldCountPpayStepsAsWorkedOutByHand() {
        setUp(Scheme.PPAY);
        runSchedule();
        twoProbes(C, A);  // C holds coin 1, owner B online: B reassigns it to A (proof 1 at B)
        twoProbes(B, A);  // B holds coin 0 with a layer, owner A is the payee: A peels 1 layer and takes it back

        assertEquals(6, tallies.coinPayments());
        assertEquals(2, tallies.coinsPrinted());
        assertEquals(2, tallies.ownerAssigned());
        assertEquals(3, tallies.reassignedByOwner());
        assertEquals(1, tallies.layersAdded());
        assertEquals(0, tallies.reassignedByBroker());
        assertEquals(12, tallies.picopayments());

        assertEquals(A, ledger.holder(0));
        assertEquals(0, ledger.layers(0));
        assertEquals(A, ledger.holder(1));
        // A: print, assign, process two reassignment requests, peel one layer on the second.
        assertEquals(1, at(A, Task.MISC, CostAction.OWNER_PRINT_COIN));
        assertEquals(1, at(A, Task.REASSIGNMENT, CostAction.OWNER_ASSIGN));
        assertEquals(2, at(A, Task.REASSIGNMENT, CostAction.OWNER_PROCESS_REASSIGNMENT));
        assertEquals(1, at(A, Task.REASSIGNMENT, CostAction.OWNER_PEEL_LAYER));
        assertEquals(3, proofs.stored(A), "request of step 2, request and layer of step 6");
        assertEquals(1, proofs.stored(B));
        // B checks: assignment of step 1, copy of step 2, layered coin of step 3 (assignment + 1 layer) and
        // copy of step 6; in step 5 B is the owner that signs, not a holder that checks.
        assertEquals(5, at(B, Task.REASSIGNMENT, CostAction.HOLDER_CHECK_ASSIGNMENT));
        // Six chains opened (A>B, B>C, C>B, B>C again after settling, C>A, B>A), twelve paywords checked.
        assertEquals(6, counters.totalActions(CostAction.PAYWORD_COMMIT));
        assertEquals(12, counters.totalActions(CostAction.PAYWORD_CHECK));
        assertEquals(0, counters.actions(LoadCounters.BROKER, Task.REASSIGNMENT, CostAction.BROKER_REASSIGN));
        // A sends four assignments: to B (step 1), to C and B (step 2), to B (step 6); each 62 bytes + 3
        // signatures, plus 58 bytes of headers: 4 x (62 + 3 x 64 + 58) = 1248 bytes with 64-byte signatures.
        assertEquals(4, counters.messagesOut(LoadCounters.peer(A), Task.REASSIGNMENT));
        assertEquals(1248, counters.bytesOut(LoadCounters.peer(A), Task.REASSIGNMENT, 64, 58));
        // each of them costs A one send; A receives the requests of B in steps 2, 5 and 6
        assertEquals(4, at(A, Task.REASSIGNMENT, CostAction.MESSAGE_SEND));
        assertEquals(3, at(A, Task.REASSIGNMENT, CostAction.MESSAGE_RECEIVE));
        // B sends its request (step 2), coin 1 to C (step 4), assignment and copy (step 5), request (step 6)
        assertEquals(5, at(B, Task.REASSIGNMENT, CostAction.MESSAGE_SEND));
        // the six Payword commitments go from payer to vendor in MISC, one send and one receive each
        assertEquals(6, counters.actions(LoadCounters.peer(A), Task.MISC, CostAction.MESSAGE_SEND)
                + counters.actions(LoadCounters.peer(B), Task.MISC, CostAction.MESSAGE_SEND)
                + counters.actions(LoadCounters.peer(C), Task.MISC, CostAction.MESSAGE_SEND));
        assertEquals(counters.totalActions(CostAction.MESSAGE_SEND), counters.totalActions(CostAction.MESSAGE_RECEIVE));
    }

    @Test
    void shouldChargeEachProtocolMessageItsTransportAtBothEnds() {
        setUp(Scheme.PPAY);
        runSchedule();
        twoProbes(C, A);
        twoProbes(B, A);
        final CostTable priced = TestCosts.table();
        final String withoutTransport = priced.toCsv().lines().filter(l -> !l.startsWith("message_"))
                .collect(Collectors.joining("\n"));
        final CostTable unpriced = CostTable.parse("old.csv", "test", new StringReader(withoutTransport));
        final SimulationParameters p = SimulationParameters.defaults().withPongCacheSize(1).withNetworkSize(3);
        final RunResult run = new RunResult(p, DAY, counters, tallies, 1, new double[3], new long[3], new boolean[3],
                null, null);

        // peer A in REASSIGNMENT: 4 sends x 10000 cycles + 3 receives x 8000 cycles over one day, shared by 3 peers
        final double transportHz = (4 * 10_000 + 3 * 8_000) / DAY / 3;
        final double addedHz = run.costed(priced).peerMeanHz(Task.REASSIGNMENT)
                - run.costed(unpriced).peerMeanHz(Task.REASSIGNMENT);
        final double othersHz = (at(B, Task.REASSIGNMENT, CostAction.MESSAGE_SEND) * 10_000
                + at(B, Task.REASSIGNMENT, CostAction.MESSAGE_RECEIVE) * 8_000
                + at(C, Task.REASSIGNMENT, CostAction.MESSAGE_SEND) * 10_000
                + at(C, Task.REASSIGNMENT, CostAction.MESSAGE_RECEIVE) * 8_000) / DAY / 3;
        assertEquals(transportHz + othersHz, addedHz, 1e-9);
        assertEquals(0, run.costed(priced).brokerHz(Task.REASSIGNMENT), "PPay never reached the broker here");
    }

    @Test
    void shouldUseTheBrokerInsteadOfPrintingInPpayStar() {
        setUp(Scheme.PPAY_STAR);
        runSchedule();

        assertEquals(1, tallies.coinsPrinted());
        assertEquals(1, tallies.reassignedByBroker());
        assertEquals(C, ledger.holder(0));
        assertEquals(0, ledger.layers(0));
        final int broker = LoadCounters.BROKER;
        assertEquals(1, counters.actions(broker, Task.REASSIGNMENT, CostAction.BROKER_REASSIGN));
        assertEquals(1, counters.actions(broker, Task.REASSIGNMENT, CostAction.BROKER_CASH_LAYER));
        // The broker forwards the request (with its layer) to A, which records both as proofs.
        assertEquals(2, at(A, Task.REASSIGNMENT, CostAction.OWNER_PEEL_LAYER));
        assertEquals(3, proofs.stored(A));
        // In from B (the request), out to C, B (new assignment) and A (the stored request).
        assertEquals(1, counters.messagesIn(broker, Task.REASSIGNMENT));
        assertEquals(3, counters.messagesOut(broker, Task.REASSIGNMENT));
    }

    @Test
    void shouldRenewAtTheOwnerElseWaitElseFallBack() {
        setUp(Scheme.PPAY);
        twoProbes(A, B);                      // coin 0: owner A, holder B; window [10 d, 20 d]
        policy.renew(0, 10 * DAY);            // A online: renewed by its owner
        assertEquals(1, tallies.renewedByOwner());
        assertEquals(1, ledger.epoch(0));     // next window [20 d, 30 d]
        online[A] = false;
        policy.renew(0, 21 * DAY);            // owner down, 9 days left > 2 days grace: wait
        assertEquals(1, ledger.epoch(0));
        assertEquals(0, tallies.coinsCashed());
        policy.renew(0, 28.5 * DAY);          // within the grace: PPay cashes the coin
        assertEquals(1, tallies.coinsCashedExpiring());
        assertEquals(CoinLedger.CASHED, ledger.state(0));
        assertEquals(1, counters.actions(LoadCounters.BROKER, Task.MISC, CostAction.BROKER_CASH_COIN));

        setUp(Scheme.PPAY_STAR);
        online[A] = true;
        twoProbes(A, B);
        online[A] = false;
        policy.renew(0, 19 * DAY);            // within the grace of [10 d, 20 d]: PPay* renews at the broker
        assertEquals(1, tallies.renewedByBroker());
        assertEquals(1, ledger.epoch(0));
        assertEquals(1, counters.actions(LoadCounters.BROKER, Task.RENEWAL, CostAction.BROKER_RENEW));
    }
}
