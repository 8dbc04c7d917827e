package org.ppay.core.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes an {@link Assignment}: an owner's ASSIGNMENT ({@link #wrap}) or a BROKER_ASSIGNMENT
 * ({@link #wrapBrokerAssignment}). The coin is copied in whole; write it before signing.
 */
public final class AssignmentEncoder extends MessageEncoder {

    private int coinLength = -1;

    public AssignmentEncoder(WireFormat format) {
        super(format);
    }

    /** Starts an ASSIGNMENT, signed by the coin's owner. */
    public AssignmentEncoder wrap(MutableDirectBuffer buffer, int offset) {
        wrapHeader(buffer, offset, MessageType.ASSIGNMENT);
        coinLength = -1;
        return this;
    }

    /** Starts a BROKER_ASSIGNMENT, signed by the broker while the coin's owner is down. */
    public AssignmentEncoder wrapBrokerAssignment(MutableDirectBuffer buffer, int offset) {
        wrapHeader(buffer, offset, MessageType.BROKER_ASSIGNMENT);
        coinLength = -1;
        return this;
    }

    public AssignmentEncoder holder(long holder) {
        putLongAt(Assignment.HOLDER_OFFSET, holder);
        return this;
    }

    public AssignmentEncoder seq(long seq) {
        putUnsignedIntAt(Assignment.SEQ_OFFSET, seq, "seq");
        return this;
    }

    public AssignmentEncoder timestampSeconds(long timestampSeconds) {
        putUnsignedIntAt(Assignment.TIMESTAMP_OFFSET, timestampSeconds, "timestampSeconds");
        return this;
    }

    public AssignmentEncoder renewalBeginSeconds(long renewalBeginSeconds) {
        putUnsignedIntAt(Assignment.RENEWAL_BEGIN_OFFSET, renewalBeginSeconds, "renewalBeginSeconds");
        return this;
    }

    public AssignmentEncoder renewalEndSeconds(long renewalEndSeconds) {
        putUnsignedIntAt(Assignment.RENEWAL_END_OFFSET, renewalEndSeconds, "renewalEndSeconds");
        return this;
    }

    /** Copies in an encoded RAW_COIN or SELF_PRINTED_COIN, after checking it is exactly one. */
    public AssignmentEncoder coin(DirectBuffer source, int sourceOffset, int sourceLength) {
        coinLength = copyEmbedded(Assignment.COIN_OFFSET, source, sourceOffset, sourceLength, Assignment.COIN_TYPES);
        return this;
    }

    public AssignmentEncoder coin(EncodedMessage coin) {
        return coin(coin.buffer(), coin.offset(), coin.encodedLength());
    }

    /** @throws IllegalStateException until the coin is written */
    @Override
    public int encodedLength() {
        return Assignment.encodedLength(format(), requireSet(coinLength, "the coin"));
    }
}
