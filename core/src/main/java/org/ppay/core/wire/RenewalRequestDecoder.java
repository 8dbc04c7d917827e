package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/**
 * Reads a {@link RenewalRequest} in place. The instrument to renew (ASSIGNMENT, BROKER_ASSIGNMENT, or LAYERED_COIN
 * when the holder renews a layered coin) is read with {@link #instrumentType()}, then {@link #assignment()} or
 * {@link #layeredCoin()}.
 */
public final class RenewalRequestDecoder extends InstrumentCarryingDecoder {

    public RenewalRequestDecoder(WireFormat format) {
        super(format, RenewalRequest.TYPE.bit(), RenewalRequest.ASSIGNMENT_OFFSET);
    }

    /** Validates exactly {@code length} bytes as a renewal request (assignment included), then wraps them. */
    public RenewalRequestDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }
}
