package org.ppay.core.wire;

import org.agrona.MutableDirectBuffer;

/** Writes a {@link LimitCertificate} in place. */
public final class LimitCertificateEncoder extends MessageEncoder {

    public LimitCertificateEncoder(WireFormat format) {
        super(format);
    }

    public LimitCertificateEncoder wrap(MutableDirectBuffer buffer, int offset) {
        wrapHeader(buffer, offset, LimitCertificate.TYPE);
        return this;
    }

    public LimitCertificateEncoder owner(long owner) {
        putLongAt(LimitCertificate.OWNER_OFFSET, owner);
        return this;
    }

    public LimitCertificateEncoder serialLow(long serialLow) {
        putLongAt(LimitCertificate.SERIAL_LOW_OFFSET, serialLow);
        return this;
    }

    public LimitCertificateEncoder serialHigh(long serialHigh) {
        putLongAt(LimitCertificate.SERIAL_HIGH_OFFSET, serialHigh);
        return this;
    }

    @Override
    public int encodedLength() {
        return LimitCertificate.encodedLength(format());
    }
}
