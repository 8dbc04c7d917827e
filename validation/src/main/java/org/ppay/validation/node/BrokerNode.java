package org.ppay.validation.node;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.ppay.core.broker.Broker;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.coin.Requests;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.RenewalSchedule;
import org.ppay.sim.load.Messages;

/** The broker process: the core's {@link Broker} behind the frame server. */
final class BrokerNode implements Node {

    /** Deposit of every account: large enough that no validation run runs short of coins. */
    static final long DEPOSIT_CENTS = 1_000_000_000_000L;

    private final ManualClock clock = new ManualClock(0);
    private final InMemoryKeyDirectory directory = new InMemoryKeyDirectory();
    private final PeerKeys keys;
    private final SignatureSuite suite;
    private final Broker broker;
    private final SignedOrder.Counters counters = new SignedOrder.Counters();

    BrokerNode(NodeConfig config, SignatureSuite suite) {
        final KeyPair pair = suite.generateKeyPair(new SecureRandom());
        this.keys = new PeerKeys(0, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
        this.suite = suite;
        this.broker = new Broker(keys, suite, directory, clock,
                new RenewalSchedule(config.periodSeconds(), config.windowSeconds()), config.maxLayers(),
                PeerHost.TARIFF, ownerId -> null);
    }

    @Override
    public List<String> keyLines() {
        return List.of("KEY 0 " + HexFormat.of().formatHex(keys.publicKey()));
    }

    @Override
    public void key(long id, byte[] publicKey) {
        if (id != 0) {
            broker.openAccount(id, publicKey, DEPOSIT_CENTS);
        }
    }

    @Override
    public void time(long seconds) {
        if (seconds > clock.nowSeconds()) {
            clock.setSeconds(seconds);
        }
    }

    @Override
    public byte[] handle(Frame request) {
        final byte[] body = request.body();
        checkAddressed(request);
        switch (request.kind()) {
            case Frame.LIMIT_CERTIFICATE -> {
                final SignedOrder.Opened order = SignedOrder.open(Frame.LIMIT_CERTIFICATE, body,
                        SignedOrder.COUNT_BYTES, directory, suite, counters);
                final int count = ByteBuffer.wrap(order.payload()).order(ByteOrder.LITTLE_ENDIAN).getInt();
                return broker.buyLimitCertificate(order.signer(), count);
            }
            case Frame.BROKER -> {
                final int type = Requests.type(body);
                if (type == Requests.CASH) {
                    final CashReceipt receipt = broker.cash(body);
                    return ByteBuffer.allocate(Messages.CASH_RECEIPT_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                            .putLong(receipt.payoutCents()).array();
                }
                if (type == Requests.REASSIGNMENT) {
                    return broker.reassignForOwner(body);
                }
                if (type == Requests.RENEWAL) {
                    return broker.renewForOwner(body);
                }
                throw new IllegalArgumentException("the broker takes no message of type " + type);
            }
            default -> throw new IllegalArgumentException("the broker takes no frame of kind " + request.kind());
        }
    }

    /**
     * The stored requests of the order's signer, one reply frame each (see {@link Frame#STORED_REQUESTS}), after
     * forgetting the oldest ones the order acknowledges as applied.
     */
    @Override
    public List<byte[]> handleStreamed(Frame request) {
        checkAddressed(request);
        if (request.kind() != Frame.STORED_REQUESTS) {
            throw new IllegalArgumentException("the broker streams only stored requests, got kind " + request.kind());
        }
        final SignedOrder.Opened order = SignedOrder.open(Frame.STORED_REQUESTS, request.body(),
                SignedOrder.ACKNOWLEDGED_BYTES, directory, suite, counters);
        broker.acknowledgeStoredRequests(order.signer(), SignedOrder.countOf(order.payload()));
        return broker.storedRequests(order.signer());
    }

    /** The frame's {@code to} routes it, and a frame routed to a peer is no request to the broker. */
    private void checkAddressed(Frame request) {
        if (request.to() != keys.peerId()) {
            throw new IllegalArgumentException("a frame for peer " + request.to() + " reached the broker");
        }
    }

    @Override
    public String step(String[] fields) {
        throw new IllegalArgumentException("the broker performs no schedule steps");
    }
}
