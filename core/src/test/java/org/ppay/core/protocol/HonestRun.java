package org.ppay.core.protocol;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ppay.core.audit.InMemoryAuditTrail;
import org.ppay.core.broker.Broker;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.holder.Holder;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;

/**
 * A broker, an honest owner O (peer 1), an honest holder V (peer 2) and two adversaries X (3) and Y (4), with keys
 * made once per suite so that many runs cost no key generation. {@link #HonestRun} plays the honest part: O assigns
 * five coins to V, and V pays X through the owner (coin a), by a layer (coin b), through the broker while O is down
 * (coin d), renews coin e through the owner, and signs a cash request for coin c that it has not sent yet. Every
 * message an honest peer signed is kept, with the peer that signed it.
 */
final class HonestRun {

    static final long O = 1;
    static final long V = 2;
    static final long X = 3;
    static final long Y = 4;
    static final int MAX_LAYERS = 2;

    /** The P-256 group order n. */
    static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    /** The Ed25519 group order L. */
    static final BigInteger ED25519_ORDER =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private static final Map<String, PeerKeys[]> KEYS = new ConcurrentHashMap<>();

    /** A message an honest peer signed, and who. */
    record Signed(String name, long signer, byte[] bytes) {
    }

    final SignatureSuite suite;
    final ManualClock clock = new ManualClock(Network.START_SECONDS);
    final InMemoryKeyDirectory directory = new InMemoryKeyDirectory();
    final Broker broker;
    final PeerKeys[] keys;
    final Owner owner;
    final Holder v;
    final Holder x;
    final Holder y;
    final MessageWriter writer;
    final List<Signed> signed = new ArrayList<>();
    /** Instruments X holds (assignments and the layered coin), as the honest run left them. */
    final List<byte[]> heldByX = new ArrayList<>();
    final long serialA;
    final long serialB;
    final long serialC;
    final long serialD;
    final long serialE;
    /** V's cash request for coin c, signed and not sent. */
    final byte[] cashC;

    HonestRun(SignatureSuite suite) {
        this.suite = suite;
        this.keys = KEYS.computeIfAbsent(suite.name(), n -> makeKeys(suite));
        this.writer = new MessageWriter(suite);
        this.broker = new Broker(keys[0], suite, directory, clock, Network.SCHEDULE, MAX_LAYERS, Network.TARIFF,
                id -> id == O ? ownerOrNull() : null);
        for (long id = 1; id <= 4; id++) {
            broker.openAccount(id, keys[(int) id].publicKey(), Network.DEPOSIT_CENTS);
        }
        this.owner = new Owner(keys[1], 0, suite, directory, clock, new InMemoryAuditTrail(), Network.SCHEDULE,
                MAX_LAYERS);
        owner.connect(broker);
        this.v = new Holder(keys[2], 0, suite, directory, clock, MAX_LAYERS);
        this.x = new Holder(keys[3], 0, suite, directory, clock, MAX_LAYERS);
        this.y = new Holder(keys[4], 0, suite, directory, clock, MAX_LAYERS);

        serialA = coinForV("assignment a");
        serialB = coinForV("assignment b");
        serialC = coinForV("assignment c");
        serialD = coinForV("assignment d");
        serialE = coinForV("assignment e");

        final byte[] toX = v.payViaOwner(key(serialA), X, owner);
        x.receive(toX);
        heldByX.add(toX);
        signed.add(new Signed("reassignment request a", V, last(v.givenUp())));
        signed.add(new Signed("assignment a to X", O, toX));

        final byte[] layered = v.payByLayer(key(serialB), X);
        x.receive(layered);
        heldByX.add(layered);
        signed.add(new Signed("layer b", V, layered));

        owner.goOffline();
        final byte[] fromBroker = v.payViaBroker(key(serialD), X, broker);
        x.receive(fromBroker);
        heldByX.add(fromBroker);
        signed.add(new Signed("downtime request d", V, last(v.givenUp())));
        owner.comeOnline();

        clock.setSeconds(v.renewalBegin(key(serialE)) + 10);
        v.renew(key(serialE), owner, null);
        signed.add(new Signed("renewal request e", V, last(v.givenUp())));
        signed.add(new Signed("renewed assignment e", O, v.instrument(key(serialE))));

        final byte[] instrumentC = v.instrument(key(serialC));
        cashC = writer.cashRequest(keys[2], clock.nowSeconds(), instrumentC, 0, instrumentC.length);
        signed.add(new Signed("cash request c", V, cashC));
    }

    private Owner ownerOrNull() {
        return owner;
    }

    private long coinForV(String name) {
        final long serial = owner.addRawCoin(broker.buyRawCoins(O, 1)[0]);
        final byte[] assignment = owner.assign(serial, V);
        v.receive(assignment);
        signed.add(new Signed(name, O, assignment));
        return serial;
    }

    CoinKey key(long serial) {
        return new CoinKey(O, serial);
    }

    /** Deposit plus balance. */
    long money(long peer) {
        return broker.depositCents(peer) + broker.balanceCents(peer);
    }

    PeerKeys keysOf(long peer) {
        return keys[(int) peer];
    }

    /** The same signed bytes with a new signature by their signer: what an honest peer sends when it re-sends. */
    byte[] resigned(byte[] message, long signer) {
        final int sig = suite.signatureLength();
        final byte[] copy = message.clone();
        suite.sign(keysOf(signer).privateKey(), copy, 0, copy.length - sig, copy, copy.length - sig);
        return copy;
    }

    /**
     * A second signature of the same bytes made without the key: ECDSA (r, n - s), Ed25519 (R, S + L); RSA has no
     * such twin, so its last bit is flipped.
     */
    byte[] mauled(byte[] message) {
        final byte[] copy = message.clone();
        if (suite.algorithm() == SignatureAlgorithm.ECDSA_P256) {
            final BigInteger s = new BigInteger(1, Arrays.copyOfRange(copy, copy.length - 32, copy.length));
            put(P256_ORDER.subtract(s), copy, copy.length - 32);
        } else if (suite.algorithm() == SignatureAlgorithm.ED25519) {
            final byte[] le = Arrays.copyOfRange(copy, copy.length - 32, copy.length);
            final byte[] be = reversed(le);
            final byte[] sum = new byte[32];
            final byte[] value = new BigInteger(1, be).add(ED25519_ORDER).toByteArray();
            System.arraycopy(value, Math.max(0, value.length - 32), sum, 32 - Math.min(32, value.length),
                    Math.min(32, value.length));
            System.arraycopy(reversed(sum), 0, copy, copy.length - 32, 32);
        } else {
            copy[copy.length - 1] ^= 1;
        }
        return copy;
    }

    private static void put(BigInteger value, byte[] out, int offset) {
        final byte[] bytes = value.toByteArray();
        final int n = Math.min(bytes.length, 32);
        Arrays.fill(out, offset, offset + 32, (byte) 0);
        System.arraycopy(bytes, bytes.length - n, out, offset + 32 - n, n);
    }

    private static byte[] reversed(byte[] bytes) {
        final byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    private static byte[] last(List<byte[]> list) {
        return list.get(list.size() - 1);
    }

    private static PeerKeys[] makeKeys(SignatureSuite suite) {
        final SecureRandom random = new SecureRandom();
        final PeerKeys[] keys = new PeerKeys[5];
        for (int id = 0; id < keys.length; id++) {
            final KeyPair pair = suite.generateKeyPair(random);
            keys[id] = new PeerKeys(id, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
        }
        return keys;
    }
}
