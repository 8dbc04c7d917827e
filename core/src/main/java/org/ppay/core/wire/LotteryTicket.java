package org.ppay.core.wire;

/**
 * LOTTERY_TICKET 0x0B {payer, payee, serial, ts}: an electronic lottery ticket the payer gives the payee
 * (section 5.4 of the paper).
 * <pre>
 *   0      1       2          10         18          26            30
 *   +------+-------+----------+----------+-----------+-------------+-------------+
 *   | 0x0B | ver=1 | payer:8  | payee:8  | serial:8  | timestamp:4 | payerSig:S  |
 *   +------+-------+----------+----------+-----------+-------------+-------------+
 *   length = 30 + S
 * </pre>
 */
public final class LotteryTicket {

    public static final MessageType TYPE = MessageType.LOTTERY_TICKET;
    public static final int PAYER_OFFSET = MessageHeader.ENCODED_LENGTH;
    public static final int PAYEE_OFFSET = PAYER_OFFSET + 8;
    public static final int SERIAL_OFFSET = PAYEE_OFFSET + 8;
    public static final int TIMESTAMP_OFFSET = SERIAL_OFFSET + 8;
    public static final int SIGNATURE_OFFSET = TIMESTAMP_OFFSET + 4;

    private LotteryTicket() {
    }

    public static int encodedLength(WireFormat format) {
        return SIGNATURE_OFFSET + format.signatureLength();
    }
}
