package org.ppay.core.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** Writes a {@link SelfPrintedCoin} in place; the limit certificate is copied in whole. */
public final class SelfPrintedCoinEncoder extends MessageEncoder {

    public SelfPrintedCoinEncoder(WireFormat format) {
        super(format);
    }

    public SelfPrintedCoinEncoder wrap(MutableDirectBuffer buffer, int offset) {
        wrapHeader(buffer, offset, SelfPrintedCoin.TYPE);
        return this;
    }

    public SelfPrintedCoinEncoder serial(long serial) {
        putLongAt(SelfPrintedCoin.SERIAL_OFFSET, serial);
        return this;
    }

    /** Copies in an encoded limit certificate, after checking it is exactly one. */
    public SelfPrintedCoinEncoder limitCertificate(DirectBuffer source, int sourceOffset, int sourceLength) {
        copyEmbedded(SelfPrintedCoin.CERTIFICATE_OFFSET, source, sourceOffset, sourceLength,
            LimitCertificate.TYPE.bit());
        return this;
    }

    public SelfPrintedCoinEncoder limitCertificate(EncodedMessage certificate) {
        return limitCertificate(certificate.buffer(), certificate.offset(), certificate.encodedLength());
    }

    @Override
    public int encodedLength() {
        return SelfPrintedCoin.encodedLength(format());
    }
}
