package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/** Reads a {@link RenewalRequest} in place. */
public final class RenewalRequestDecoder extends MessageDecoder {

    private final AssignmentDecoder assignment;
    private final LayeredCoinDecoder layeredCoin;

    public RenewalRequestDecoder(WireFormat format) {
        super(format, RenewalRequest.TYPE.bit());
        this.assignment = new AssignmentDecoder(format);
        this.layeredCoin = new LayeredCoinDecoder(format);
    }

    /** Validates exactly {@code length} bytes as a renewal request (assignment included), then wraps them. */
    public RenewalRequestDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    /**
     * The assignment to renew when the instrument is one (a reused flyweight over the same bytes); see
     * {@link #instrumentType()}.
     */
    public AssignmentDecoder assignment() {
        if (instrumentType() == MessageType.LAYERED_COIN) {
            throw new IllegalStateException("the embedded instrument is a layered coin, not an assignment");
        }
        assignment.wrapEmbedded(buffer(), offset() + RenewalRequest.ASSIGNMENT_OFFSET, signatureOffset());
        return assignment;
    }

    /** ASSIGNMENT, BROKER_ASSIGNMENT, or LAYERED_COIN when the holder gives up a layered coin. */
    public MessageType instrumentType() {
        return typeAt(RenewalRequest.ASSIGNMENT_OFFSET);
    }

    /** Offset of the embedded instrument in {@link #buffer()}. */
    public int instrumentOffset() {
        return offset() + RenewalRequest.ASSIGNMENT_OFFSET;
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
