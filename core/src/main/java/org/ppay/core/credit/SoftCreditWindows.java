package org.ppay.core.credit;

import org.agrona.collections.Long2LongHashMap;

/**
 * One peer's soft credit windows (section 5.4): for every peer j it deals with, the credit c_ij in picopayments that j
 * owes it (negative when it owes j). A window of size x keeps every c_ij in [-x, x]; a coin settles x picopayments.
 * The potential credit loss is l = sum over j of c_ij, and NetLossCap v bounds it: at l = v this peer extends no more
 * credit, and it pays no coin that would take the other side's view of l above v.
 *
 * <p>No signatures: the state is one long per peer, kept in a primitive map. Not thread-safe.
 */
public final class SoftCreditWindows {

    /** Use as the cap for "no cap" (the paper's default NetLossCap = infinity). */
    public static final long NO_CAP = Long.MAX_VALUE;

    private final long windowPicos;
    private final long netLossCapPicos;
    private final Long2LongHashMap creditByPeer = new Long2LongHashMap(0L);
    private long lossPicos;

    /**
     * @param windowPicos x, the window size in picopayments (a coin is worth x picopayments)
     * @param netLossCapPicos v, the largest potential credit loss this peer accepts, or {@link #NO_CAP}
     */
    public SoftCreditWindows(long windowPicos, long netLossCapPicos) {
        if (windowPicos < 1) {
            throw new IllegalArgumentException("window size x must be at least 1 picopayment: " + windowPicos);
        }
        if (netLossCapPicos < 0) {
            throw new IllegalArgumentException("NetLossCap v must not be negative: " + netLossCapPicos);
        }
        this.windowPicos = windowPicos;
        this.netLossCapPicos = netLossCapPicos;
    }

    /**
     * This peer serves {@code peer} for one picopayment on credit. Refused when the window is full (c = x: the peer
     * must pay a coin first) or when the net loss is at the cap.
     */
    public CreditDecision serve(long peer) {
        final long credit = creditByPeer.get(peer);
        if (credit >= windowPicos) {
            return CreditDecision.REFUSED_WINDOW_FULL;
        }
        if (lossPicos >= netLossCapPicos) {
            return CreditDecision.REFUSED_NET_LOSS_CAP;
        }
        put(peer, credit + 1);
        return CreditDecision.GRANTED;
    }

    /**
     * {@code peer} served this peer for one picopayment on credit. Refused (the peer would refuse) when this peer
     * already owes a full window.
     */
    public CreditDecision consume(long peer) {
        final long credit = creditByPeer.get(peer);
        if (credit <= -windowPicos) {
            return CreditDecision.REFUSED_WINDOW_FULL;
        }
        put(peer, credit - 1);
        return CreditDecision.GRANTED;
    }

    /**
     * May this peer pay {@code peer} a coin now (x picopayments of credit extended to it)? Not when it is owed credit
     * by that peer already (c > 0: the window would overflow), nor when its own loss would exceed the cap.
     */
    public CreditDecision canPayCoin(long peer) {
        final long credit = creditByPeer.get(peer);
        if (credit > 0) {
            return CreditDecision.REFUSED_OUT_OF_WINDOW;
        }
        if (lossPicos > netLossCapPicos - windowPicos) {
            return CreditDecision.REFUSED_NET_LOSS_CAP;
        }
        return CreditDecision.GRANTED;
    }

    /** Records that this peer paid {@code peer} a coin; the same rules as {@link #canPayCoin(long)}. */
    public CreditDecision payCoin(long peer) {
        final CreditDecision decision = canPayCoin(peer);
        if (decision == CreditDecision.GRANTED) {
            put(peer, creditByPeer.get(peer) + windowPicos);
        }
        return decision;
    }

    /**
     * May this peer accept a coin from {@code peer}? Not when it owes that peer credit already (c &lt; 0): the
     * coin would push the window below -x.
     */
    public CreditDecision canReceiveCoin(long peer) {
        return creditByPeer.get(peer) < 0 ? CreditDecision.REFUSED_OUT_OF_WINDOW : CreditDecision.GRANTED;
    }

    /** Records a coin received from {@code peer}: it settles x picopayments of what the peer owes. */
    public CreditDecision receiveCoin(long peer) {
        final CreditDecision decision = canReceiveCoin(peer);
        if (decision == CreditDecision.GRANTED) {
            put(peer, creditByPeer.get(peer) - windowPicos);
        }
        return decision;
    }

    /** c_ij: what {@code peer} owes this peer, in picopayments (negative: this peer owes it). */
    public long creditPicos(long peer) {
        return creditByPeer.get(peer);
    }

    /** l_i: this peer's potential credit loss, the sum of every c_ij. */
    public long lossPicos() {
        return lossPicos;
    }

    /** Is a coin due from {@code peer} (its window is full)? */
    public boolean coinDueFrom(long peer) {
        return creditByPeer.get(peer) >= windowPicos;
    }

    /** Is a coin due to {@code peer} (this peer owes a full window)? */
    public boolean coinDueTo(long peer) {
        return creditByPeer.get(peer) <= -windowPicos;
    }

    /** How many peers this peer holds a non-zero balance with. */
    public int openWindows() {
        return creditByPeer.size();
    }

    public long windowPicos() {
        return windowPicos;
    }

    public long netLossCapPicos() {
        return netLossCapPicos;
    }

    private void put(long peer, long credit) {
        lossPicos += credit - creditByPeer.get(peer);
        if (credit == 0) {
            creditByPeer.remove(peer);
        } else {
            creditByPeer.put(peer, credit);
        }
    }
}
