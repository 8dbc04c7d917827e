package org.ppay.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.credit.PaywordChain;
import org.ppay.core.crypto.CountingSuite;
import org.ppay.core.fraud.Evidence;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;
import org.ppay.core.protocol.Network.Peer;

/**
 * The worst-case work of one request of every kind the broker accepts, in signature checks, signatures and SHA-256
 * computations, and that it does not grow with numbers an attacker chooses (a Payword chain's declared length and the
 * index redeemed, the number of earlier claims on a coin, the length of the coin's history in the owner's trail, the
 * number of downtime requests the broker stored for it). Counted with the counting suite and
 * {@link PaywordChain#hashesComputed()}. With Max Layers m, one instrument carries at most m + 3 signatures (coin,
 * certificate of a self-printed coin, assignment, m layers) and a request one more.
 */
class BrokerWorkBoundTest {

    private static final int MAX_LAYERS = 2;
    /** Signature checks of one request: its instrument (at most m + 3) and its own signature. */
    private static final long REQUEST_CHECKS = MAX_LAYERS + 4;

    /** Work counted over one call: signature checks, signatures, hashes. */
    private record Work(long checks, long signatures, long hashes) {
    }

    private final CountingSuite suite = new CountingSuite();

    @Test
    void shouldRefuseAPaywordCommitmentDeclaringMoreThanTheMaximumBeforeAnyWork() {
        final Network net = new Network(suite, 2, MAX_LAYERS, new SecureRandom());
        final MessageWriter writer = new MessageWriter(suite);
        final byte[] commitment = writer.paywordCommitment(net.peer(1).keys(), 2, new byte[32], 0xFFFF_FFFFL,
                Network.START_SECONDS + 3_600);

        for (int index : new int[] {1 << 22, Integer.MAX_VALUE}) {
            final ProtocolException refused = assertThrows(ProtocolException.class,
                    () -> work(() -> net.broker.redeemPayword(commitment, index, new byte[32])));
            assertEquals(Reason.INVALID_ARGUMENT, refused.reason());
            assertTrue(refused.getMessage().contains(Integer.toString(PaywordChain.MAX_LENGTH)), refused.getMessage());
        }
        final Work refused = workRefused(() -> net.broker.redeemPayword(commitment, Integer.MAX_VALUE,
                new byte[32]));
        assertEquals(new Work(0, 0, 0), refused, "refused before any signature check or hash");
    }

    @Test
    void shouldHashAPaywordOnlyDownToTheLastWordRedeemed() {
        final Network net = new Network(suite, 2, MAX_LAYERS, new SecureRandom());
        final MessageWriter writer = new MessageWriter(suite);
        final byte[] seed = new byte[32];
        seed[0] = 7;
        final PaywordChain chain = new PaywordChain(seed, 1_000);
        final byte[] commitment = writer.paywordCommitment(net.peer(1).keys(), 2, chain.root(), 1_000,
                Network.START_SECONDS + 3_600);

        assertEquals(new Work(1, 0, 600), work(() -> net.broker.redeemPayword(commitment, 600, chain.payword(600))));
        assertEquals(new Work(1, 0, 1), work(() -> net.broker.redeemPayword(commitment, 601, chain.payword(601))));
        assertEquals(new Work(1, 0, 399), workRefused(() -> net.broker.redeemPayword(commitment, 1_000,
                new byte[32])), "a wrong word costs the words past the last redeemed, not the chain");
        assertEquals(new Work(1, 0, 0), workRefused(() -> net.broker.redeemPayword(commitment, 601,
                chain.payword(601))), "a replay costs no hash");
        assertEquals(1_000 - 601, net.broker.redeemPayword(commitment, 1_000, chain.payword(1_000)));
    }

    /** The most a redemption can cost: one check and MAX_LENGTH hashes, whatever the commitment declares. */
    @Test
    void shouldBoundTheWorstRedemptionByTheMaximumChainLength() {
        final Network net = new Network(suite, 2, MAX_LAYERS, new SecureRandom());
        final byte[] commitment = new MessageWriter(suite).paywordCommitment(net.peer(1).keys(), 2, new byte[32],
                PaywordChain.MAX_LENGTH, Network.START_SECONDS + 3_600);
        assertEquals(new Work(1, 0, PaywordChain.MAX_LENGTH), workRefused(
                () -> net.broker.redeemPayword(commitment, PaywordChain.MAX_LENGTH, new byte[32])));
    }

    @Test
    void shouldCostTheSameForALotteryTicketAlways() {
        final Network net = new Network(suite, 2, MAX_LAYERS, new SecureRandom());
        final byte[] ticket = new MessageWriter(suite).lotteryTicket(net.peer(1).keys(), 2, 7, Network.START_SECONDS);
        assertEquals(new Work(1, 0, 1), work(() -> net.broker.redeemLotteryTicket(ticket, 1)));
        assertEquals(new Work(1, 0, 0), workRefused(() -> net.broker.redeemLotteryTicket(ticket, 1)));
    }

    /**
     * Holder 2 passes a coin back and forth with 3 through the owner {@code rounds} times (the owner's trail grows by
     * two proofs a round), cashes it, then cashes every assignment it gave up: each stale claim is a new holding that
     * the owner's trail refutes. The work of the last claim is the work of the first, whatever the number of rounds
     * and of earlier claims, and a second claim of a holding is a replay.
     */
    @Test
    void shouldCostTheSameForEveryClaimOnACoinWhateverItsHistory() {
        final Work few = claims(3);
        final Work many = claims(60);
        assertEquals(few, many, "the last claim after 60 rounds costs what it costs after 3");
        assertTrue(few.checks() <= 2 * REQUEST_CHECKS && few.signatures() <= 1 && few.hashes() == 0, few.toString());
    }

    private Work claims(int rounds) {
        final Network net = new Network(suite, 3, MAX_LAYERS, new SecureRandom());
        final Peer u = net.peer(1);
        final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        final CoinKey coin = net.peer(2).holder().receive(u.owner().assign(serial, 2));
        final List<byte[]> stale = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            stale.add(net.peer(2).holder().instrument(coin));
            net.peer(3).holder().receive(net.peer(2).holder().payViaOwner(coin, 3, u.owner()));
            net.peer(2).holder().receive(net.peer(3).holder().payViaOwner(coin, 2, u.owner()));
        }
        final MessageWriter writer = new MessageWriter(suite);
        final byte[] live = net.peer(2).holder().instrument(coin);
        final byte[] paid = writer.cashRequest(net.peer(2).keys(), net.clock.nowSeconds(), live, 0, live.length);
        assertEquals(0, work(() -> net.broker.cash(paid)).signatures(), "paid, no dispute");
        final List<Work> works = new ArrayList<>();
        for (byte[] instrument : stale) {
            final byte[] claim = writer.cashRequest(net.peer(2).keys(), net.clock.nowSeconds(), instrument, 0,
                    instrument.length);
            works.add(work(() -> assertEquals(0, net.broker.cash(claim).payoutCents(), "the claimant is the culprit")));
            final ProtocolException replay = assertThrows(ProtocolException.class, () -> net.broker.cash(
                    writer.cashRequest(net.peer(2).keys(), net.clock.nowSeconds() + 1, instrument, 0,
                            instrument.length)));
            assertEquals(Reason.REPLAYED, replay.reason(), "a holding is cashed once");
        }
        assertEquals(1, net.broker.convictions(2), "convicted, the penalty charged once per coin");
        return works.get(works.size() - 1);
    }

    /**
     * The owner is down; two holders pass a coin back and forth through the broker 40 times. The last downtime request
     * costs what the first does: the checks of the request and of the payee's check of the answer, the holder's
     * signature of the request and the broker's of the assignment.
     */
    @Test
    void shouldCostTheSameForEveryDowntimeRequestWhateverTheBrokerStored() {
        final Network net = new Network(suite, 3, MAX_LAYERS, new SecureRandom());
        final Peer u = net.peer(1);
        final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        final CoinKey coin = net.peer(2).holder().receive(u.owner().assign(serial, 2));
        u.owner().goOffline();
        final List<Work> works = new ArrayList<>();
        long holder = 2;
        for (int i = 0; i < 40; i++) {
            final long from = holder;
            final long to = 5 - holder;
            works.add(work(() -> net.peer(to).holder().receive(net.peer(from).holder().payViaBroker(coin, to,
                    net.broker)))); // includes the payee's check of the new assignment
            holder = to;
        }
        assertEquals(works.get(0), works.get(works.size() - 1));
        assertTrue(works.get(0).checks() <= 2 * REQUEST_CHECKS && works.get(0).signatures() == 2, works.toString());
    }

    @Test
    void shouldCostTwoMessagesWorthOfChecksToReportFraud() {
        final Network net = new Network(suite, 4, MAX_LAYERS, new SecureRandom());
        final Peer u = net.peer(1);
        final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        final byte[] assignment = u.owner().assign(serial, 2);
        final MessageWriter writer = new MessageWriter(suite);
        final byte[] toThree = writer.reassignmentRequest(net.peer(2).keys(), 3, assignment, 0, assignment.length);
        final byte[] toFour = writer.reassignmentRequest(net.peer(2).keys(), 4, assignment, 0, assignment.length);
        final Evidence evidence = new Evidence(Evidence.Kind.REPLICATION, 2, 1, serial, toThree, toFour, null);
        final Work work = work(() -> net.broker.reportFraud(evidence));
        assertTrue(work.checks() <= 2 * REQUEST_CHECKS && work.signatures() == 0 && work.hashes() == 0,
                work.toString());
    }

    /** Coins and certificates are sold paid in advance: one signature a coin, one a certificate. */
    @Test
    void shouldSignOnceForEachCoinPaidFor() {
        final Network net = new Network(suite, 2, MAX_LAYERS, new SecureRandom());
        final long before = net.broker.ledger().outstandingCents();
        assertEquals(new Work(0, 50, 0), work(() -> net.broker.buyRawCoins(1, 50)));
        assertEquals(new Work(0, 1, 0), work(() -> net.broker.buyLimitCertificate(1, 1_000)));
        assertEquals(before + 1_050 * Network.TARIFF.coinValueCents(), net.broker.ledger().outstandingCents());
    }

    private Work work(Runnable action) {
        final long checks = suite.verifications();
        final long signatures = suite.signatures();
        final long hashes = PaywordChain.hashesComputed();
        action.run();
        return new Work(suite.verifications() - checks, suite.signatures() - signatures,
                PaywordChain.hashesComputed() - hashes);
    }

    /** The work of a call the broker refuses. */
    private Work workRefused(Runnable action) {
        final long checks = suite.verifications();
        final long signatures = suite.signatures();
        final long hashes = PaywordChain.hashesComputed();
        assertThrows(ProtocolException.class, action::run);
        return new Work(suite.verifications() - checks, suite.signatures() - signatures,
                PaywordChain.hashesComputed() - hashes);
    }
}
