package org.ppay.core.credit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Electronic lottery tickets (section 3, [11]): a payer signs {payer, payee, serial, ts} for each small payment; a
 * ticket wins with probability 1/s and then pays s units, so the expected value of every ticket is one unit while
 * only one ticket in s reaches the broker. Whether a ticket wins is decided by SHA-256 of the whole signed ticket:
 * anyone can check it, and neither side can choose it once the payee has fixed the serial (see docs/protocol.md for
 * the grinding caveat).
 */
public final class LotteryTickets {

    private LotteryTickets() {
    }

    /** Does {@code signedTicket} win a lottery of odds 1 in {@code oneInS}? */
    public static boolean wins(byte[] signedTicket, long oneInS) {
        if (oneInS < 1) {
            throw new IllegalArgumentException("odds must be 1 in s with s >= 1: " + oneInS);
        }
        final byte[] digest = new Sha256().hash(signedTicket);
        final long draw = ByteBuffer.wrap(digest).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return Long.remainderUnsigned(draw, oneInS) == 0;
    }
}
