package org.ppay.core.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** Writes a {@link CashRequest}; the instrument is copied in whole. Write it before signing. */
public final class CashRequestEncoder extends MessageEncoder {

    private int instrumentLength = -1;

    public CashRequestEncoder(WireFormat format) {
        super(format);
    }

    public CashRequestEncoder wrap(MutableDirectBuffer buffer, int offset) {
        wrapHeader(buffer, offset, CashRequest.TYPE);
        instrumentLength = -1;
        return this;
    }

    public CashRequestEncoder holder(long holder) {
        putLongAt(CashRequest.HOLDER_OFFSET, holder);
        return this;
    }

    public CashRequestEncoder timestampSeconds(long timestampSeconds) {
        putUnsignedIntAt(CashRequest.TIMESTAMP_OFFSET, timestampSeconds, "timestampSeconds");
        return this;
    }

    /**
     * Copies in an encoded RAW_COIN, SELF_PRINTED_COIN, ASSIGNMENT, BROKER_ASSIGNMENT or LAYERED_COIN, after
     * checking it is exactly one.
     */
    public CashRequestEncoder instrument(DirectBuffer source, int sourceOffset, int sourceLength) {
        instrumentLength = copyEmbedded(CashRequest.INSTRUMENT_OFFSET, source, sourceOffset, sourceLength,
            CashRequest.INSTRUMENT_TYPES);
        return this;
    }

    public CashRequestEncoder instrument(EncodedMessage instrument) {
        return instrument(instrument.buffer(), instrument.offset(), instrument.encodedLength());
    }

    /** @throws IllegalStateException until the instrument is written */
    @Override
    public int encodedLength() {
        return CashRequest.encodedLength(format(), requireSet(instrumentLength, "the instrument"));
    }
}
