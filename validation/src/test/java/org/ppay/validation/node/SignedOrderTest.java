package org.ppay.validation.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ppay.core.audit.InMemoryAuditTrail;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.Requests;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.holder.Holder;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.RenewalSchedule;
import org.ppay.sim.load.Task;

/**
 * The broker process's two orders that move money or hand out stored requests, over a real socket: only the signer's
 * own order is taken, once. A refused order changes nothing, which the next honest order shows (a certificate's
 * serials continue where the last honest one ended; the owner still gets its stored request).
 */
class SignedOrderTest {

    private static final SignatureSuite SUITE = SignatureSuite.of("ed25519-jdk");
    private static final int MAX_LAYERS = 2;
    private static final FrameLimit LIMIT = FrameLimit.of(SUITE, MAX_LAYERS);
    private static final long PERIOD_SECONDS = 1_000;

    @TempDir
    Path directory;

    private final SecureRandom random = new SecureRandom();
    private final PeerKeys owner = keys(1);
    private final PeerKeys holder = keys(2);
    private final PeerKeys stranger = keys(3);
    private BrokerNode broker;
    private FrameServer server;
    private Link link;

    private PeerKeys keys(long id) {
        final KeyPair pair = SUITE.generateKeyPair(random);
        return new PeerKeys(id, pair.getPrivate(), SUITE.publicKeyBytes(pair.getPublic()));
    }

    @BeforeEach
    void startBroker() throws Exception {
        broker = new BrokerNode(new NodeConfig(true, SUITE.name(), MAX_LAYERS, PERIOD_SECONDS, PERIOD_SECONDS,
                directory, 0, List.of()), SUITE);
        for (PeerKeys peer : List.of(owner, holder, stranger)) {
            broker.key(peer.peerId(), peer.publicKey());
        }
        server = new FrameServer(new NodeHandler(broker), new Meter(), LIMIT);
        link = new Link(server.port(), new Meter(), LIMIT);
    }

    @AfterEach
    void stopBroker() throws Exception {
        link.close();
        server.close();
    }

    private static byte[] count(int serials) {
        return ByteBuffer.allocate(SignedOrder.COUNT_BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(serials).array();
    }

    private byte[] buy(byte[] order) {
        return link.call(Frame.LIMIT_CERTIFICATE, Task.MISC, 0, order);
    }

    private static void assertRefused(String reason, Runnable call) {
        final Link.RemoteFailure refused = assertThrows(Link.RemoteFailure.class, call::run);
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    @Test
    void shouldSellACertificateOnlyToItsSignerAndOnlyOncePerOrder() {
        final byte[] order = SignedOrder.sign(Frame.LIMIT_CERTIFICATE, owner, SUITE, 10, count(100));
        final byte[] first = buy(order);
        assertEquals(owner.peerId(), Requests.certificateOwner(first));
        final long high = Requests.certificateHigh(first);
        assertEquals(100, high - Requests.certificateLow(first) + 1);

        assertRefused("replayed", () -> buy(order));
        // the stranger signs with its own key an order that names the owner: charged to the owner, were it taken
        final byte[] forged = SignedOrder.sign(Frame.LIMIT_CERTIFICATE, stranger, SUITE, 11, count(100));
        ByteBuffer.wrap(forged).order(ByteOrder.LITTLE_ENDIAN).putLong(0, owner.peerId());
        assertRefused("signature is not peer 1's", () -> buy(forged));
        final byte[] unsigned = SignedOrder.sign(Frame.LIMIT_CERTIFICATE, owner, SUITE, 12, count(100));
        Arrays.fill(unsigned, unsigned.length - SUITE.signatureLength(), unsigned.length, (byte) 0);
        assertRefused("signature is not peer 1's", () -> buy(unsigned));
        // a stored-requests order (its payload a count too) is no purchase: the kind is signed
        final byte[] otherKind = SignedOrder.sign(Frame.STORED_REQUESTS, owner, SUITE, 13, count(100));
        assertRefused("signature is not peer 1's", () -> buy(otherKind));
        assertRefused("has " + SignedOrder.limitCertificateOrderBytes(SUITE.signatureLength()) + " bytes",
                () -> buy(count(100)));

        final byte[] next = buy(SignedOrder.sign(Frame.LIMIT_CERTIFICATE, owner, SUITE, 14, count(5)));
        assertEquals(high + 1, Requests.certificateLow(next), "no refused order reserved serials");
        assertRefused("replayed", () -> buy(SignedOrder.sign(Frame.LIMIT_CERTIFICATE, owner, SUITE, 14,
                count(5))));
    }

    @Test
    void shouldHandStoredRequestsOnlyToTheirOwnersSignedOrder() {
        storeOneRequestForTheOwner(1);
        final byte[] stolen = SignedOrder.sign(Frame.STORED_REQUESTS, stranger, SUITE, 20, count(0));
        ByteBuffer.wrap(stolen).order(ByteOrder.LITTLE_ENDIAN).putLong(0, owner.peerId());
        assertRefused("signature is not peer 1's", () -> link.callStreamed(Frame.STORED_REQUESTS, Task.MISC, 0,
                stolen));
        assertEquals(List.of(), link.callStreamed(Frame.STORED_REQUESTS, Task.MISC, 0,
                SignedOrder.sign(Frame.STORED_REQUESTS, stranger, SUITE, 21, count(0))),
                "a stranger's own order takes only its own (none)");
        assertRefused("for peer 1 reached the broker",
                () -> link.callStreamed(Frame.STORED_REQUESTS, Task.MISC, owner.peerId(),
                        SignedOrder.sign(Frame.STORED_REQUESTS, owner, SUITE, 22, count(0))));

        final byte[] order = SignedOrder.sign(Frame.STORED_REQUESTS, owner, SUITE, 23, count(0));
        final List<byte[]> taken = link.callStreamed(Frame.STORED_REQUESTS, Task.MISC, 0, order);
        assertEquals(1, taken.size(), "the owner gets what no refused order took");
        assertEquals(Requests.REASSIGNMENT, Requests.type(taken.get(0)));
        assertEquals(stranger.peerId(), Requests.newHolder(taken.get(0)), "the holder's request, paying the stranger");

        storeOneRequestForTheOwner(30);
        assertRefused("replayed", () -> link.callStreamed(Frame.STORED_REQUESTS, Task.MISC, 0, order));
        assertEquals(1, link.callStreamed(Frame.STORED_REQUESTS, Task.MISC, 0,
                SignedOrder.sign(Frame.STORED_REQUESTS, owner, SUITE, 31, count(1))).size(),
                "the replayed order did nothing: the owner's next order acknowledges the first and gets the one stored"
                        + " since");
        assertRefused("acknowledges 2 stored requests, it has 1", () -> link.callStreamed(Frame.STORED_REQUESTS,
                Task.MISC, 0, SignedOrder.sign(Frame.STORED_REQUESTS, owner, SUITE, 32, count(2))));
    }

    @Test
    void shouldLetAnOwnerBackOnlineTakeItsStoredRequestsThroughItsSigner() {
        storeOneRequestForTheOwner(1);
        final Set<Long> storedFor = RemoteBroker.newStoredSet();
        storedFor.add(owner.peerId());
        final RemoteBroker remote = new RemoteBroker(link, Task.REASSIGNMENT, storedFor,
                new SignedOrder.Signer(owner, SUITE));
        assertThrows(IllegalArgumentException.class, () -> remote.storedRequests(holder.peerId()));
        assertEquals(1, remote.storedRequests(owner.peerId()).size());
        assertEquals(List.of(), remote.storedRequests(owner.peerId()), "asked once per return online");
        storedFor.add(owner.peerId());
        assertEquals(1, remote.storedRequests(owner.peerId()).size(), "not acknowledged: the broker still holds it");
        remote.acknowledgeStoredRequests(owner.peerId(), 1);
        storedFor.add(owner.peerId());
        assertEquals(List.of(), remote.storedRequests(owner.peerId()), "acknowledged: the broker forgot it");
    }

    /**
     * The owner buys a certificate (its order counted {@code counter}) and sells a coin to the holder, goes quiet, and
     * the holder pays it on through the broker.
     */
    private void storeOneRequestForTheOwner(long counter) {
        final InMemoryKeyDirectory keys = new InMemoryKeyDirectory();
        keys.register(0, HexFormat.of().parseHex(broker.keyLines().get(0).split(" ")[2]));
        for (PeerKeys peer : List.of(owner, holder, stranger)) {
            keys.register(peer.peerId(), peer.publicKey());
        }
        final ManualClock clock = new ManualClock(10);
        final RenewalSchedule schedule = new RenewalSchedule(PERIOD_SECONDS, PERIOD_SECONDS);
        final Owner coinOwner = new Owner(owner, 0, SUITE, keys, clock, new InMemoryAuditTrail(), schedule,
                MAX_LAYERS);
        final Holder coinHolder = new Holder(holder, 0, SUITE, keys, clock, MAX_LAYERS);
        coinOwner.addLimitCertificate(buy(SignedOrder.sign(Frame.LIMIT_CERTIFICATE, owner, SUITE, counter, count(4))));
        final long serial = coinOwner.printCoin();
        coinHolder.receive(coinOwner.assign(serial, holder.peerId()));
        final RemoteBroker viaBroker = new RemoteBroker(link, Task.REASSIGNMENT, RemoteBroker.newStoredSet(),
                new SignedOrder.Signer(holder, SUITE));
        coinHolder.payViaBroker(new CoinKey(owner.peerId(), serial), stranger.peerId(), viaBroker);
    }
}
