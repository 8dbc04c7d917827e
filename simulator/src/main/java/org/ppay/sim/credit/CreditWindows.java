package org.ppay.sim.credit;

import org.ppay.sim.WindowType;

/**
 * Picopayment balances between peers (section 5.4), for soft credit windows or Payword hash chains.
 *
 * <p>Soft credit: {@code c(i, j)}, the picopayments peer j owes peer i, with {@code c(i, j) = -c(j, i)}; a
 * picopayment from j to i adds one; when it reaches the window size x, j pays i a coin and the balance returns to 0.
 * {@code l_i = sum_j c(i, j)} is i's potential credit loss; NetLossCap refuses service that would take it above the cap
 * unless the payer prepays a coin. Payword: per payer and vendor, the paywords spent from the current chain; when x are
 * spent the chain is settled with a coin and the next payment opens a new chain. Chains only grow, so nothing cancels
 * and (the broker honouring partial chains) nobody risks credit.
 */
public final class CreditWindows {

    /** Outcome of {@link #pay}: what the payer must do besides the picopayment itself. */
    public static final int PAID = 0;
    /** The window is full: the payer now pays the payee one coin. */
    public static final int SETTLE_WITH_COIN = 1;
    /** Payword: this payment opened a new chain, so the payer signed a commitment. */
    public static final int PAID_NEW_CHAIN = 2;

    private final WindowType type;
    private final int windowSize;
    private final long cap;
    private final PairTable balances;
    private final long[] loss;
    private long picopayments;
    private long cancelled;

    public CreditWindows(WindowType type, int peers, int windowSize, long cap) {
        this.type = type;
        this.windowSize = windowSize;
        this.cap = cap;
        this.loss = new long[peers];
        this.balances = new PairTable(peers, 2L * windowSize + 2);
    }

    /** Credit {@code debtor} owes {@code creditor}, in picopayments (soft credit); Payword: paywords in the open chain. */
    public long owed(int creditor, int debtor) {
        if (type == WindowType.PAYWORD) {
            return balances.get(debtor, creditor);
        }
        return creditor < debtor ? balances.get(creditor, debtor) : -balances.get(debtor, creditor);
    }

    /** Whether a lazy payer may take one more picopayment's service without ever owing a coin. */
    public boolean lazyMayPay(int payer, int payee) {
        return owed(payee, payer) + 1 < windowSize;
    }

    /** Whether NetLossCap lets {@code payee} extend one more picopayment of credit to {@code payer}. */
    public boolean capAllows(int payee) {
        return type == WindowType.PAYWORD || loss[payee] < cap;
    }

    /**
     * Whether {@code payer} may prepay a coin to {@code payee} under NetLossCap: its own loss stays within the cap and
     * the balance stays inside the window.
     */
    public boolean mayPrepay(int payer, int payee) {
        return loss[payer] <= cap - windowSize && owed(payee, payer) >= 0;
    }

    /** Whether one more picopayment from payer to payee fills the window, so that a coin settles it. */
    public boolean wouldSettle(int payer, int payee) {
        return owed(payee, payer) + 1 >= windowSize;
    }

    /**
     * Whether the payer may settle a full window under NetLossCap: paying the coin clears its debt and so raises its
     * own {@code l} by x - 1, which must stay within the cap (section 5.4: no exchange that takes a peer over its cap).
     */
    public boolean mayAbsorbSettlement(int payer) {
        return type == WindowType.PAYWORD || loss[payer] <= cap - (windowSize - 1);
    }

    /** Records a prepaid coin from {@code payer} to {@code payee}: x picopayments of credit in advance. */
    public void prepay(int payer, int payee) {
        add(payee, payer, -windowSize);
    }

    /** One picopayment from payer to payee; returns {@link #PAID}, {@link #PAID_NEW_CHAIN} or {@link #SETTLE_WITH_COIN}. */
    public int pay(int payer, int payee) {
        picopayments++;
        if (type == WindowType.PAYWORD) {
            final long spent = balances.add(payer, payee, 1);
            if (spent == windowSize) {
                balances.put(payer, payee, 0);
                return spent == 1 ? PAID_NEW_CHAIN | SETTLE_WITH_COIN : SETTLE_WITH_COIN;
            }
            return spent == 1 ? PAID_NEW_CHAIN : PAID;
        }
        final long sign = payee < payer ? 1 : -1;
        final long after = sign * balances.add(Math.min(payee, payer), Math.max(payee, payer), sign);
        if (after <= 0) {
            cancelled++;
        }
        loss[payee] += 1;
        loss[payer] -= 1;
        if (after >= windowSize) {
            add(payee, payer, -windowSize);
            return SETTLE_WITH_COIN;
        }
        return PAID;
    }

    private void add(int creditor, int debtor, long amount) {
        balances.add(Math.min(creditor, debtor), Math.max(creditor, debtor), creditor < debtor ? amount : -amount);
        loss[creditor] += amount;
        loss[debtor] -= amount;
    }

    /** {@code l_i}: the credit others owe peer i now (soft credit; 0 under Payword). */
    public long loss(int peer) {
        return loss[peer];
    }

    public long picopayments() {
        return picopayments;
    }

    /** Picopayments that reduced a debt in the other direction (soft credit only). */
    public long cancelled() {
        return cancelled;
    }

    /** Pairs with an open balance or chain, kept in the pair table (0 for a dense table). */
    public long openPairs() {
        return balances.size();
    }

    /** Heap bytes of the pair table now. */
    public long pairTableBytes() {
        return balances.heapBytes();
    }

    public WindowType type() {
        return type;
    }

    public int windowSize() {
        return windowSize;
    }
}
