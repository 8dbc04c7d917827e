package org.ppay.core.wire;

import java.nio.ByteOrder;
import java.util.Objects;
import org.agrona.DirectBuffer;

/**
 * Base of the flyweight decoders: state is the buffer, the offset and the validated length. {@code wrap} validates
 * the whole message (embedded messages included) before it changes any state; the accessors then read in place.
 */
public abstract class MessageDecoder implements EncodedMessage {

    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final WireFormat format;
    private final int allowedTypes;
    private DirectBuffer buffer;
    private int offset;
    private int encodedLength;

    MessageDecoder(WireFormat format, int allowedTypes) {
        this.format = Objects.requireNonNull(format, "format");
        this.allowedTypes = allowedTypes;
    }

    /** Validates {@code buffer[offset, offset + length)} as exactly one message of this decoder's type(s). */
    final void wrapChecked(DirectBuffer buffer, int offset, int length) {
        WireMessages.measureExact(format, buffer, offset, length, allowedTypes);
        this.buffer = buffer;
        this.offset = offset;
        this.encodedLength = length;
    }

    /** Wraps a message embedded in a container, which must end before {@code limit}. */
    final void wrapEmbedded(DirectBuffer buffer, int offset, int limit) {
        this.encodedLength = WireMessages.measure(format, buffer, offset, offset, limit, allowedTypes);
        this.buffer = buffer;
        this.offset = offset;
    }

    @Override
    public final WireFormat format() {
        return format;
    }

    @Override
    public final DirectBuffer buffer() {
        return buffer;
    }

    @Override
    public final int offset() {
        return offset;
    }

    @Override
    public final int encodedLength() {
        return encodedLength;
    }

    @Override
    public final MessageType type() {
        return MessageType.fromCode(buffer.getByte(offset) & 0xFF);
    }

    /** Copies the signature into {@code destination[destinationOffset, + signature length)}. */
    public final void getSignature(byte[] destination, int destinationOffset) {
        buffer.getBytes(signatureOffset(), destination, destinationOffset, format.signatureLength());
    }

    final long longAt(int field) {
        return buffer.getLong(offset + field, ORDER);
    }

    final long unsignedIntAt(int field) {
        return buffer.getInt(offset + field, ORDER) & 0xFFFF_FFFFL;
    }

    final MessageType typeAt(int field) {
        return MessageType.fromCode(buffer.getByte(offset + field) & 0xFF);
    }
}
