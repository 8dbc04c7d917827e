package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/**
 * Reads a {@link CashRequest} in place. The instrument (RAW_COIN, SELF_PRINTED_COIN, ASSIGNMENT, BROKER_ASSIGNMENT or
 * LAYERED_COIN) is reached through a reused flyweight of its kind.
 */
public final class CashRequestDecoder extends InstrumentCarryingDecoder {

    private final RawCoinDecoder rawCoin;
    private final SelfPrintedCoinDecoder selfPrintedCoin;

    public CashRequestDecoder(WireFormat format) {
        super(format, CashRequest.TYPE.bit(), CashRequest.INSTRUMENT_OFFSET);
        this.rawCoin = new RawCoinDecoder(format);
        this.selfPrintedCoin = new SelfPrintedCoinDecoder(format);
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
}
