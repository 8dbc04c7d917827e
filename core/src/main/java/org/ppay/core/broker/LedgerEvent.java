package org.ppay.core.broker;

import java.util.List;
import org.ppay.core.fraud.Evidence;

/**
 * One recorded effect on the broker's ledger, as the {@link LedgerJournal} keeps it. An event holds the decision the
 * broker took (who is paid, what was signed and issued, which evidence convicts whom), never the request to decide
 * again: replay applies it without the clock, the owners' answers or a new signature.
 *
 * <p>A journal encodes an event before {@code append} returns and keeps no reference to it, so the broker hands over
 * its own arrays uncopied (the memory-only journal ignores them: no copy on the in-memory broker's paths).
 */
sealed interface LedgerEvent {

    /** The first record of a log: whose ledger it is and under which prices its amounts were computed. */
    record Started(long brokerId, Tariff tariff) implements LedgerEvent {
    }

    record AccountOpened(long peerId, byte[] publicKey, long depositCents) implements LedgerEvent {
    }

    /** Serials {@code first .. first + count - 1} of {@code owner} sold, paid in advance. */
    record SerialsSold(long owner, long first, int count) implements LedgerEvent {
    }

    record LeaveRequested(long peerId, long recallDeadlineSeconds) implements LedgerEvent {
    }

    /** A leaving account closed; {@code refundCents} is what was paid back, checked again on replay. */
    record AccountClosed(long peerId, long refundCents) implements LedgerEvent {
    }

    /** A cash request accepted for a coin and settled: {@code evidence} is the fraud it revealed, or null. */
    record Claimed(long owner, long serial, long claimant, byte[] request, Evidence evidence)
            implements LedgerEvent {
    }

    /** A downtime reassignment or renewal served: the request stored and the assignment issued, with both fees. */
    record DowntimeServed(long owner, long serial, long holder, byte[] request, byte[] assignment, long feeCents)
            implements LedgerEvent {
    }

    /** An owner acknowledged the oldest of its stored downtime requests, these: they leave its queue. */
    record StoredAcknowledged(long owner, List<byte[]> requests) implements LedgerEvent {
    }

    /** Evidence the broker punished outside a cash (a fraud reported, a downtime request replicated). */
    record Convicted(Evidence evidence) implements LedgerEvent {
    }

    /**
     * Paywords of {@code chain} redeemed up to {@code index}, the last of them {@code word} (the next redemption of
     * the chain hashes down to it), paying {@code cents} from payer to vendor.
     */
    record PaywordRedeemed(String chain, long payer, long vendor, int index, byte[] word, long cents)
            implements LedgerEvent {
    }

    /** A lottery ticket redeemed; {@code cents} is 0 for a losing ticket. */
    record TicketRedeemed(String ticket, long payer, long payee, long cents) implements LedgerEvent {
    }
}
