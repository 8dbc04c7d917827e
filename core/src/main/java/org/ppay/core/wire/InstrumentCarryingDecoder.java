package org.ppay.core.wire;

/**
 * Base of the decoders of messages that carry a holder's instrument before their signature (reassignment, renewal
 * and cash requests): the instrument starts at a fixed field and runs up to the signature. The instrument's type,
 * bytes and flyweights are read here once for all of them.
 */
abstract class InstrumentCarryingDecoder extends MessageDecoder {

    private final int instrumentField;
    private final AssignmentDecoder assignment;
    private final LayeredCoinDecoder layeredCoin;

    InstrumentCarryingDecoder(WireFormat format, int allowedTypes, int instrumentField) {
        super(format, allowedTypes);
        this.instrumentField = instrumentField;
        this.assignment = new AssignmentDecoder(format);
        this.layeredCoin = new LayeredCoinDecoder(format);
    }

    /** The type of the embedded instrument; which types may appear depends on the message (see its descriptor). */
    public final MessageType instrumentType() {
        return typeAt(instrumentField);
    }

    /** Offset of the embedded instrument in {@link #buffer()}. */
    public final int instrumentOffset() {
        return offset() + instrumentField;
    }

    public final int instrumentLength() {
        return signatureOffset() - instrumentOffset();
    }

    /**
     * The instrument as an assignment of either kind (a reused flyweight over the same bytes); throws
     * {@link IllegalStateException} when it is another kind, see {@link #instrumentType()}.
     */
    public final AssignmentDecoder assignment() {
        final MessageType type = instrumentType();
        if (type != MessageType.ASSIGNMENT && type != MessageType.BROKER_ASSIGNMENT) {
            throw new IllegalStateException("the embedded instrument is a " + type + ", not an assignment");
        }
        assignment.wrapEmbedded(buffer(), instrumentOffset(), signatureOffset());
        return assignment;
    }

    /** The instrument as a layered coin (a reused flyweight); throws {@link IllegalStateException} otherwise. */
    public final LayeredCoinDecoder layeredCoin() {
        requireInstrument(MessageType.LAYERED_COIN);
        layeredCoin.wrapEmbedded(buffer(), instrumentOffset(), signatureOffset());
        return layeredCoin;
    }

    final void requireInstrument(MessageType expected) {
        final MessageType type = instrumentType();
        if (type != expected) {
            throw new IllegalStateException("the embedded instrument is a " + type + ", not a " + expected);
        }
    }
}
