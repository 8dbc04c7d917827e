package org.ppay.core.wire;

/**
 * LAYERED_COIN 0x07, the paper's message (8) {X, V, seq_n, inner}_SKV: holder V passes its coin to X without the
 * owner by wrapping what it holds (an assignment, or a layered coin) in one more layer. Each layer is V's proof
 * of relinquishment; the owner peels them. At most {@link WireFormat#maxLayers()} layers.
 * <pre>
 *   0      1       2       10        18      22                               22 + inner
 *   +------+-------+-------+---------+-------+--------------------------------+------------+
 *   | 0x07 | ver=1 | to:8  | from:8  | seq:4 | inner (0x04|0x05|0x07, inner)   | fromSig:S  |
 *   +------+-------+-------+---------+-------+--------------------------------+------------+
 *   length = 22 + inner + S;  k layers around an assignment of length A: A + k(22 + S)
 * </pre>
 */
public final class LayeredCoin {

    public static final MessageType TYPE = MessageType.LAYERED_COIN;
    public static final int TO_OFFSET = MessageHeader.ENCODED_LENGTH;
    public static final int FROM_OFFSET = TO_OFFSET + 8;
    public static final int SEQ_OFFSET = FROM_OFFSET + 8;
    public static final int INNER_OFFSET = SEQ_OFFSET + 4;

    /** The types the inner part may have. */
    static final int INNER_TYPES = MessageType.mask(
        MessageType.ASSIGNMENT, MessageType.BROKER_ASSIGNMENT, MessageType.LAYERED_COIN);

    private LayeredCoin() {
    }

    public static int encodedLength(WireFormat format, int innerLength) {
        return INNER_OFFSET + innerLength + format.signatureLength();
    }

    /** The length of {@code layers} layers (0 gives the assignment itself) around an assignment. */
    public static int encodedLength(WireFormat format, int assignmentLength, int layers) {
        if (layers < 0) {
            throw new IllegalArgumentException("layers must be >= 0, got " + layers);
        }
        return assignmentLength + layers * (INNER_OFFSET + format.signatureLength());
    }
}
