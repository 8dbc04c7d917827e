package org.ppay.core.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** Writes a {@link RenewalRequest}; the assignment is copied in whole. Write it before signing. */
public final class RenewalRequestEncoder extends MessageEncoder {

    private int assignmentLength = -1;

    public RenewalRequestEncoder(WireFormat format) {
        super(format);
    }

    public RenewalRequestEncoder wrap(MutableDirectBuffer buffer, int offset) {
        wrapHeader(buffer, offset, RenewalRequest.TYPE);
        assignmentLength = -1;
        return this;
    }

    /** Copies in an encoded ASSIGNMENT, BROKER_ASSIGNMENT or LAYERED_COIN, after checking it is exactly one. */
    public RenewalRequestEncoder assignment(DirectBuffer source, int sourceOffset, int sourceLength) {
        assignmentLength = copyEmbedded(RenewalRequest.ASSIGNMENT_OFFSET, source, sourceOffset, sourceLength,
            Assignment.HELD_TYPES);
        return this;
    }

    public RenewalRequestEncoder assignment(EncodedMessage assignment) {
        return assignment(assignment.buffer(), assignment.offset(), assignment.encodedLength());
    }

    /** @throws IllegalStateException until the assignment is written */
    @Override
    public int encodedLength() {
        return RenewalRequest.encodedLength(format(), requireSet(assignmentLength, "the assignment"));
    }
}
