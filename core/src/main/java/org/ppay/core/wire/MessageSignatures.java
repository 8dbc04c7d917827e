package org.ppay.core.wire;

import java.security.PrivateKey;
import java.util.Objects;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.ppay.core.crypto.SignatureSuite;

/**
 * Signs and verifies messages in place. A message's signature is its last S bytes and covers exactly the encoded
 * bytes before it. A byte[]-backed buffer is handed to the suite as the array with offsets; any other buffer is
 * copied into a reusable per-thread scratch array first.
 */
public final class MessageSignatures {

    private static final int INITIAL_SCRATCH_BYTES = 2048;
    private static final ThreadLocal<byte[][]> SCRATCH =
        ThreadLocal.withInitial(() -> new byte[][] {new byte[INITIAL_SCRATCH_BYTES]});

    private MessageSignatures() {
    }

    /** Signs a fully written message and writes the signature into its signature field. */
    public static void sign(SignatureSuite suite, PrivateKey key, MessageEncoder message) {
        requireMatchingLength(suite, message.format());
        sign(suite, key, message.buffer(), message.offset(), message.encodedLength());
    }

    /** True when the message's signature is valid under {@code publicKey} (raw encoding of the suite). */
    public static boolean verify(SignatureSuite suite, byte[] publicKey, EncodedMessage message) {
        requireMatchingLength(suite, message.format());
        return verify(suite, publicKey, message.buffer(), message.offset(), message.encodedLength());
    }

    /**
     * Signs {@code buffer[offset, offset + encodedLength - S)} and writes the S-byte signature right after it.
     */
    public static void sign(SignatureSuite suite, PrivateKey key, MutableDirectBuffer buffer, int offset,
                            int encodedLength) {
        int signedLength = signedLength(suite, buffer, offset, encodedLength);
        byte[] array = buffer.byteArray();
        if (array != null) {
            int arrayOffset = buffer.wrapAdjustment() + offset;
            suite.sign(key, array, arrayOffset, signedLength, array, arrayOffset + signedLength);
            return;
        }
        byte[] scratch = scratch(encodedLength);
        buffer.getBytes(offset, scratch, 0, signedLength);
        suite.sign(key, scratch, 0, signedLength, scratch, signedLength);
        buffer.putBytes(offset + signedLength, scratch, signedLength, suite.signatureLength());
    }

    /** Verifies the S-byte signature at the end of {@code buffer[offset, offset + encodedLength)}. */
    public static boolean verify(SignatureSuite suite, byte[] publicKey, DirectBuffer buffer, int offset,
                                 int encodedLength) {
        int signedLength = signedLength(suite, buffer, offset, encodedLength);
        byte[] array = buffer.byteArray();
        if (array != null) {
            int arrayOffset = buffer.wrapAdjustment() + offset;
            return suite.verify(publicKey, array, arrayOffset, signedLength, array, arrayOffset + signedLength);
        }
        byte[] scratch = scratch(encodedLength);
        buffer.getBytes(offset, scratch, 0, encodedLength);
        return suite.verify(publicKey, scratch, 0, signedLength, scratch, signedLength);
    }

    private static int signedLength(SignatureSuite suite, DirectBuffer buffer, int offset, int encodedLength) {
        Objects.requireNonNull(buffer, "buffer");
        int signatureLength = suite.signatureLength();
        if (encodedLength <= signatureLength) {
            throw new IllegalArgumentException("a " + encodedLength + "-byte message cannot end in a "
                + signatureLength + "-byte " + suite.name() + " signature");
        }
        if (offset < 0 || offset > buffer.capacity() - encodedLength) {
            throw new IllegalArgumentException("message [" + offset + ", " + offset + " + " + encodedLength
                + ") is outside the buffer of capacity " + buffer.capacity());
        }
        return encodedLength - signatureLength;
    }

    private static void requireMatchingLength(SignatureSuite suite, WireFormat format) {
        if (suite.signatureLength() != format.signatureLength()) {
            throw new IllegalArgumentException("suite " + suite.name() + " makes " + suite.signatureLength()
                + "-byte signatures but the wire format expects " + format.signatureLength());
        }
    }

    private static byte[] scratch(int length) {
        byte[][] holder = SCRATCH.get();
        if (holder[0].length < length) {
            holder[0] = new byte[Math.max(length, holder[0].length * 2)];
        }
        return holder[0];
    }
}
