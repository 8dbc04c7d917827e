package org.ppay.core.wire;

/**
 * CASH_REQUEST 0x09 {holder, ts, instrument}: a holder asks the broker to cash an instrument: a raw or
 * self-printed coin, an assignment (owner's or broker's), or a layered coin.
 * <pre>
 *   0      1       2           10            14                                      14 + I
 *   +------+-------+-----------+-------------+---------------------------------------+--------------+
 *   | 0x09 | ver=1 | holder:8  | timestamp:4 | instrument (0x01|0x03|0x04|0x05|0x07) | holderSig:S  |
 *   +------+-------+-----------+-------------+---------------------------------------+--------------+
 *   length = 14 + I + S
 * </pre>
 */
public final class CashRequest {

    public static final MessageType TYPE = MessageType.CASH_REQUEST;
    public static final int HOLDER_OFFSET = MessageHeader.ENCODED_LENGTH;
    public static final int TIMESTAMP_OFFSET = HOLDER_OFFSET + 8;
    public static final int INSTRUMENT_OFFSET = TIMESTAMP_OFFSET + 4;

    /** The types an instrument may have. */
    static final int INSTRUMENT_TYPES = MessageType.mask(MessageType.RAW_COIN, MessageType.SELF_PRINTED_COIN,
        MessageType.ASSIGNMENT, MessageType.BROKER_ASSIGNMENT, MessageType.LAYERED_COIN);

    private CashRequest() {
    }

    public static int encodedLength(WireFormat format, int instrumentLength) {
        return INSTRUMENT_OFFSET + instrumentLength + format.signatureLength();
    }
}
