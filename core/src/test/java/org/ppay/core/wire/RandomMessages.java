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
                    .newHolder(random.nextLong()).assignment(part(anyHeldType())));
            case LAYERED_COIN:
                return layered(buffer, offset, 1 + random.nextInt(Math.max(1, format.maxLayers())));
            case RENEWAL_REQUEST:
                return signed(new RenewalRequestEncoder(format).wrap(buffer, offset)
                    .assignment(part(anyHeldType())));
            case CASH_REQUEST:
                return signed(new CashRequestEncoder(format).wrap(buffer, offset)
                    .holder(random.nextLong()).timestampSeconds(unsignedInt()).instrument(part(anyInstrumentType())));
            case PAYWORD_COMMITMENT:
                byte[] root = new byte[PaywordCommitment.ROOT_LENGTH];
                random.nextBytes(root);
                return signed(new PaywordCommitmentEncoder(format).wrap(buffer, offset)
                    .payer(random.nextLong()).vendor(random.nextLong()).root(root, 0)
                    .chainLength(unsignedInt()).expirySeconds(unsignedInt()));
            case LOTTERY_TICKET:
                return signed(new LotteryTicketEncoder(format).wrap(buffer, offset)
                    .payer(random.nextLong()).payee(random.nextLong()).serial(random.nextLong())
                    .timestampSeconds(unsignedInt()));
            default:
                throw new IllegalArgumentException("no generator for " + type);
        }
    }

    /** A coin of {@code layers} layers (0: a plain assignment) around a random assignment. */
    int layered(MutableDirectBuffer buffer, int offset, int layers) {
        EncodedMessage coin = part(anyAssignmentType());
        for (int layer = 1; layer < layers; layer++) {
            coin = new Part(format, layer(new UnsafeBuffer(new byte[64 * 1024]), 0, coin));
        }
        if (layers == 0) {
            buffer.putBytes(offset, coin.buffer(), coin.offset(), coin.encodedLength());
            return coin.encodedLength();
        }
        return layer(buffer, offset, coin).encodedLength();
    }

    private LayeredCoinEncoder layer(MutableDirectBuffer buffer, int offset, EncodedMessage inner) {
        LayeredCoinEncoder layer = new LayeredCoinEncoder(format).wrap(buffer, offset)
            .to(random.nextLong()).from(random.nextLong()).seq(unsignedInt()).inner(inner);
        signed(layer);
        return layer;
    }

    MessageType anyInstrumentType() {
        MessageType[] types = {MessageType.RAW_COIN, MessageType.SELF_PRINTED_COIN, MessageType.ASSIGNMENT,
            MessageType.BROKER_ASSIGNMENT, MessageType.LAYERED_COIN};
        MessageType type = types[random.nextInt(types.length)];
        return type == MessageType.LAYERED_COIN && format.maxLayers() == 0 ? MessageType.ASSIGNMENT : type;
    }

    /** What a reassignment or renewal request may embed: an assignment, or a layered coin when layers are allowed. */
    MessageType anyHeldType() {
        int pick = random.nextInt(3);
        if (pick == 2 && format.maxLayers() > 0) {
            return MessageType.LAYERED_COIN;
        }
        return pick == 0 ? MessageType.ASSIGNMENT : MessageType.BROKER_ASSIGNMENT;
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

        Part(WireFormat format, LayeredCoinEncoder layer) {
            this(format, (UnsafeBuffer) layer.buffer(), layer.encodedLength());
        }

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
