package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/** Reads a {@link LimitCertificate} in place. */
public final class LimitCertificateDecoder extends MessageDecoder {

    public LimitCertificateDecoder(WireFormat format) {
        super(format, LimitCertificate.TYPE.bit());
    }

    /** Validates exactly {@code length} bytes as a limit certificate, then wraps them. */
    public LimitCertificateDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    public long owner() {
        return longAt(LimitCertificate.OWNER_OFFSET);
    }

    public long serialLow() {
        return longAt(LimitCertificate.SERIAL_LOW_OFFSET);
    }

    public long serialHigh() {
        return longAt(LimitCertificate.SERIAL_HIGH_OFFSET);
    }
}
