package org.ppay.core.wire;

/**
 * ASSIGNMENT 0x04, the paper's messages (2), (9) and (11) {V, seq, ts, r_b, r_e, C}_SKU: owner U assigns coin C
 * to holder V; and BROKER_ASSIGNMENT 0x05, message (5), the same layout signed by the broker while U is down.
 * The coin is a RAW_COIN or a SELF_PRINTED_COIN embedded whole.
 * <pre>
 *   0         1       2           10      14            18                22              26
 *   +---------+-------+-----------+-------+-------------+-----------------+---------------+------+--------+
 *   | 0x04/05 | ver=1 | holder:8  | seq:4 | timestamp:4 | renewalBegin:4  | renewalEnd:4  | coin | sig:S  |
 *   +---------+-------+-----------+-------+-------------+-----------------+---------------+------+--------+
 *   length = 26 + coin + S   (raw coin: 44 + 2S, self-printed coin: 62 + 3S)
 * </pre>
 * Sequence numbers and times are unsigned 32-bit; times are seconds.
 */
public final class Assignment {

    public static final int HOLDER_OFFSET = MessageHeader.ENCODED_LENGTH;
    public static final int SEQ_OFFSET = HOLDER_OFFSET + 8;
    public static final int TIMESTAMP_OFFSET = SEQ_OFFSET + 4;
    public static final int RENEWAL_BEGIN_OFFSET = TIMESTAMP_OFFSET + 4;
    public static final int RENEWAL_END_OFFSET = RENEWAL_BEGIN_OFFSET + 4;
    public static final int COIN_OFFSET = RENEWAL_END_OFFSET + 4;

    /** The types a coin field may hold. */
    static final int COIN_TYPES = MessageType.mask(MessageType.RAW_COIN, MessageType.SELF_PRINTED_COIN);
    /** The types an embedded assignment may have. */
    static final int TYPES = MessageType.mask(MessageType.ASSIGNMENT, MessageType.BROKER_ASSIGNMENT);
    /**
     * The types a holder's instrument may have when a reassignment or renewal request embeds it: an assignment, or a
     * layered coin around one (section 6.3 sends a coin at Max Layers to the broker when its owner is down).
     */
    static final int HELD_TYPES = MessageType.mask(MessageType.ASSIGNMENT, MessageType.BROKER_ASSIGNMENT,
        MessageType.LAYERED_COIN);

    private Assignment() {
    }

    public static int encodedLength(WireFormat format, int coinLength) {
        return COIN_OFFSET + coinLength + format.signatureLength();
    }

    public static int ofRawCoinLength(WireFormat format) {
        return encodedLength(format, RawCoin.encodedLength(format));
    }

    public static int ofSelfPrintedCoinLength(WireFormat format) {
        return encodedLength(format, SelfPrintedCoin.encodedLength(format));
    }
}
