package org.ppay.core.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** Reads a {@link PaywordCommitment} in place. */
public final class PaywordCommitmentDecoder extends MessageDecoder {

    public PaywordCommitmentDecoder(WireFormat format) {
        super(format, PaywordCommitment.TYPE.bit());
    }

    /** Validates exactly {@code length} bytes as a payword commitment, then wraps them. */
    public PaywordCommitmentDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    public long payer() {
        return longAt(PaywordCommitment.PAYER_OFFSET);
    }

    public long vendor() {
        return longAt(PaywordCommitment.VENDOR_OFFSET);
    }

    /** Copies the 32-byte chain root w0 into {@code destination[destinationOffset]}. */
    public void getRoot(byte[] destination, int destinationOffset) {
        buffer().getBytes(offset() + PaywordCommitment.ROOT_OFFSET, destination, destinationOffset,
            PaywordCommitment.ROOT_LENGTH);
    }

    public void getRoot(MutableDirectBuffer destination, int destinationOffset) {
        destination.putBytes(destinationOffset, buffer(), offset() + PaywordCommitment.ROOT_OFFSET,
            PaywordCommitment.ROOT_LENGTH);
    }

    /** Offset of the root in {@link #buffer()}, to hash-compare it in place. */
    public int rootOffset() {
        return offset() + PaywordCommitment.ROOT_OFFSET;
    }

    public long chainLength() {
        return unsignedIntAt(PaywordCommitment.CHAIN_LENGTH_OFFSET);
    }

    public long expirySeconds() {
        return unsignedIntAt(PaywordCommitment.EXPIRY_OFFSET);
    }
}
