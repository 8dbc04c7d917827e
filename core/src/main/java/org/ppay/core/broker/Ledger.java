package org.ppay.core.broker;

/**
 * The broker's money totals, in cents. Money is conserved: deposits plus purchases equal the peers' deposits and
 * balances, plus revenue (fees, penalties, forfeited deposits), plus the value of coins still out, plus what was
 * paid out to peers that left.
 */
public record Ledger(long depositsInCents, long purchasesInCents, long depositsHeldCents, long balancesCents,
        long revenueCents, long outstandingCents, long paidOutCents) {

    /** In minus everything accounted for; 0 when money is conserved. */
    public long imbalanceCents() {
        return depositsInCents + purchasesInCents
                - (depositsHeldCents + balancesCents + revenueCents + outstandingCents + paidOutCents);
    }
}
