package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/** Reads a {@link RenewalRequest} in place. */
public final class RenewalRequestDecoder extends MessageDecoder {

    private final AssignmentDecoder assignment;

    public RenewalRequestDecoder(WireFormat format) {
        super(format, RenewalRequest.TYPE.bit());
        this.assignment = new AssignmentDecoder(format);
    }

    /** Validates exactly {@code length} bytes as a renewal request (assignment included), then wraps them. */
    public RenewalRequestDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    /** The assignment to renew (a reused flyweight over the same bytes). */
    public AssignmentDecoder assignment() {
        assignment.wrapEmbedded(buffer(), offset() + RenewalRequest.ASSIGNMENT_OFFSET, signatureOffset());
        return assignment;
    }
}
