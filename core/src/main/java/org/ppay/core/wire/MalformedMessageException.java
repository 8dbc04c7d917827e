package org.ppay.core.wire;

import java.util.Optional;

/**
 * Bytes that are not a valid encoding of the expected message. Names the message type (when the type byte was
 * readable and known), the offset of the offending message relative to the start of the outermost message being
 * decoded, and what is wrong.
 */
public final class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** {@link #typeCode()} when not even the type byte was present. */
    public static final int NO_TYPE = -1;

    private final int typeCode;
    private final int offset;
    private final String problem;

    MalformedMessageException(int typeCode, int offset, String problem) {
        super(describe(typeCode) + " at offset " + offset + ": " + problem);
        this.typeCode = typeCode;
        this.offset = offset;
        this.problem = problem;
    }

    private static String describe(int typeCode) {
        if (typeCode == NO_TYPE) {
            return "message";
        }
        MessageType type = MessageType.fromCode(typeCode);
        return type != null ? type.name() : String.format("message of unknown type 0x%02x", typeCode);
    }

    /** The type of the offending message, empty when the type byte was missing or unknown. */
    public Optional<MessageType> messageType() {
        return Optional.ofNullable(MessageType.fromCode(typeCode));
    }

    /** The raw type byte (0..255) of the offending message, or {@link #NO_TYPE}. */
    public int typeCode() {
        return typeCode;
    }

    /** Offset of the offending (possibly embedded) message from the start of the outermost message. */
    public int offset() {
        return offset;
    }

    /** What is wrong, without the type and offset. */
    public String problem() {
        return problem;
    }
}
