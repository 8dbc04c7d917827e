package org.ppay.core.wire;

/** The first byte of every message. The paper's message numbers are given where the paper has one. */
public enum MessageType {
    RAW_COIN(0x01),
    LIMIT_CERTIFICATE(0x02),
    SELF_PRINTED_COIN(0x03),
    ASSIGNMENT(0x04),
    BROKER_ASSIGNMENT(0x05),
    REASSIGNMENT_REQUEST(0x06),
    LAYERED_COIN(0x07),
    RENEWAL_REQUEST(0x08),
    CASH_REQUEST(0x09),
    PAYWORD_COMMITMENT(0x0A),
    LOTTERY_TICKET(0x0B);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The type byte, 0..255. */
    public int code() {
        return code;
    }

    /** This type as a bit in a set of types (see {@link #mask}). */
    int bit() {
        return 1 << code;
    }

    static int mask(MessageType... types) {
        int mask = 0;
        for (MessageType type : types) {
            mask |= type.bit();
        }
        return mask;
    }

    /** The type with this code (0..255), or {@code null} when no type has it. */
    public static MessageType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
