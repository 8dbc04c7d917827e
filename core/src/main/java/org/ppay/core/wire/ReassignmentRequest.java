package org.ppay.core.wire;

/**
 * REASSIGNMENT_REQUEST 0x06, the paper's message (3) {X, A_UV}_SKV: holder V asks the coin's owner (or the broker)
 * to reassign the coin of assignment A_UV to X. Signed by V; it is V's proof of relinquishment. The embedded
 * instrument may also be a layered coin (0x07) held by V, its layers within the maximum: section 6.3 sends a coin
 * at Max Layers whose owner is down to the broker, which checks every layer.
 * <pre>
 *   0      1       2              10                               10 + A
 *   +------+-------+--------------+--------------------------------+--------------+
 *   | 0x06 | ver=1 | newHolder:8  | instrument (0x04|0x05|0x07, A) | holderSig:S  |
 *   +------+-------+--------------+--------------------------------+--------------+
 *   length = 10 + A + S   (A = an assignment, or an assignment + k(22 + S) for k layers)
 * </pre>
 */
public final class ReassignmentRequest {

    public static final MessageType TYPE = MessageType.REASSIGNMENT_REQUEST;
    public static final int NEW_HOLDER_OFFSET = MessageHeader.ENCODED_LENGTH;
    public static final int ASSIGNMENT_OFFSET = NEW_HOLDER_OFFSET + 8;

    private ReassignmentRequest() {
    }

    public static int encodedLength(WireFormat format, int assignmentLength) {
        return ASSIGNMENT_OFFSET + assignmentLength + format.signatureLength();
    }
}
