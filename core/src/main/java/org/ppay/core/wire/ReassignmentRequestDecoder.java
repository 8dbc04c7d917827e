package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/** Reads a {@link ReassignmentRequest} in place. */
public final class ReassignmentRequestDecoder extends MessageDecoder {

    private final AssignmentDecoder assignment;

    public ReassignmentRequestDecoder(WireFormat format) {
        super(format, ReassignmentRequest.TYPE.bit());
        this.assignment = new AssignmentDecoder(format);
    }

    /** Validates exactly {@code length} bytes as a reassignment request (assignment included), then wraps them. */
    public ReassignmentRequestDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    public long newHolder() {
        return longAt(ReassignmentRequest.NEW_HOLDER_OFFSET);
    }

    /** The assignment being relinquished (a reused flyweight over the same bytes). */
    public AssignmentDecoder assignment() {
        assignment.wrapEmbedded(buffer(), offset() + ReassignmentRequest.ASSIGNMENT_OFFSET, signatureOffset());
        return assignment;
    }
}
