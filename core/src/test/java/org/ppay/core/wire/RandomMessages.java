package org.ppay.core.wire;

import java.util.SplittableRandom;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes valid messages with random fields and random signature bytes, for properties over every message type.
 * Embedded parts are built in a scratch buffer and copied in, the way a peer does it.
 */
final class RandomMessages {

    private final WireFormat format;
    private final SplittableRandom random;

    RandomMessages(WireFormat format, long seed) {
        this.format = format;
        this.random = new SplittableRandom(seed);
    }

    /** Writes a random message of {@code type} at {@code offset} (layered coins get 1..maxLayers layers). */
    int write(MessageType type, MutableDirectBuffer buffer, int offset) {
        switch (type) {
            case RAW_COIN:
                return signed(new RawCoinEncoder(format).wrap(buffer, offset)
                    .owner(random.nextLong()).serial(random.nextLong()));
            case LIMIT_CERTIFICATE:
                return signed(new LimitCertificateEncoder(format).wrap(buffer, offset)
                    .owner(random.nextLong()).serialLow(random.nextLong()).serialHigh(random.nextLong()));
            case SELF_PRINTED_COIN:
                return signed(new SelfPrintedCoinEncoder(format).wrap(buffer, offset)
                    .serial(random.nextLong()).limitCertificate(part(MessageType.LIMIT_CERTIFICATE)));
            case ASSIGNMENT:
            case BROKER_ASSIGNMENT:
                return assignment(type, buffer, offset);
            case REASSIGNMENT_REQUEST:
                return signed(new ReassignmentRequestEncoder(format).wrap(buffer, offset)
                    .newHolder(random.nextLong()).assignment(part(anyAssignmentType())));
            default:
                throw new IllegalArgumentException("no generator for " + type);
        }
    }

    MessageType anyAssignmentType() {
        return random.nextBoolean() ? MessageType.ASSIGNMENT : MessageType.BROKER_ASSIGNMENT;
    }

    MessageType anyCoinType() {
        return random.nextBoolean() ? MessageType.RAW_COIN : MessageType.SELF_PRINTED_COIN;
    }

    long unsignedInt() {
        return random.nextLong(0x1_0000_0000L);
    }

    private int assignment(MessageType type, MutableDirectBuffer buffer, int offset) {
        AssignmentEncoder assignment = new AssignmentEncoder(format);
        if (type == MessageType.ASSIGNMENT) {
            assignment.wrap(buffer, offset);
        } else {
            assignment.wrapBrokerAssignment(buffer, offset);
        }
        return signed(assignment.holder(random.nextLong()).seq(unsignedInt()).timestampSeconds(unsignedInt())
            .renewalBeginSeconds(unsignedInt()).renewalEndSeconds(unsignedInt()).coin(part(anyCoinType())));
    }

    /** A random message of {@code type} in its own buffer, to embed in another. */
    EncodedMessage part(MessageType type) {
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[64 * 1024]);
        int length = write(type, scratch, 0);
        return new Part(format, scratch, length);
    }

    private int signed(MessageEncoder message) {
        byte[] signature = new byte[format.signatureLength()];
        random.nextBytes(signature);
        message.putSignature(signature, 0);
        return message.encodedLength();
    }

    private record Part(WireFormat format, UnsafeBuffer buffer, int encodedLength) implements EncodedMessage {

        @Override
        public int offset() {
            return 0;
        }

        @Override
        public MessageType type() {
            return MessageType.fromCode(buffer.getByte(0) & 0xFF);
        }
    }
}
