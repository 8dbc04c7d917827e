package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/**
 * Structural validation of encoded messages. There are no length prefixes: the size of every message follows from
 * its type, the types of the messages it embeds and the signature length, so validation walks the type bytes and
 * checks each size against the bytes available before reading anything else. Nothing is allocated from an
 * untrusted value, and nothing is read outside {@code [offset, offset + length)}.
 */
public final class WireMessages {

    private static final int ANY_TYPE = -1;

    private WireMessages() {
    }

    /**
     * Checks that {@code buffer[offset, offset + length)} is exactly one well-formed message of any type.
     *
     * @return the message's type
     * @throws MalformedMessageException naming the type, offset and problem when it is not
     */
    public static MessageType validate(WireFormat format, DirectBuffer buffer, int offset, int length) {
        measureExact(format, buffer, offset, length, ANY_TYPE);
        return MessageType.fromCode(buffer.getByte(offset) & 0xFF);
    }

    /** Checks the type byte and the version, and returns the type; the rest is not checked. */
    public static MessageType peekType(DirectBuffer buffer, int offset, int length) {
        checkRange(buffer, offset, length);
        return readHeader(buffer, offset, offset, offset + length, ANY_TYPE);
    }

    /** The number of layers (0 for anything but a layered coin) of a validated message. */
    static int layerCount(DirectBuffer buffer, int offset) {
        int layers = 0;
        int position = offset;
        while ((buffer.getByte(position) & 0xFF) == MessageType.LAYERED_COIN.code()) {
            layers++;
            position += LayeredCoin.INNER_OFFSET;
        }
        return layers;
    }

    /** Validates exactly {@code length} bytes as one message of an allowed type; returns {@code length}. */
    static int measureExact(WireFormat format, DirectBuffer buffer, int offset, int length, int allowedTypes) {
        checkRange(buffer, offset, length);
        int measured = measure(format, buffer, offset, offset, offset + length, allowedTypes);
        if (measured != length) {
            throw new MalformedMessageException(buffer.getByte(offset) & 0xFF, 0,
                (length - measured) + " trailing bytes after the " + measured + "-byte message (signature length "
                    + format.signatureLength() + ")");
        }
        return length;
    }

    private static void checkRange(DirectBuffer buffer, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buffer.capacity() - length) {
            throw new IllegalArgumentException("range [" + offset + ", " + offset + " + " + length
                + ") is outside the buffer of capacity " + buffer.capacity());
        }
    }

    /**
     * The length of the message at {@code offset}, which must end at or before {@code limit}.
     *
     * @param start the offset of the outermost message, so errors report offsets relative to it
     */
    static int measure(WireFormat format, DirectBuffer buffer, int start, int offset, int limit, int allowedTypes) {
        MessageType type = readHeader(buffer, start, offset, limit, allowedTypes);
        int s = format.signatureLength();
        switch (type) {
            case RAW_COIN:
                return require(format, type, start, offset, limit, RawCoin.encodedLength(format));
            case LIMIT_CERTIFICATE:
                return require(format, type, start, offset, limit, LimitCertificate.encodedLength(format));
            case PAYWORD_COMMITMENT:
                return require(format, type, start, offset, limit, PaywordCommitment.encodedLength(format));
            case LOTTERY_TICKET:
                return require(format, type, start, offset, limit, LotteryTicket.encodedLength(format));
            case SELF_PRINTED_COIN:
                return embedding(format, buffer, type, start, offset, limit, SelfPrintedCoin.CERTIFICATE_OFFSET,
                    LimitCertificate.TYPE.bit());
            case ASSIGNMENT:
            case BROKER_ASSIGNMENT:
                return embedding(format, buffer, type, start, offset, limit, Assignment.COIN_OFFSET,
                    Assignment.COIN_TYPES);
            case REASSIGNMENT_REQUEST:
                return embedding(format, buffer, type, start, offset, limit, ReassignmentRequest.ASSIGNMENT_OFFSET,
                    Assignment.HELD_TYPES);
            case RENEWAL_REQUEST:
                return embedding(format, buffer, type, start, offset, limit, RenewalRequest.ASSIGNMENT_OFFSET,
                    Assignment.HELD_TYPES);
            case CASH_REQUEST:
                return embedding(format, buffer, type, start, offset, limit, CashRequest.INSTRUMENT_OFFSET,
                    CashRequest.INSTRUMENT_TYPES);
            case LAYERED_COIN:
                return layered(format, buffer, start, offset, limit);
            default:
                throw new IllegalStateException("no layout for " + type + " (s=" + s + ")");
        }
    }

    private static int embedding(WireFormat format, DirectBuffer buffer, MessageType type, int start, int offset,
                                 int limit, int embeddedOffset, int embeddedTypes) {
        require(format, type, start, offset, limit, embeddedOffset);
        int embedded = measure(format, buffer, start, offset + embeddedOffset, limit, embeddedTypes);
        return require(format, type, start, offset, limit, embeddedOffset + embedded + format.signatureLength());
    }

    /** Walks the layers iteratively, so a long chain of type bytes costs no stack. */
    private static int layered(WireFormat format, DirectBuffer buffer, int start, int offset, int limit) {
        int layers = 0;
        int position = offset;
        MessageType type = MessageType.LAYERED_COIN;
        while (type == MessageType.LAYERED_COIN) {
            if (layers == format.maxLayers()) {
                throw new MalformedMessageException(type.code(), position - start,
                    "more than the maximum of " + format.maxLayers() + " layers");
            }
            layers++;
            require(format, type, start, position, limit, LayeredCoin.INNER_OFFSET);
            position += LayeredCoin.INNER_OFFSET;
            type = readHeader(buffer, start, position, limit, LayeredCoin.INNER_TYPES);
        }
        int assignment = measure(format, buffer, start, position, limit, Assignment.TYPES);
        return require(format, MessageType.LAYERED_COIN, start, offset, limit,
            position - offset + assignment + layers * format.signatureLength());
    }

    private static MessageType readHeader(DirectBuffer buffer, int start, int offset, int limit, int allowedTypes) {
        if (offset >= limit) {
            throw new MalformedMessageException(MalformedMessageException.NO_TYPE, offset - start,
                "truncated: no type byte");
        }
        int code = buffer.getByte(offset + MessageHeader.TYPE_OFFSET) & 0xFF;
        MessageType type = MessageType.fromCode(code);
        if (type == null) {
            throw new MalformedMessageException(code, offset - start, String.format("unknown message type 0x%02x", code));
        }
        if ((allowedTypes & type.bit()) == 0) {
            throw new MalformedMessageException(code, offset - start,
                type + " is not allowed here; expected one of " + describe(allowedTypes));
        }
        if (limit - offset < MessageHeader.ENCODED_LENGTH) {
            throw new MalformedMessageException(code, offset - start, "truncated: no version byte");
        }
        int version = buffer.getByte(offset + MessageHeader.VERSION_OFFSET) & 0xFF;
        if (version != MessageHeader.VERSION) {
            throw new MalformedMessageException(code, offset - start,
                "unsupported version " + version + " (this build reads version " + MessageHeader.VERSION + ")");
        }
        return type;
    }

    private static int require(WireFormat format, MessageType type, int start, int offset, int limit, int needed) {
        if (needed > limit - offset) {
            throw new MalformedMessageException(type.code(), offset - start, "truncated: needs at least " + needed
                + " bytes with signature length " + format.signatureLength() + ", only " + (limit - offset)
                + " available");
        }
        return needed;
    }

    private static String describe(int types) {
        StringBuilder names = new StringBuilder();
        for (MessageType type : MessageType.values()) {
            if ((types & type.bit()) != 0) {
                names.append(names.length() == 0 ? "" : ", ").append(type);
            }
        }
        return names.toString();
    }
}
