package org.ppay.costs;

import org.ppay.core.crypto.SignatureAlgorithm;

/**
 * Bytes each action sends, from the ppay wire format's layouts (little-endian, a 2-byte type and version header,
 * peer ids and serials of 8 bytes, sequence numbers and times of 4, the signature last): sizes depend only on the
 * suite's signature length S.
 *
 * <p>Coins are self-printed coins (7), as in the paper's simulation where peers start with a limit certificate and
 * print coins as they need them: coin = 36 + 2S, assignment = 26 + coin + S = 62 + 3S (254 bytes for Ed25519).
 */
public final class MessageSizes {

    private static final int HEADER = 2;
    private static final int ID = 8;
    private static final int SEQ = 4;

    private MessageSizes() {
    }

    /** The signature length of a suite from its name's algorithm part, e.g. 64 for {@code ed25519-bc}. */
    public static int signatureLength(String suite) {
        SignatureAlgorithm match = null;
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            if (suite.startsWith(algorithm.label() + "-")
                    && (match == null || algorithm.label().length() > match.label().length())) {
                match = algorithm;
            }
        }
        if (match == null) {
            throw new IllegalArgumentException("suite '" + suite + "' names no known algorithm (expected a name like"
                    + " ed25519-bc, ecdsa-p256-jdk or rsa2048-accp)");
        }
        return match.signatureLength();
    }

    public static int rawCoin(int s) {
        return HEADER + ID + ID + s;
    }

    public static int limitCertificate(int s) {
        return HEADER + ID + ID + ID + s;
    }

    public static int selfPrintedCoin(int s) {
        return HEADER + ID + limitCertificate(s) + s;
    }

    /** An assignment (2)/(9)/(11) or broker assignment (5) of a self-printed coin. */
    public static int assignment(int s) {
        return HEADER + ID + 4 * SEQ + selfPrintedCoin(s) + s;
    }

    public static int reassignmentRequest(int s) {
        return HEADER + ID + assignment(s) + s;
    }

    /** A layered coin (8) with one layer over an assignment. */
    public static int oneLayerCoin(int s) {
        return HEADER + ID + ID + SEQ + assignment(s) + s;
    }

    public static int renewalRequest(int s) {
        return HEADER + assignment(s) + s;
    }

    /** A cash request carrying an assignment. */
    public static int cashRequest(int s) {
        return HEADER + ID + SEQ + assignment(s) + s;
    }

    public static int paywordCommitment(int s) {
        return HEADER + ID + ID + 32 + SEQ + SEQ + s;
    }

    /** A payword as the payer sends it: the 32-byte word and its 4-byte index in the chain. */
    public static int payword() {
        return 32 + SEQ;
    }

    public static int lotteryTicket(int s) {
        return HEADER + ID + ID + ID + SEQ + s;
    }

    /**
     * The bytes an action puts on the network each time it runs: the message it creates and sends. Checks send
     * nothing, except {@code PAYWORD_CHECK} and {@code LOTTERY_CHECK}, which carry the size of the payword or ticket
     * they check (the vocabulary has no separate action for sending them). {@code GUESS_PROBE} is priced separately
     * from its benchmark's parameters.
     */
    public static int bytes(CostAction action, int s) {
        return switch (action) {
            case BROKER_PRINT_RAW_COIN -> rawCoin(s);
            case BROKER_ISSUE_LIMIT_CERTIFICATE -> limitCertificate(s);
            case BROKER_CASH_COIN, BROKER_CASH_LAYER, OWNER_PRINT_COIN, OWNER_PEEL_LAYER, HOLDER_CHECK_ASSIGNMENT,
                    SOFT_CREDIT_STEP, PAYWORD_REDEEM_HASH, PAYWORD_REDEEM, GUESS_PROBE -> 0;
            case BROKER_REASSIGN, BROKER_RENEW, OWNER_ASSIGN, OWNER_PROCESS_REASSIGNMENT, OWNER_RENEW -> assignment(s);
            case HOLDER_REQUEST_REASSIGNMENT -> reassignmentRequest(s);
            case HOLDER_ADD_LAYER -> oneLayerCoin(s);
            case HOLDER_REQUEST_RENEWAL -> renewalRequest(s);
            case HOLDER_REQUEST_CASH -> cashRequest(s);
            case PAYWORD_COMMIT -> paywordCommitment(s);
            case PAYWORD_CHECK -> payword();
            case LOTTERY_CHECK -> lotteryTicket(s);
        };
    }
}
