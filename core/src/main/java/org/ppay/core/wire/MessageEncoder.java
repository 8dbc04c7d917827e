package org.ppay.core.wire;

import java.nio.ByteOrder;
import java.util.Objects;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Base of the flyweight encoders: state is the buffer and the offset (plus the length of an embedded message once
 * it is copied in). {@code wrap} writes the header; setters write their field in place. Sign last, with
 * {@link MessageSignatures#sign}, once every field and embedded message is written.
 */
public abstract class MessageEncoder implements EncodedMessage {

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;

    private final WireFormat format;
    private MutableDirectBuffer buffer;
    private int offset;

    MessageEncoder(WireFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    final void wrapHeader(MutableDirectBuffer buffer, int offset, MessageType type) {
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        this.offset = offset;
        buffer.putByte(offset + MessageHeader.TYPE_OFFSET, (byte) type.code());
        buffer.putByte(offset + MessageHeader.VERSION_OFFSET, (byte) MessageHeader.VERSION);
    }

    @Override
    public final WireFormat format() {
        return format;
    }

    @Override
    public final MutableDirectBuffer buffer() {
        return buffer;
    }

    @Override
    public final int offset() {
        return offset;
    }

    @Override
    public final MessageType type() {
        return MessageType.fromCode(buffer.getByte(offset) & 0xFF);
    }

    /** Writes a signature made elsewhere (for example one a peer sent) into the signature field. */
    public final void putSignature(byte[] source, int sourceOffset) {
        buffer.putBytes(signatureOffset(), source, sourceOffset, format.signatureLength());
    }

    final void putLongAt(int field, long value) {
        buffer.putLong(offset + field, value, ORDER);
    }

    final void putUnsignedIntAt(int field, long value, String name) {
        if (value < 0 || value > MAX_UNSIGNED_INT) {
            throw new IllegalArgumentException(name + " must be an unsigned 32-bit value, got " + value);
        }
        buffer.putInt(offset + field, (int) value, ORDER);
    }

    /**
     * Validates {@code source[sourceOffset, + sourceLength)} as one message of an allowed type and copies it to
     * {@code field}; returns its length.
     */
    final int copyEmbedded(int field, DirectBuffer source, int sourceOffset, int sourceLength, int allowedTypes) {
        WireMessages.measureExact(format, source, sourceOffset, sourceLength, allowedTypes);
        buffer.putBytes(offset + field, source, sourceOffset, sourceLength);
        return sourceLength;
    }

    static int requireSet(int embeddedLength, String name) {
        if (embeddedLength < 0) {
            throw new IllegalStateException(name + " has not been written yet: its length is unknown");
        }
        return embeddedLength;
    }
}
