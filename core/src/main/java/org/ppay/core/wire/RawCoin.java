package org.ppay.core.wire;

/**
 * RAW_COIN 0x01, the paper's message (1) {U, sn}_SKB: a coin the broker prints for owner U.
 * <pre>
 *   0      1        2           10           18
 *   +------+--------+-----------+------------+---------------+
 *   | 0x01 | ver=1  | owner:8   | serial:8   | brokerSig:S   |
 *   +------+--------+-----------+------------+---------------+
 *   length = 18 + S
 * </pre>
 */
public final class RawCoin {

    public static final MessageType TYPE = MessageType.RAW_COIN;
    public static final int OWNER_OFFSET = MessageHeader.ENCODED_LENGTH;
    public static final int SERIAL_OFFSET = OWNER_OFFSET + 8;
    public static final int SIGNATURE_OFFSET = SERIAL_OFFSET + 8;

    private RawCoin() {
    }

    public static int encodedLength(WireFormat format) {
        return SIGNATURE_OFFSET + format.signatureLength();
    }
}
