package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/** Reads a {@link CashRequest} in place; the instrument is reached through a reused flyweight of its kind. */
public final class CashRequestDecoder extends MessageDecoder {

    private final RawCoinDecoder rawCoin;
    private final SelfPrintedCoinDecoder selfPrintedCoin;
    private final AssignmentDecoder assignment;
    private final LayeredCoinDecoder layeredCoin;

    public CashRequestDecoder(WireFormat format) {
        super(format, CashRequest.TYPE.bit());
        this.rawCoin = new RawCoinDecoder(format);
        this.selfPrintedCoin = new SelfPrintedCoinDecoder(format);
        this.assignment = new AssignmentDecoder(format);
        this.layeredCoin = new LayeredCoinDecoder(format);
    }

    /** Validates exactly {@code length} bytes as a cash request (instrument included), then wraps them. */
    public CashRequestDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    public long holder() {
        return longAt(CashRequest.HOLDER_OFFSET);
    }

    public long timestampSeconds() {
        return unsignedIntAt(CashRequest.TIMESTAMP_OFFSET);
    }

    /** RAW_COIN, SELF_PRINTED_COIN, ASSIGNMENT, BROKER_ASSIGNMENT or LAYERED_COIN. */
    public MessageType instrumentType() {
        return typeAt(CashRequest.INSTRUMENT_OFFSET);
    }

    /** Offset of the instrument in {@link #buffer()}. */
    public int instrumentOffset() {
        return offset() + CashRequest.INSTRUMENT_OFFSET;
    }

    public int instrumentLength() {
        return signatureOffset() - instrumentOffset();
    }

    public RawCoinDecoder rawCoin() {
        requireInstrument(MessageType.RAW_COIN);
        rawCoin.wrapEmbedded(buffer(), instrumentOffset(), signatureOffset());
        return rawCoin;
    }

    public SelfPrintedCoinDecoder selfPrintedCoin() {
        requireInstrument(MessageType.SELF_PRINTED_COIN);
        selfPrintedCoin.wrapEmbedded(buffer(), instrumentOffset(), signatureOffset());
        return selfPrintedCoin;
    }

    /** The instrument as an assignment of either kind. */
    public AssignmentDecoder assignment() {
        if (instrumentType() != MessageType.ASSIGNMENT && instrumentType() != MessageType.BROKER_ASSIGNMENT) {
            throw new IllegalStateException("the instrument is a " + instrumentType() + ", not an assignment");
        }
        assignment.wrapEmbedded(buffer(), instrumentOffset(), signatureOffset());
        return assignment;
    }

    public LayeredCoinDecoder layeredCoin() {
        requireInstrument(MessageType.LAYERED_COIN);
        layeredCoin.wrapEmbedded(buffer(), instrumentOffset(), signatureOffset());
        return layeredCoin;
    }

    private void requireInstrument(MessageType expected) {
        if (instrumentType() != expected) {
            throw new IllegalStateException("the instrument is a " + instrumentType() + ", not a " + expected);
        }
    }
}
