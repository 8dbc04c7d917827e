package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/** Reads a {@link ReassignmentRequest} in place. */
public final class ReassignmentRequestDecoder extends MessageDecoder {

    private final AssignmentDecoder assignment;
    private final LayeredCoinDecoder layeredCoin;

    public ReassignmentRequestDecoder(WireFormat format) {
        super(format, ReassignmentRequest.TYPE.bit());
        this.assignment = new AssignmentDecoder(format);
        this.layeredCoin = new LayeredCoinDecoder(format);
    }

    /** Validates exactly {@code length} bytes as a reassignment request (assignment included), then wraps them. */
    public ReassignmentRequestDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    public long newHolder() {
        return longAt(ReassignmentRequest.NEW_HOLDER_OFFSET);
    }

    /**
     * The assignment being relinquished when the instrument is one (a reused flyweight over the same bytes); see
     * {@link #instrumentType()}.
     */
    public AssignmentDecoder assignment() {
        if (instrumentType() == MessageType.LAYERED_COIN) {
            throw new IllegalStateException("the embedded instrument is a layered coin, not an assignment");
        }
        assignment.wrapEmbedded(buffer(), offset() + ReassignmentRequest.ASSIGNMENT_OFFSET, signatureOffset());
        return assignment;
    }

    /** ASSIGNMENT, BROKER_ASSIGNMENT, or LAYERED_COIN when the holder gives up a layered coin. */
    public MessageType instrumentType() {
        return typeAt(ReassignmentRequest.ASSIGNMENT_OFFSET);
    }

    /** Offset of the embedded instrument in {@link #buffer()}. */
    public int instrumentOffset() {
        return offset() + ReassignmentRequest.ASSIGNMENT_OFFSET;
    }

    public int instrumentLength() {
        return signatureOffset() - instrumentOffset();
    }

    /** The embedded layered coin; throws {@link IllegalStateException} when the instrument is an assignment. */
    public LayeredCoinDecoder layeredCoin() {
        if (instrumentType() != MessageType.LAYERED_COIN) {
            throw new IllegalStateException("the embedded instrument is a " + instrumentType()
                + ", not a layered coin");
        }
        layeredCoin.wrapEmbedded(buffer(), instrumentOffset(), signatureOffset());
        return layeredCoin;
    }
}
