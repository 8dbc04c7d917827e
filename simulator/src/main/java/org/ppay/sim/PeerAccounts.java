package org.ppay.sim;

import org.ppay.sim.coins.CoinLedger;
import org.ppay.sim.credit.CreditWindows;

/**
 * Every peer's money at the end of a run, per peer index: coins printed, cashed, forfeited, received and paid, coins
 * still held (none once everybody has cashed out), and the picopayment credit others owe it ({@code l_i}). A compact
 * copy, so that results of long sweeps do not keep whole simulations alive.
 */
public record PeerAccounts(long[] printed, long[] cashed, long[] forfeited, long[] received, long[] paid,
                           long[] heldAtEnd, long[] creditOwed) {

    static PeerAccounts of(CoinLedger ledger, CreditWindows credit) {
        final int peers = ledger.peers();
        final long[] printed = new long[peers];
        final long[] cashed = new long[peers];
        final long[] forfeited = new long[peers];
        final long[] received = new long[peers];
        final long[] paid = new long[peers];
        final long[] held = new long[peers];
        final long[] owed = new long[peers];
        for (int p = 0; p < peers; p++) {
            printed[p] = ledger.printedBy(p);
            cashed[p] = ledger.cashedBy(p);
            forfeited[p] = ledger.forfeitedBy(p);
            received[p] = ledger.coinsReceived(p);
            paid[p] = ledger.coinsPaid(p);
            held[p] = ledger.held(p).size();
            owed[p] = credit.loss(p);
        }
        return new PeerAccounts(printed, cashed, forfeited, received, paid, held, owed);
    }

    public int peers() {
        return printed.length;
    }
}
