package org.ppay.core.wire;

/**
 * PAYWORD_COMMITMENT 0x0A {payer, vendor, w0, n, expiry}: the payer commits to the root w0 of a hash chain of n
 * paywords for one vendor, valid until expiry (section 5.4 of the paper, after Rivest and Shamir).
 * <pre>
 *   0      1       2          10          18         50              54         58
 *   +------+-------+----------+-----------+----------+---------------+----------+-------------+
 *   | 0x0A | ver=1 | payer:8  | vendor:8  | root:32  | chainLength:4 | expiry:4 | payerSig:S  |
 *   +------+-------+----------+-----------+----------+---------------+----------+-------------+
 *   length = 58 + S
 * </pre>
 */
public final class PaywordCommitment {

    public static final MessageType TYPE = MessageType.PAYWORD_COMMITMENT;
    public static final int ROOT_LENGTH = 32;
    public static final int PAYER_OFFSET = MessageHeader.ENCODED_LENGTH;
    public static final int VENDOR_OFFSET = PAYER_OFFSET + 8;
    public static final int ROOT_OFFSET = VENDOR_OFFSET + 8;
    public static final int CHAIN_LENGTH_OFFSET = ROOT_OFFSET + ROOT_LENGTH;
    public static final int EXPIRY_OFFSET = CHAIN_LENGTH_OFFSET + 4;
    public static final int SIGNATURE_OFFSET = EXPIRY_OFFSET + 4;

    private PaywordCommitment() {
    }

    public static int encodedLength(WireFormat format) {
        return SIGNATURE_OFFSET + format.signatureLength();
    }
}
