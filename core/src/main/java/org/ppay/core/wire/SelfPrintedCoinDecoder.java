package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/** Reads a {@link SelfPrintedCoin} in place; its limit certificate is a reused flyweight over the same bytes. */
public final class SelfPrintedCoinDecoder extends MessageDecoder {

    private final LimitCertificateDecoder certificate;

    public SelfPrintedCoinDecoder(WireFormat format) {
        super(format, SelfPrintedCoin.TYPE.bit());
        this.certificate = new LimitCertificateDecoder(format);
    }

    /** Validates exactly {@code length} bytes as a self-printed coin (certificate included), then wraps them. */
    public SelfPrintedCoinDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    public long serial() {
        return longAt(SelfPrintedCoin.SERIAL_OFFSET);
    }

    /** The embedded limit certificate (the same flyweight on every call). */
    public LimitCertificateDecoder limitCertificate() {
        certificate.wrapEmbedded(buffer(), offset() + SelfPrintedCoin.CERTIFICATE_OFFSET, signatureOffset());
        return certificate;
    }

    /** The owner named by the limit certificate: the peer who printed this coin. */
    public long owner() {
        return longAt(SelfPrintedCoin.CERTIFICATE_OFFSET + LimitCertificate.OWNER_OFFSET);
    }
}
