package org.ppay.validation.node;

import java.io.ByteArrayOutputStream;
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
    private final Broker broker;

    BrokerNode(NodeConfig config, SignatureSuite suite) {
        final KeyPair pair = suite.generateKeyPair(new SecureRandom());
        this.keys = new PeerKeys(0, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
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
        switch (request.kind()) {
            case Frame.LIMIT_CERTIFICATE -> {
                if (body.length != Messages.LIMIT_CERTIFICATE_REQUEST_BYTES) {
                    throw new IllegalArgumentException("an order for a limit certificate has "
                            + Messages.LIMIT_CERTIFICATE_REQUEST_BYTES + " bytes, got " + body.length);
                }
                final int count = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getInt();
                return broker.buyLimitCertificate(request.to(), count);
            }
            case Frame.STORED_REQUESTS -> {
                final List<byte[]> stored = broker.takeStoredRequests(request.to());
                final ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(littleEndian(stored.size()));
                for (byte[] message : stored) {
                    out.writeBytes(littleEndian(message.length));
                    out.writeBytes(message);
                }
                return out.toByteArray();
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

    @Override
    public String step(String[] fields) {
        throw new IllegalArgumentException("the broker performs no schedule steps");
    }

    private static byte[] littleEndian(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
