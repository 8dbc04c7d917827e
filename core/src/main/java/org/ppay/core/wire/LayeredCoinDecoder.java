package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/**
 * Reads a {@link LayeredCoin} in place. The inner part is reached through reused flyweights: an assignment
 * ({@link #innerAssignment()}) or the next layer ({@link #innerLayer()}); {@link #innermostAssignment()} goes
 * straight to the assignment at the core.
 */
public final class LayeredCoinDecoder extends MessageDecoder {

    private final AssignmentDecoder assignment;
    private LayeredCoinDecoder innerLayer;

    public LayeredCoinDecoder(WireFormat format) {
        super(format, LayeredCoin.TYPE.bit());
        this.assignment = new AssignmentDecoder(format);
    }

    /** Validates exactly {@code length} bytes as a layered coin (every layer, at most the maximum), then wraps them. */
    public LayeredCoinDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    public long to() {
        return longAt(LayeredCoin.TO_OFFSET);
    }

    public long from() {
        return longAt(LayeredCoin.FROM_OFFSET);
    }

    public long seq() {
        return unsignedIntAt(LayeredCoin.SEQ_OFFSET);
    }

    /** The number of layers, this one included (1..maxLayers). */
    public int layers() {
        return WireMessages.layerCount(buffer(), offset());
    }

    /** ASSIGNMENT, BROKER_ASSIGNMENT or LAYERED_COIN. */
    public MessageType innerType() {
        return typeAt(LayeredCoin.INNER_OFFSET);
    }

    /** Offset of the inner part in {@link #buffer()}. */
    public int innerOffset() {
        return offset() + LayeredCoin.INNER_OFFSET;
    }

    public int innerLength() {
        return signatureOffset() - innerOffset();
    }

    /** The inner assignment of a one-layer coin; throws {@link IllegalStateException} when the inner is a layer. */
    public AssignmentDecoder innerAssignment() {
        if (innerType() == MessageType.LAYERED_COIN) {
            throw new IllegalStateException("the inner part is another layer, not an assignment");
        }
        assignment.wrapEmbedded(buffer(), innerOffset(), signatureOffset());
        return assignment;
    }

    /** The next layer in; throws {@link IllegalStateException} when the inner part is the assignment. */
    public LayeredCoinDecoder innerLayer() {
        if (innerType() != MessageType.LAYERED_COIN) {
            throw new IllegalStateException("the inner part is a " + innerType() + ", not another layer");
        }
        if (innerLayer == null) {
            innerLayer = new LayeredCoinDecoder(format());
        }
        innerLayer.wrapEmbedded(buffer(), innerOffset(), signatureOffset());
        return innerLayer;
    }

    /** The assignment at the core of all the layers. */
    public AssignmentDecoder innermostAssignment() {
        int position = offset();
        int end = offset() + encodedLength();
        while ((buffer().getByte(position) & 0xFF) == MessageType.LAYERED_COIN.code()) {
            position += LayeredCoin.INNER_OFFSET;
            end -= format().signatureLength();
        }
        assignment.wrapEmbedded(buffer(), position, end);
        return assignment;
    }
}
