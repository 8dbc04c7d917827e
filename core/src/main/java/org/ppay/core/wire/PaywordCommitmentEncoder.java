package org.ppay.core.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** Writes a {@link PaywordCommitment} in place. */
public final class PaywordCommitmentEncoder extends MessageEncoder {

    public PaywordCommitmentEncoder(WireFormat format) {
        super(format);
    }

    public PaywordCommitmentEncoder wrap(MutableDirectBuffer buffer, int offset) {
        wrapHeader(buffer, offset, PaywordCommitment.TYPE);
        return this;
    }

    public PaywordCommitmentEncoder payer(long payer) {
        putLongAt(PaywordCommitment.PAYER_OFFSET, payer);
        return this;
    }

    public PaywordCommitmentEncoder vendor(long vendor) {
        putLongAt(PaywordCommitment.VENDOR_OFFSET, vendor);
        return this;
    }

    /** Copies the 32-byte chain root w0 from {@code source[sourceOffset]}. */
    public PaywordCommitmentEncoder root(byte[] source, int sourceOffset) {
        buffer().putBytes(offset() + PaywordCommitment.ROOT_OFFSET, source, sourceOffset,
            PaywordCommitment.ROOT_LENGTH);
        return this;
    }

    public PaywordCommitmentEncoder root(DirectBuffer source, int sourceOffset) {
        buffer().putBytes(offset() + PaywordCommitment.ROOT_OFFSET, source, sourceOffset,
            PaywordCommitment.ROOT_LENGTH);
        return this;
    }

    /** The number of paywords n in the chain (unsigned 32-bit). */
    public PaywordCommitmentEncoder chainLength(long chainLength) {
        putUnsignedIntAt(PaywordCommitment.CHAIN_LENGTH_OFFSET, chainLength, "chainLength");
        return this;
    }

    public PaywordCommitmentEncoder expirySeconds(long expirySeconds) {
        putUnsignedIntAt(PaywordCommitment.EXPIRY_OFFSET, expirySeconds, "expirySeconds");
        return this;
    }

    @Override
    public int encodedLength() {
        return PaywordCommitment.encodedLength(format());
    }
}
