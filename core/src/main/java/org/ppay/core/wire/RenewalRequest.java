package org.ppay.core.wire;

/**
 * RENEWAL_REQUEST 0x08, the paper's message (10) {A_UV}_SKV: holder V asks the owner (or the broker) to renew the
 * coin of assignment A_UV before its renewal window closes. The embedded instrument may also be a layered coin
 * (0x07) held by V, its layers within the maximum (renewal at the broker of a coin at Max Layers, section 6.3).
 * <pre>
 *   0      1       2                                2 + A
 *   +------+-------+--------------------------------+--------------+
 *   | 0x08 | ver=1 | instrument (0x04|0x05|0x07, A) | holderSig:S  |
 *   +------+-------+--------------------------------+--------------+
 *   length = 2 + A + S   (A = an assignment, or an assignment + k(22 + S) for k layers)
 * </pre>
 */
public final class RenewalRequest {

    public static final MessageType TYPE = MessageType.RENEWAL_REQUEST;
    public static final int ASSIGNMENT_OFFSET = MessageHeader.ENCODED_LENGTH;

    private RenewalRequest() {
    }

    public static int encodedLength(WireFormat format, int assignmentLength) {
        return ASSIGNMENT_OFFSET + assignmentLength + format.signatureLength();
    }
}
