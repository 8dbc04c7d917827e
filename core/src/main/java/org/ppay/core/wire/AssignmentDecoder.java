package org.ppay.core.wire;

import org.agrona.DirectBuffer;

/** Reads an ASSIGNMENT or a BROKER_ASSIGNMENT ({@link Assignment}) in place. */
public final class AssignmentDecoder extends MessageDecoder {

    private final RawCoinDecoder rawCoin;
    private final SelfPrintedCoinDecoder selfPrintedCoin;

    public AssignmentDecoder(WireFormat format) {
        super(format, Assignment.TYPES);
        this.rawCoin = new RawCoinDecoder(format);
        this.selfPrintedCoin = new SelfPrintedCoinDecoder(format);
    }

    /** Validates exactly {@code length} bytes as an assignment of either kind (coin included), then wraps them. */
    public AssignmentDecoder wrap(DirectBuffer buffer, int offset, int length) {
        wrapChecked(buffer, offset, length);
        return this;
    }

    /** True for a BROKER_ASSIGNMENT (verify with the broker's key), false for an owner's ASSIGNMENT. */
    public boolean isBrokerAssignment() {
        return type() == MessageType.BROKER_ASSIGNMENT;
    }

    public long holder() {
        return longAt(Assignment.HOLDER_OFFSET);
    }

    public long seq() {
        return unsignedIntAt(Assignment.SEQ_OFFSET);
    }

    public long timestampSeconds() {
        return unsignedIntAt(Assignment.TIMESTAMP_OFFSET);
    }

    public long renewalBeginSeconds() {
        return unsignedIntAt(Assignment.RENEWAL_BEGIN_OFFSET);
    }

    public long renewalEndSeconds() {
        return unsignedIntAt(Assignment.RENEWAL_END_OFFSET);
    }

    /** RAW_COIN or SELF_PRINTED_COIN. */
    public MessageType coinType() {
        return typeAt(Assignment.COIN_OFFSET);
    }

    /** Offset of the embedded coin in {@link #buffer()}. */
    public int coinOffset() {
        return offset() + Assignment.COIN_OFFSET;
    }

    public int coinLength() {
        return signatureOffset() - coinOffset();
    }

    /** The owner of the coin, whichever its kind. */
    public long coinOwner() {
        return coinType() == MessageType.RAW_COIN
            ? longAt(Assignment.COIN_OFFSET + RawCoin.OWNER_OFFSET)
            : longAt(Assignment.COIN_OFFSET + SelfPrintedCoin.CERTIFICATE_OFFSET + LimitCertificate.OWNER_OFFSET);
    }

    /** The serial number of the coin, whichever its kind. */
    public long coinSerial() {
        return coinType() == MessageType.RAW_COIN
            ? longAt(Assignment.COIN_OFFSET + RawCoin.SERIAL_OFFSET)
            : longAt(Assignment.COIN_OFFSET + SelfPrintedCoin.SERIAL_OFFSET);
    }

    /** The embedded raw coin (a reused flyweight); throws {@link IllegalStateException} for a self-printed coin. */
    public RawCoinDecoder rawCoin() {
        requireCoinType(MessageType.RAW_COIN);
        rawCoin.wrapEmbedded(buffer(), coinOffset(), signatureOffset());
        return rawCoin;
    }

    /** The embedded self-printed coin (a reused flyweight); throws {@link IllegalStateException} for a raw coin. */
    public SelfPrintedCoinDecoder selfPrintedCoin() {
        requireCoinType(MessageType.SELF_PRINTED_COIN);
        selfPrintedCoin.wrapEmbedded(buffer(), coinOffset(), signatureOffset());
        return selfPrintedCoin;
    }

    /** The embedded coin, whichever its kind, to verify or copy it. */
    public MessageDecoder coin() {
        return coinType() == MessageType.RAW_COIN ? rawCoin() : selfPrintedCoin();
    }

    private void requireCoinType(MessageType expected) {
        MessageType actual = coinType();
        if (actual != expected) {
            throw new IllegalStateException("the assignment holds a " + actual + ", not a " + expected);
        }
    }
}
