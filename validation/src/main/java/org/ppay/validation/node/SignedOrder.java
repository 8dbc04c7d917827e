package org.ppay.validation.node;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.peer.KeyDirectory;
import org.ppay.core.peer.PeerKeys;
import org.ppay.sim.load.Messages;

/**
 * A peer's signed order to the broker, for the two requests that name no signed wire message of their own: buying a
 * limit certificate (it charges the buyer's account) and taking the stored downtime requests (it hands them out). The
 * frame's {@code to} is routing only; the order names its signer and the broker acts for that signer alone.
 *
 * <p>Body: {@code [signer:8][counter:8][payload][signature:S]}, little-endian; the payload is the serial count
 * ({@code [count:4]}) of a limit certificate order and empty for stored requests. The signature covers
 * {@link #CONTEXT}, the frame kind and the body up to the signature, so an order of one kind is no order of another,
 * and no wire-format message (whose first byte is its type code, below 0x20) is an order. The counter makes an order
 * single-use: the broker takes an order only if its counter exceeds every counter it took from that signer
 * ({@link Counters}), so a captured order cannot be played again. A peer counts from its start time in microseconds,
 * so a restarted peer still counts above what it sent before.
 */
final class SignedOrder {

    static final byte[] CONTEXT = "ppay-validation-order".getBytes(StandardCharsets.US_ASCII);
    /** The payload of a limit certificate order: the simulator's order (a serial count), which the order signs. */
    static final int COUNT_BYTES = Messages.LIMIT_CERTIFICATE_REQUEST_BYTES;
    private static final int FIXED_BYTES = 16;

    private SignedOrder() {
    }

    static int limitCertificateOrderBytes(int signatureLength) {
        return FIXED_BYTES + COUNT_BYTES + signatureLength;
    }

    /**
     * The payload of a stored-requests order: how many of the stored requests it was given last time the owner has
     * applied (the broker forgets those first, then lists what it still holds).
     */
    static final int ACKNOWLEDGED_BYTES = 4;

    static int storedRequestsOrderBytes(int signatureLength) {
        return FIXED_BYTES + ACKNOWLEDGED_BYTES + signatureLength;
    }

    /** A little-endian 4-byte count: the payload of both orders. */
    static byte[] count(int count) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(count).array();
    }

    /** The count a payload of {@link #count} carries. */
    static int countOf(byte[] payload) {
        return ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** The body of an order of frame kind {@code kind} with {@code payload}, signed by {@code keys}. */
    static byte[] sign(byte kind, PeerKeys keys, SignatureSuite suite, long counter, byte[] payload) {
        final int unsigned = FIXED_BYTES + payload.length;
        final byte[] body = new byte[unsigned + suite.signatureLength()];
        ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).putLong(keys.peerId()).putLong(counter).put(payload);
        final byte[] signature = suite.sign(keys.privateKey(), signed(kind, body, unsigned));
        System.arraycopy(signature, 0, body, unsigned, signature.length);
        return body;
    }

    /**
     * The payload of an order whose payload has {@code payloadBytes}, once its signature verifies against the
     * signer's key in {@code directory} and its counter is fresh; otherwise throws naming why, and nothing changes
     * (a forged order does not advance the signer's counter).
     */
    static Opened open(byte kind, byte[] body, int payloadBytes, KeyDirectory directory, SignatureSuite suite,
            Counters counters) {
        final int unsigned = FIXED_BYTES + payloadBytes;
        if (body.length != unsigned + suite.signatureLength()) {
            throw new IllegalArgumentException("an order of kind " + kind + " has " + (unsigned
                    + suite.signatureLength()) + " bytes, got " + body.length);
        }
        final ByteBuffer view = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        final long signer = view.getLong();
        final long counter = view.getLong();
        final byte[] publicKey = directory.publicKey(signer);
        if (publicKey == null) {
            throw new IllegalArgumentException("an order signed by unknown peer " + signer);
        }
        if (!suite.verify(publicKey, signed(kind, body, unsigned), 0, CONTEXT.length + 1 + unsigned, body,
                unsigned)) {
            throw new IllegalArgumentException("the order's signature is not peer " + signer + "'s");
        }
        counters.advance(signer, counter);
        return new Opened(signer, Arrays.copyOfRange(body, FIXED_BYTES, unsigned));
    }

    private static byte[] signed(byte kind, byte[] body, int unsigned) {
        final byte[] message = new byte[CONTEXT.length + 1 + unsigned];
        System.arraycopy(CONTEXT, 0, message, 0, CONTEXT.length);
        message[CONTEXT.length] = kind;
        System.arraycopy(body, 0, message, CONTEXT.length + 1, unsigned);
        return message;
    }

    /** A verified order: who signed it and what it orders. */
    record Opened(long signer, byte[] payload) {
    }

    /** The last counter the broker took from each signer; thread-safe. */
    static final class Counters {
        private final Map<Long, Long> last = new ConcurrentHashMap<>();

        /** Takes {@code counter} for {@code signer}, or throws if it does not exceed the last one taken. */
        void advance(long signer, long counter) {
            final boolean[] fresh = {false};
            last.compute(signer, (id, previous) -> {
                if (previous != null && counter <= previous) {
                    return previous;
                }
                fresh[0] = true;
                return counter;
            });
            if (!fresh[0]) {
                throw new IllegalArgumentException("order " + counter + " of peer " + signer
                        + " replayed: its counter is not above the last taken, " + last.get(signer));
            }
        }
    }

    /** A peer's orders: counted and sent one at a time, so they reach the broker in the order of their counters. */
    static final class Signer {
        private final PeerKeys keys;
        private final SignatureSuite suite;
        private long counter = System.currentTimeMillis() * 1_000L;

        Signer(PeerKeys keys, SignatureSuite suite) {
            this.keys = keys;
            this.suite = suite;
        }

        long peerId() {
            return keys.peerId();
        }

        /** Signs an order with the next counter and has {@code send} carry it, holding the order's turn meanwhile. */
        synchronized <T> T send(byte kind, byte[] payload, Function<byte[], T> send) {
            counter++;
            return send.apply(sign(kind, keys, suite, counter, payload));
        }
    }
}
