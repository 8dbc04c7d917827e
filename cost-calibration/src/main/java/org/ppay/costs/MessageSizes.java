package org.ppay.costs;

import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.wire.WireFormat;
import org.ppay.core.wire.WireSizes;

/**
 * Bytes each action sends, from the wire format's own sizes ({@link WireSizes}): they depend only on the suite's
 * signature length S.
 *
 * <p>Coins are self-printed coins (7), as in the paper's simulation where peers start with a limit certificate and
 * print coins as they need them: coin = 36 + 2S, assignment = 26 + coin + S = 62 + 3S (254 bytes for Ed25519).
 */
public final class MessageSizes {

    /** A payword as the payer sends it: the 32-byte word and its 4-byte index in the chain. */
    public static final int PAYWORD_BYTES = 32 + 4;

    /** Layered coins in the cost table carry one layer; the format's maximum only bounds decoding. */
    private static final int ONE_LAYER = 1;

    private MessageSizes() {
    }

    /** The signature length of a suite from its name's algorithm part, e.g. 64 for {@code ed25519-bc}. */
    public static int signatureLength(String suite) {
        return SignatureAlgorithm.ofSuiteName(suite).signatureLength();
    }

    /**
     * The bytes an action puts on the network each time it runs: the message it creates and sends. Checks send
     * nothing, except {@code PAYWORD_CHECK} and {@code LOTTERY_CHECK}, which carry the size of the payword or ticket
     * they check (the vocabulary has no separate action for sending them). {@code GUESS_PROBE} is priced separately
     * from its benchmark's parameters. The transport actions carry no bytes of their own: the simulator counts each
     * message's size where it counts the message.
     */
    public static int bytes(CostAction action, int s) {
        WireFormat format = new WireFormat(s, ONE_LAYER);
        int assignment = WireSizes.assignmentOfSelfPrintedCoin(format);
        return switch (action) {
            case BROKER_PRINT_RAW_COIN -> WireSizes.rawCoin(format);
            case BROKER_ISSUE_LIMIT_CERTIFICATE -> WireSizes.limitCertificate(format);
            case BROKER_CASH_COIN, BROKER_CASH_LAYER, OWNER_PRINT_COIN, OWNER_PEEL_LAYER, HOLDER_CHECK_ASSIGNMENT,
                    SOFT_CREDIT_STEP, PAYWORD_REDEEM_HASH, PAYWORD_REDEEM, GUESS_PROBE, MESSAGE_SEND, MESSAGE_RECEIVE -> 0;
            case BROKER_REASSIGN, BROKER_RENEW, OWNER_ASSIGN, OWNER_PROCESS_REASSIGNMENT, OWNER_RENEW -> assignment;
            case HOLDER_REQUEST_REASSIGNMENT -> WireSizes.reassignmentRequest(format, true);
            case HOLDER_ADD_LAYER -> WireSizes.layeredCoin(format, true, ONE_LAYER);
            case HOLDER_REQUEST_RENEWAL -> WireSizes.renewalRequest(format, true);
            case HOLDER_REQUEST_CASH -> WireSizes.cashRequest(format, assignment);
            case PAYWORD_COMMIT -> WireSizes.paywordCommitment(format);
            case PAYWORD_CHECK -> PAYWORD_BYTES;
            case LOTTERY_CHECK -> WireSizes.lotteryTicket(format);
        };
    }
}
