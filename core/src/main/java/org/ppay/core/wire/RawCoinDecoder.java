package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/** Reads a {@link RawCoin} in place. */
public final class RawCoinDecoder extends MessageDecoder {

    public RawCoinDecoder(WireFormat format) {
        super(format, RawCoin.TYPE.bit());
    }

    /** Validates exactly {@code length} bytes as a raw coin, then wraps them. */
    public RawCoinDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    public long owner() {
        return longAt(RawCoin.OWNER_OFFSET);
    }

    public long serial() {
        return longAt(RawCoin.SERIAL_OFFSET);
    }
}
