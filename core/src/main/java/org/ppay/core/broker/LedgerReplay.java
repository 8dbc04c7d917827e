package org.ppay.core.broker;

import java.nio.file.Path;
import java.util.List;
import org.ppay.core.peer.ProtocolException;

/**
 * Rebuilds a broker's ledger from its journal when the broker is built: checks that the history is this broker's
 * and was priced by its tariff, then applies every recorded effect in the order it was applied live. An event that
 * does not apply (an account opened twice, a serial sold out of order, a coin paid from its value twice) refuses the
 * whole history with a {@link LedgerJournalException} naming the record's offset. A fresh journal is stamped with
 * the broker's id and tariff.
 */
final class LedgerReplay {

    private LedgerReplay() {
    }

    static void replay(Broker broker, LedgerJournal journal) {
        final List<LedgerJournal.Recorded> history = journal.takeRecovered();
        final LedgerEvent.Started stamp = new LedgerEvent.Started(broker.brokerId(), broker.tariff());
        if (history.isEmpty()) {
            journal.commit(journal.append(stamp));
            return;
        }
        final Path source = Path.of(journal.source());
        final LedgerJournal.Recorded first = history.get(0);
        if (!stamp.equals(first.event())) {
            throw new LedgerJournalException(source, first.offset(), "the log was written by " + first.event()
                    + ", not by " + stamp);
        }
        for (LedgerJournal.Recorded recorded : history.subList(1, history.size())) {
            try {
                apply(broker, recorded.event());
            } catch (IllegalStateException | IllegalArgumentException | ProtocolException e) {
                throw new LedgerJournalException(source, recorded.offset(), "the recorded "
                        + recorded.event().getClass().getSimpleName() + " does not replay: " + e.getMessage(), e);
            }
        }
    }

    private static void apply(Broker broker, LedgerEvent event) {
        if (event instanceof LedgerEvent.AccountOpened e) {
            broker.replayAccountOpened(e.peerId(), e.publicKey(), e.depositCents());
        } else if (event instanceof LedgerEvent.SerialsSold e) {
            broker.replaySerialsSold(e.owner(), e.first(), e.count());
        } else if (event instanceof LedgerEvent.LeaveRequested e) {
            broker.replayLeave(e.peerId(), e.recallDeadlineSeconds());
        } else if (event instanceof LedgerEvent.AccountClosed e) {
            broker.replayClose(e.peerId(), e.refundCents());
        } else if (event instanceof LedgerEvent.Claimed e) {
            broker.replayClaim(e.owner(), e.serial(), e.claimant(), e.request(), e.evidence());
        } else if (event instanceof LedgerEvent.DowntimeServed e) {
            broker.replayDowntime(e.owner(), e.serial(), e.holder(), e.request(), e.assignment(), e.feeCents());
        } else if (event instanceof LedgerEvent.StoredAcknowledged e) {
            broker.replayAcknowledged(e.owner(), e.requests());
        } else if (event instanceof LedgerEvent.Convicted e) {
            broker.replayConviction(e.evidence());
        } else if (event instanceof LedgerEvent.PaywordRedeemed e) {
            broker.replayPayword(e.chain(), e.payer(), e.vendor(), e.index(), e.word(), e.cents());
        } else if (event instanceof LedgerEvent.TicketRedeemed e) {
            broker.replayTicket(e.ticket(), e.payer(), e.payee(), e.cents());
        } else {
            throw new IllegalStateException("a second " + event.getClass().getSimpleName() + " record");
        }
    }
}
