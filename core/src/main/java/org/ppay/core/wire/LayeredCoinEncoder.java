package org.ppay.core.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes a {@link LayeredCoin}: one more layer around an assignment or a layered coin, which is copied in whole.
 * Refuses to exceed {@link WireFormat#maxLayers()}. Write the inner part before signing.
 */
public final class LayeredCoinEncoder extends MessageEncoder {

    private int innerLength = -1;

    public LayeredCoinEncoder(WireFormat format) {
        super(format);
    }

    public LayeredCoinEncoder wrap(MutableDirectBuffer buffer, int offset) {
        wrapHeader(buffer, offset, LayeredCoin.TYPE);
        innerLength = -1;
        return this;
    }

    /** The peer the coin now goes to (X). */
    public LayeredCoinEncoder to(long to) {
        putLongAt(LayeredCoin.TO_OFFSET, to);
        return this;
    }

    /** The holder adding this layer and signing it (V). */
    public LayeredCoinEncoder from(long from) {
        putLongAt(LayeredCoin.FROM_OFFSET, from);
        return this;
    }

    public LayeredCoinEncoder seq(long seq) {
        putUnsignedIntAt(LayeredCoin.SEQ_OFFSET, seq, "seq");
        return this;
    }

    /**
     * Copies in an encoded ASSIGNMENT, BROKER_ASSIGNMENT or LAYERED_COIN, after checking it is exactly one.
     *
     * @throws IllegalArgumentException when one more layer would exceed the maximum
     */
    public LayeredCoinEncoder inner(DirectBuffer source, int sourceOffset, int sourceLength) {
        WireMessages.measureExact(format(), source, sourceOffset, sourceLength, LayeredCoin.INNER_TYPES);
        int layers = WireMessages.layerCount(source, sourceOffset) + 1;
        if (layers > format().maxLayers()) {
            throw new IllegalArgumentException("adding a layer would make " + layers
                + " layers, more than the maximum of " + format().maxLayers());
        }
        innerLength = copyEmbedded(LayeredCoin.INNER_OFFSET, source, sourceOffset, sourceLength,
            LayeredCoin.INNER_TYPES);
        return this;
    }

    public LayeredCoinEncoder inner(EncodedMessage inner) {
        return inner(inner.buffer(), inner.offset(), inner.encodedLength());
    }

    /** @throws IllegalStateException until the inner part is written */
    @Override
    public int encodedLength() {
        return LayeredCoin.encodedLength(format(), requireSet(innerLength, "the inner part"));
    }
}
