package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/**
 * An encoded message in a buffer, seen through an encoder or a decoder. Its signature is its last
 * {@code format().signatureLength()} bytes and covers every byte before it.
 */
public interface EncodedMessage {

    WireFormat format();

    DirectBuffer buffer();

    /** Offset of the message's first byte in {@link #buffer()}. */
    int offset();

    /** Length in bytes of the whole message, signature included. */
    int encodedLength();

    MessageType type();

    /** Offset in {@link #buffer()} of the signature. */
    default int signatureOffset() {
        return offset() + signedLength();
    }

    /** Length of the bytes the signature covers: everything before the signature. */
    default int signedLength() {
        return encodedLength() - format().signatureLength();
    }
}
