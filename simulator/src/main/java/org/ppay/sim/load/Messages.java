package org.ppay.sim.load;

/**
 * Sizes of the messages the simulation counts, from the wire format of org.ppay.core.wire: every size is a fixed
 * number of bytes plus a number of signatures, so the same counts can be priced for any signature length.
 *
 * <p>Coins are self-printed coins under a limit certificate (7): 36 bytes + 2 signatures. A layered coin with
 * {@code k} layers is an assignment plus {@code k} layers of 22 bytes + 1 signature each.
 */
public final class Messages {

    /** Ethernet + IPv4 + TCP headers added to every protocol message (the GUESS sizes already include theirs). */
    public static final int FRAMING_BYTES = 58;

    public static final int COIN_BYTES = 36;
    public static final int COIN_SIGNATURES = 2;
    /** Assignment (2)/(9)/(11) or broker assignment (5): header, holder, seq, timestamp, window, coin, signature. */
    public static final int ASSIGNMENT_BYTES = 26 + COIN_BYTES;
    public static final int ASSIGNMENT_SIGNATURES = COIN_SIGNATURES + 1;
    public static final int LAYER_BYTES = 22;
    public static final int LIMIT_CERTIFICATE_BYTES = 26;
    public static final int PAYWORD_COMMITMENT_BYTES = 58;
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
        return ASSIGNMENT_SIGNATURES + layers;
    }

    /** Reassignment request (3) around the instrument: new holder + request header + holder signature. */
    public static int reassignmentRequestBytes(int layers) {
        return 10 + instrumentBytes(layers);
    }

    public static int reassignmentRequestSignatures(int layers) {
        return instrumentSignatures(layers) + 1;
    }

    /** Renewal request (10) around the instrument. */
    public static int renewalRequestBytes(int layers) {
        return 2 + instrumentBytes(layers);
    }

    public static int renewalRequestSignatures(int layers) {
        return instrumentSignatures(layers) + 1;
    }

    /** Cash request: header, holder, timestamp, instrument, holder signature. */
    public static int cashRequestBytes(int layers) {
        return 14 + instrumentBytes(layers);
    }

    public static int cashRequestSignatures(int layers) {
        return instrumentSignatures(layers) + 1;
    }
}
