package org.ppay.core.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** Writes a {@link ReassignmentRequest}; the assignment is copied in whole. Write it before signing. */
public final class ReassignmentRequestEncoder extends MessageEncoder {

    private int assignmentLength = -1;

    public ReassignmentRequestEncoder(WireFormat format) {
        super(format);
    }

    public ReassignmentRequestEncoder wrap(MutableDirectBuffer buffer, int offset) {
        wrapHeader(buffer, offset, ReassignmentRequest.TYPE);
        assignmentLength = -1;
        return this;
    }

    public ReassignmentRequestEncoder newHolder(long newHolder) {
        putLongAt(ReassignmentRequest.NEW_HOLDER_OFFSET, newHolder);
        return this;
    }

    /** Copies in an encoded ASSIGNMENT, BROKER_ASSIGNMENT or LAYERED_COIN, after checking it is exactly one. */
    public ReassignmentRequestEncoder assignment(DirectBuffer source, int sourceOffset, int sourceLength) {
        assignmentLength = copyEmbedded(ReassignmentRequest.ASSIGNMENT_OFFSET, source, sourceOffset, sourceLength,
            Assignment.HELD_TYPES);
        return this;
    }

    public ReassignmentRequestEncoder assignment(EncodedMessage assignment) {
        return assignment(assignment.buffer(), assignment.offset(), assignment.encodedLength());
    }

    /** @throws IllegalStateException until the assignment is written */
    @Override
    public int encodedLength() {
        return ReassignmentRequest.encodedLength(format(), requireSet(assignmentLength, "the assignment"));
    }
}
