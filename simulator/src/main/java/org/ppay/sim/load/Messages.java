package org.ppay.sim.load;

import java.util.function.ToIntFunction;
import org.ppay.core.wire.WireFormat;
import org.ppay.core.wire.WireSizes;

/**
 * Sizes of the messages the simulation counts, read off the core's wire format ({@link WireSizes}): every size is a
 * fixed number of bytes plus a number of signatures, so the same counts can be priced for any signature length.
 *
 * <p>Coins are self-printed coins under a limit certificate (7): 36 bytes + 2 signatures. A layered coin with
 * {@code k} layers is an assignment plus {@code k} layers of 22 bytes + 1 signature each.
 */
public final class Messages {

    /** A message's size split into fixed bytes and signatures. */
    private record Split(int bytes, int signatures) {

        /** Every size is linear in the signature length S, so its sizes at S = 1 and S = 2 give both parts. */
        static Split of(ToIntFunction<WireFormat> size) {
            final int one = size.applyAsInt(new WireFormat(1, 1));
            final int two = size.applyAsInt(new WireFormat(2, 1));
            return new Split(one - (two - one), two - one);
        }
    }

    private static final Split COIN = Split.of(WireSizes::selfPrintedCoin);
    private static final Split ASSIGNMENT = Split.of(WireSizes::assignmentOfSelfPrintedCoin);
    private static final Split LAYER = Split.of(f -> WireSizes.layeredCoin(f, true, 1)
            - WireSizes.layeredCoin(f, true, 0));
    private static final Split REASSIGNMENT_REQUEST = Split.of(f -> WireSizes.reassignmentRequest(f, true)
            - WireSizes.assignmentOfSelfPrintedCoin(f));
    private static final Split RENEWAL_REQUEST = Split.of(f -> WireSizes.renewalRequest(f, true)
            - WireSizes.assignmentOfSelfPrintedCoin(f));
    private static final Split CASH_REQUEST = Split.of(f -> WireSizes.cashRequest(f, 0));

    /** Ethernet + IPv4 + TCP headers added to every protocol message (the GUESS sizes already include theirs). */
    public static final int FRAMING_BYTES = 58;

    public static final int COIN_BYTES = COIN.bytes();
    public static final int COIN_SIGNATURES = COIN.signatures();
    /** Assignment (2)/(9)/(11) or broker assignment (5): header, holder, seq, timestamp, window, coin, signature. */
    public static final int ASSIGNMENT_BYTES = ASSIGNMENT.bytes();
    public static final int ASSIGNMENT_SIGNATURES = ASSIGNMENT.signatures();
    public static final int LAYER_BYTES = LAYER.bytes();
    /**
     * A peer's order for a limit certificate: the number of coins it should cover (4 bytes); the transport names the
     * peer. No signature: the broker bills the peer's account over its authenticated connection.
     */
    public static final int LIMIT_CERTIFICATE_REQUEST_BYTES = 4;
    /** One signature, the issuer's. */
    public static final int LIMIT_CERTIFICATE_BYTES = Split.of(WireSizes::limitCertificate).bytes();
    /** One signature, the payer's. */
    public static final int PAYWORD_COMMITMENT_BYTES = Split.of(WireSizes::paywordCommitment).bytes();
    /**
     * The broker's answer to a cash request: the payout in cents (8 bytes), or the evidence of a fraud in its place.
     * A holder must learn whether it was paid, so every cash request is answered; the validation deployment showed
     * these replies on the broker's sockets when the model still left them out.
     */
    public static final int CASH_RECEIPT_BYTES = 8;
    /** One payword (a 32-byte hash value) riding on a probe. */
    public static final int PAYWORD_BYTES = 32;

    /** GUESS query of the notes: 82 + 12-byte query string, headers included. */
    public static final int GUESS_QUERY_BYTES = 94;
    /** GUESS response: 80 + 28 per address (one pong) + 76 per result. */
    public static final int GUESS_RESPONSE_MISS_BYTES = 80 + 28;
    public static final int GUESS_RESPONSE_HIT_BYTES = 80 + 28 + 76;

    private Messages() {
    }

    /** Bytes (without signatures) of a coin instrument carrying {@code layers} layers. */
    public static int instrumentBytes(int layers) {
        return ASSIGNMENT_BYTES + layers * LAYER_BYTES;
    }

    public static int instrumentSignatures(int layers) {
        return ASSIGNMENT_SIGNATURES + layers * LAYER.signatures();
    }

    /** Reassignment request (3) around the instrument: new holder + request header + holder signature. */
    public static int reassignmentRequestBytes(int layers) {
        return REASSIGNMENT_REQUEST.bytes() + instrumentBytes(layers);
    }

    public static int reassignmentRequestSignatures(int layers) {
        return instrumentSignatures(layers) + REASSIGNMENT_REQUEST.signatures();
    }

    /** Renewal request (10) around the instrument. */
    public static int renewalRequestBytes(int layers) {
        return RENEWAL_REQUEST.bytes() + instrumentBytes(layers);
    }

    public static int renewalRequestSignatures(int layers) {
        return instrumentSignatures(layers) + RENEWAL_REQUEST.signatures();
    }

    /** Cash request: header, holder, timestamp, instrument, holder signature. */
    public static int cashRequestBytes(int layers) {
        return CASH_REQUEST.bytes() + instrumentBytes(layers);
    }

    public static int cashRequestSignatures(int layers) {
        return instrumentSignatures(layers) + CASH_REQUEST.signatures();
    }
}
