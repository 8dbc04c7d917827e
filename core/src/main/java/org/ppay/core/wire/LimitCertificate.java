package org.ppay.core.wire;

/**
 * LIMIT_CERTIFICATE 0x02, the paper's message (6) {U, lim_l, lim_u}_SKB: the broker allows owner U to print its
 * own coins with serial numbers in [serialLow, serialHigh].
 * <pre>
 *   0      1       2          10             18              26
 *   +------+-------+----------+--------------+---------------+--------------+
 *   | 0x02 | ver=1 | owner:8  | serialLow:8  | serialHigh:8  | brokerSig:S  |
 *   +------+-------+----------+--------------+---------------+--------------+
 *   length = 26 + S
 * </pre>
 */
public final class LimitCertificate {

    public static final MessageType TYPE = MessageType.LIMIT_CERTIFICATE;
    public static final int OWNER_OFFSET = MessageHeader.ENCODED_LENGTH;
    public static final int SERIAL_LOW_OFFSET = OWNER_OFFSET + 8;
    public static final int SERIAL_HIGH_OFFSET = SERIAL_LOW_OFFSET + 8;
    public static final int SIGNATURE_OFFSET = SERIAL_HIGH_OFFSET + 8;

    private LimitCertificate() {
    }

    public static int encodedLength(WireFormat format) {
        return SIGNATURE_OFFSET + format.signatureLength();
    }
}
