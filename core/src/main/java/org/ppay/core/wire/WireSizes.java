package org.ppay.core.wire;

/**
 * Exact encoded sizes in bytes of every message for a wire format, for bandwidth costs. Messages that embed others
 * are given for each embedded variant; S is {@code format.signatureLength()}.
 */
public final class WireSizes {

    private WireSizes() {
    }

    /** 18 + S. */
    public static int rawCoin(WireFormat format) {
        return RawCoin.encodedLength(format);
    }

    /** 26 + S. */
    public static int limitCertificate(WireFormat format) {
        return LimitCertificate.encodedLength(format);
    }

    /** 36 + 2S. */
    public static int selfPrintedCoin(WireFormat format) {
        return SelfPrintedCoin.encodedLength(format);
    }

    /** An ASSIGNMENT or BROKER_ASSIGNMENT of a raw coin: 44 + 2S. */
    public static int assignmentOfRawCoin(WireFormat format) {
        return Assignment.ofRawCoinLength(format);
    }

    /** An ASSIGNMENT or BROKER_ASSIGNMENT of a self-printed coin: 62 + 3S. */
    public static int assignmentOfSelfPrintedCoin(WireFormat format) {
        return Assignment.ofSelfPrintedCoinLength(format);
    }

    /** The assignment of a raw or a self-printed coin. */
    public static int assignment(WireFormat format, boolean selfPrintedCoin) {
        return selfPrintedCoin ? assignmentOfSelfPrintedCoin(format) : assignmentOfRawCoin(format);
    }

    /** 10 + A + S. */
    public static int reassignmentRequest(WireFormat format, boolean selfPrintedCoin) {
        return reassignmentRequest(format, selfPrintedCoin, 0);
    }

    /** 10 + A + layers(22 + S) + S: a request giving up a coin of {@code layers} layers. */
    public static int reassignmentRequest(WireFormat format, boolean selfPrintedCoin, int layers) {
        return ReassignmentRequest.encodedLength(format, layeredCoin(format, selfPrintedCoin, layers));
    }

    /** A + layers(22 + S); 0 layers is the assignment itself. */
    public static int layeredCoin(WireFormat format, boolean selfPrintedCoin, int layers) {
        if (layers > format.maxLayers()) {
            throw new IllegalArgumentException(
                "layers must be at most the maximum of " + format.maxLayers() + ", got " + layers);
        }
        return LayeredCoin.encodedLength(format, assignment(format, selfPrintedCoin), layers);
    }

    /** 2 + A + S. */
    public static int renewalRequest(WireFormat format, boolean selfPrintedCoin) {
        return renewalRequest(format, selfPrintedCoin, 0);
    }

    /** 2 + A + layers(22 + S) + S: a renewal request for a coin of {@code layers} layers. */
    public static int renewalRequest(WireFormat format, boolean selfPrintedCoin, int layers) {
        return RenewalRequest.encodedLength(format, layeredCoin(format, selfPrintedCoin, layers));
    }

    /** 14 + I + S, for an instrument of {@code instrumentLength} bytes (any of the sizes above). */
    public static int cashRequest(WireFormat format, int instrumentLength) {
        return CashRequest.encodedLength(format, instrumentLength);
    }

    /** 58 + S. */
    public static int paywordCommitment(WireFormat format) {
        return PaywordCommitment.encodedLength(format);
    }

    /** 30 + S. */
    public static int lotteryTicket(WireFormat format) {
        return LotteryTicket.encodedLength(format);
    }
}
