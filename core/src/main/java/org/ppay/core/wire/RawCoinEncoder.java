package org.ppay.core.wire;

import org.agrona.MutableDirectBuffer;

/** Writes a {@link RawCoin} in place. */
public final class RawCoinEncoder extends MessageEncoder {

    public RawCoinEncoder(WireFormat format) {
        super(format);
    }

    public RawCoinEncoder wrap(MutableDirectBuffer buffer, int offset) {
        wrapHeader(buffer, offset, RawCoin.TYPE);
        return this;
    }

    public RawCoinEncoder owner(long owner) {
        putLongAt(RawCoin.OWNER_OFFSET, owner);
        return this;
    }

    public RawCoinEncoder serial(long serial) {
        putLongAt(RawCoin.SERIAL_OFFSET, serial);
        return this;
    }

    @Override
    public int encodedLength() {
        return RawCoin.encodedLength(format());
    }
}
