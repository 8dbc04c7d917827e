package org.ppay.core.wire;

/**
 * SELF_PRINTED_COIN 0x03, the paper's message (7) {sn, L}_SKU: a coin owner U prints under its limit certificate L.
 * <pre>
 *   0      1       2           10                               36 + S
 *   +------+-------+-----------+--------------------------------+-------------+
 *   | 0x03 | ver=1 | serial:8  | limitCertificate (0x02, 26+S)  | ownerSig:S  |
 *   +------+-------+-----------+--------------------------------+-------------+
 *   length = 36 + 2S
 * </pre>
 */
public final class SelfPrintedCoin {

    public static final MessageType TYPE = MessageType.SELF_PRINTED_COIN;
    public static final int SERIAL_OFFSET = MessageHeader.ENCODED_LENGTH;
    public static final int CERTIFICATE_OFFSET = SERIAL_OFFSET + 8;

    private SelfPrintedCoin() {
    }

    public static int signatureOffset(WireFormat format) {
        return CERTIFICATE_OFFSET + LimitCertificate.encodedLength(format);
    }

    public static int encodedLength(WireFormat format) {
        return signatureOffset(format) + format.signatureLength();
    }
}
