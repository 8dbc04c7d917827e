package org.ppay.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;
import org.ppay.core.protocol.Network.Peer;

/** Every entry point refuses bad messages with a specific reason and changes nothing. */
class BadMessagesTest {

    private static final long SEED = 20031027L;

    private Network net;
    private Peer u;
    private Peer v;
    private long serial;
    private byte[] assignment;
    private CoinKey coin;
    private byte[] request;
    private MessageWriter writer;

    @BeforeEach
    void setUp() {
        net = new Network(TestSuites.ed25519(), 4, 2, new SecureRandom());
        writer = new MessageWriter(TestSuites.ed25519());
        u = net.peer(1);
        v = net.peer(2);
        serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        assignment = u.owner().assign(serial, 2);
        coin = v.holder().receive(assignment);
        request = writer.reassignmentRequest(v.keys(), 3, assignment, 0, assignment.length);
    }

    /** Everything a bad message could change. */
    private List<Object> snapshot() {
        return List.of(u.owner().currentSeq(serial), u.owner().currentHolder(serial),
                u.owner().relinquishments(serial).size(), net.broker.ledger(), net.broker.convictions().size(),
                v.holder().coins(), net.peer(3).holder().coins());
    }

    private void refused(Reason reason, Executable call) {
        final List<Object> before = snapshot();
        assertEquals(reason, assertThrows(ProtocolException.class, call).reason());
        assertEquals(before, snapshot(), "a refused message changed state");
    }

    private static byte[] flip(byte[] message, int index) {
        final byte[] copy = message.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    @Test
    void shouldRefuseTruncatedAndMisversionedMessages() {
        refused(Reason.MALFORMED, () -> u.owner().reassign(Arrays.copyOf(request, request.length - 1)));
        refused(Reason.MALFORMED, () -> u.owner().reassign(new byte[1]));
        final byte[] version = request.clone();
        version[1] = 2;
        refused(Reason.MALFORMED, () -> u.owner().reassign(version));
        refused(Reason.MALFORMED, () -> u.owner().peel(request));
        refused(Reason.MALFORMED, () -> net.broker.cash(request));
        refused(Reason.MALFORMED, () -> net.peer(3).holder().receive(Arrays.copyOf(assignment, 30)));
    }

    @Test
    void shouldRefuseForgedSignaturesEverywhere() {
        refused(Reason.BAD_SIGNATURE, () -> u.owner().reassign(flip(request, request.length - 1)));
        refused(Reason.BAD_SIGNATURE, () -> net.broker.reassignForOwner(flip(request, request.length - 1)));
        final byte[] forgedAssignment = flip(assignment, 3);
        refused(Reason.BAD_SIGNATURE, () -> u.owner().reassign(writer.reassignmentRequest(v.keys(), 3,
                forgedAssignment, 0, forgedAssignment.length)));
        final byte[] cash = writer.cashRequest(v.keys(), net.clock.nowSeconds(), assignment, 0, assignment.length);
        refused(Reason.BAD_SIGNATURE, () -> net.broker.cash(flip(cash, cash.length - 5)));
    }

    @Test
    void shouldRefuseWronglyAddressedMessages() {
        final Peer other = net.peer(4);
        refused(Reason.WRONG_RECIPIENT, () -> other.owner().reassign(request));
        refused(Reason.WRONG_RECIPIENT, () -> net.peer(3).holder().receive(assignment));
        final byte[] toNobody = writer.reassignmentRequest(v.keys(), 99, assignment, 0, assignment.length);
        refused(Reason.UNKNOWN_PEER, () -> u.owner().reassign(toNobody));
        final byte[] stolenCash = writer.cashRequest(net.peer(3).keys(), net.clock.nowSeconds(), assignment, 0,
                assignment.length);
        refused(Reason.WRONG_RECIPIENT, () -> net.broker.cash(stolenCash));
    }

    @Test
    void shouldRefuseReplayedOutOfOrderAndBadlyChainedMessages() {
        final Peer x = net.peer(3);
        final byte[] next = u.owner().reassign(request);
        v.holder().drop(coin); // V paid with a request it built itself
        x.holder().receive(next);
        refused(Reason.REPLAYED, () -> u.owner().reassign(request));
        refused(Reason.REPLAYED, () -> x.holder().receive(next));
        // a layer signed by someone who does not hold what it wraps
        final byte[] badlyChained = writer.layer(x.keys(), 4, 9, assignment, 0, assignment.length);
        refused(Reason.BAD_LAYERS, () -> u.owner().peel(badlyChained));
        refused(Reason.BAD_LAYERS, () -> net.peer(4).holder().receive(badlyChained));
        // the coin comes back to V with seq 3 and leaves again: V's first assignment (seq 1) is now out of order
        v.holder().receive(x.holder().payViaOwner(coin, 2, u.owner()));
        x.holder().receive(v.holder().payViaOwner(coin, 3, u.owner()));
        refused(Reason.STALE_SEQUENCE, () -> v.holder().receive(assignment));
    }

    @Test
    void shouldRefuseRenewalsOutsideTheWindowAndExpiredCoins() {
        final byte[] renewal = writer.renewalRequest(v.keys(), assignment, 0, assignment.length);
        refused(Reason.WINDOW_NOT_OPEN, () -> u.owner().renew(renewal));
        refused(Reason.WINDOW_NOT_OPEN, () -> net.broker.renewForOwner(renewal));
        net.clock.setSeconds(v.holder().renewalEnd(coin) + 1);
        refused(Reason.EXPIRED, () -> u.owner().renew(renewal));
        refused(Reason.EXPIRED, () -> u.owner().reassign(request));
        refused(Reason.EXPIRED, () -> v.holder().cash(coin, net.broker));
        refused(Reason.EXPIRED, () -> net.peer(3).holder().receive(writer.layer(v.keys(), 3, 2, assignment, 0,
                assignment.length)));
    }

    /** Any single flipped bit of a signed request is refused with a protocol error, never accepted. */
    @Test
    void shouldRefuseEveryBitFlipOfASignedRequest() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(integers().between(0, 10_000), integers().between(0, 7))
                .checkAssert(this::refuseBitFlip);
    }

    /** The first byte (the message type), the version byte and the last byte of the signature, low and high bits. */
    @Test
    void shouldRefuseBitFlipsAtTheEndsOfASignedRequest() {
        final int last = request.length - 1;
        for (int position : new int[] {0, 1, last}) {
            for (int bit : new int[] {0, 7}) {
                refuseBitFlip(position, bit);
            }
        }
    }

    /** Builds a fresh network, flips one bit of its request and expects a refusal that changes nothing. */
    private void refuseBitFlip(int position, int bit) {
        setUp();
        final byte[] mutated = request.clone();
        mutated[position % mutated.length] ^= (byte) (1 << bit);
        final List<Object> before = snapshot();
        assertThrows(ProtocolException.class, () -> u.owner().reassign(mutated));
        assertEquals(before, snapshot(), "a refused message changed state");
    }
}
