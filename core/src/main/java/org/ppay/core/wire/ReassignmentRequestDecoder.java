package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/**
 * Reads a {@link ReassignmentRequest} in place. The instrument (ASSIGNMENT, BROKER_ASSIGNMENT, or LAYERED_COIN when
 * the holder gives up a layered coin) is read with {@link #instrumentType()}, then {@link #assignment()} or
 * {@link #layeredCoin()}.
 */
public final class ReassignmentRequestDecoder extends InstrumentCarryingDecoder {

    public ReassignmentRequestDecoder(WireFormat format) {
        super(format, ReassignmentRequest.TYPE.bit(), ReassignmentRequest.ASSIGNMENT_OFFSET);
    }

    /** Validates exactly {@code length} bytes as a reassignment request (assignment included), then wraps them. */
    public ReassignmentRequestDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    public long newHolder() {
        return longAt(ReassignmentRequest.NEW_HOLDER_OFFSET);
    }
}
