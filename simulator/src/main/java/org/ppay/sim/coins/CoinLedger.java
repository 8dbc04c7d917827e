package org.ppay.sim.coins;

import java.util.Arrays;

/**
 * Every coin of a run and who holds what: each coin's state in one interleaved record, each peer's coins in the order
 * it received them (coins within a class are used in that queue order), and each peer's money movements.
 *
 * <p>Coin records live in fixed-size pages, so the ledger grows a page at a time and never copies what it holds (no
 * doubling spike at a million peers). The first page exists from the start: a coin id below 16,384 never printed
 * reads as zeros, as it always has. A coin's six int fields (owner, holder, layers, sequence, epoch, first renewal
 * period) sit side by side: one cache line serves every question about a coin.
 */
public final class CoinLedger {

    public static final byte ACTIVE = 0;
    public static final byte CASHED = 1;
    public static final byte FORFEITED = 2;

    /** Heap bytes per coin: the record, its state byte, its place in a held list and the proofs kept about it. */
    public static final int BYTES_PER_COIN = 6 * 4 + 1 + 8 + 2 * 4;

    private static final int PAGE_BITS = 14;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int MASK = PAGE - 1;
    private static final int FIELDS = 6;
    private static final int OWNER = 0;
    private static final int HOLDER = 1;
    private static final int LAYERS = 2;
    private static final int SEQUENCE = 3;
    private static final int EPOCH = 4;
    private static final int FIRST_PERIOD = 5;

    private final int peers;
    private final double renewalWaitSeconds;
    private final HeldCoins[] held;
    private final int[] earliestPeriod;
    private int count;
    private int[][] records = new int[8][];
    private byte[][] states = new byte[8][];

    private final long[] printed;
    private final long[] cashedBy;
    private final long[] forfeitedBy;
    private final long[] received;
    private final long[] paid;

    public CoinLedger(int peers, double renewalWaitSeconds) {
        this.peers = peers;
        this.renewalWaitSeconds = renewalWaitSeconds;
        this.held = new HeldCoins[peers];
        for (int p = 0; p < peers; p++) {
            held[p] = new HeldCoins();
        }
        records[0] = new int[PAGE * FIELDS];
        states[0] = new byte[PAGE];
        this.earliestPeriod = new int[peers];
        Arrays.fill(earliestPeriod, Integer.MAX_VALUE);
        this.printed = new long[peers];
        this.cashedBy = new long[peers];
        this.forfeitedBy = new long[peers];
        this.received = new long[peers];
        this.paid = new long[peers];
    }

    /** A new coin of {@code owner}, held by it, first renewal window one Renewal Wait after now. */
    public int create(int ownerPeer, double now) {
        final double period = Math.floor(now / renewalWaitSeconds) + 1;
        if (!(period < Integer.MAX_VALUE / 2)) {
            throw new IllegalStateException("renewal period " + period + " out of range at " + now + " s");
        }
        if (count == Integer.MAX_VALUE) {
            throw new IllegalStateException("more than " + Integer.MAX_VALUE + " coins");
        }
        final int coin = count++;
        final int page = coin >>> PAGE_BITS;
        if (page == records.length) {
            records = Arrays.copyOf(records, 2 * records.length);
            states = Arrays.copyOf(states, 2 * states.length);
        }
        if (records[page] == null) {
            records[page] = new int[PAGE * FIELDS];
            states[page] = new byte[PAGE];
        }
        final int[] r = records[page];
        final int at = (coin & MASK) * FIELDS;
        r[at + OWNER] = ownerPeer;
        r[at + HOLDER] = ownerPeer;
        r[at + FIRST_PERIOD] = (int) period;
        hold(ownerPeer, coin, ownerPeer);
        printed[ownerPeer]++;
        return coin;
    }

    /** Moves a coin from its holder to {@code payee}: one coin payment. */
    void transfer(int coin, int payee) {
        final int[] r = records[coin >>> PAGE_BITS];
        final int at = (coin & MASK) * FIELDS;
        final int from = r[at + HOLDER];
        held[from].remove(coin);
        hold(payee, coin, r[at + OWNER]);
        r[at + HOLDER] = payee;
        paid[from]++;
        received[payee]++;
    }

    private void hold(int peer, int coin, int ownerPeer) {
        held[peer].add(coin, ownerPeer);
        earliestPeriod[peer] = Math.min(earliestPeriod[peer], period(coin));
    }

    void markCashed(int coin) {
        final int h = holder(coin);
        held[h].remove(coin);
        states[coin >>> PAGE_BITS][coin & MASK] = CASHED;
        cashedBy[h]++;
    }

    /** The coin's renewal window closed before its holder renewed it: the holder forfeits it (section 5.3). */
    public void forfeit(int coin) {
        final int h = holder(coin);
        held[h].remove(coin);
        states[coin >>> PAGE_BITS][coin & MASK] = FORFEITED;
        forfeitedBy[h]++;
    }

    void setLayers(int coin, int value) {
        records[coin >>> PAGE_BITS][(coin & MASK) * FIELDS + LAYERS] = value;
    }

    void nextSequence(int coin) {
        records[coin >>> PAGE_BITS][(coin & MASK) * FIELDS + SEQUENCE]++;
    }

    void nextEpoch(int coin) {
        records[coin >>> PAGE_BITS][(coin & MASK) * FIELDS + EPOCH]++;
    }

    /**
     * Start of the coin's current renewal window. Windows are aligned on multiples of the renewal period, as the core's
     * {@code RenewalSchedule} aligns them: a coin first assigned during period k renews during period k + 1, and each
     * renewal moves its window one period on.
     */
    public double renewalBegin(int coin) {
        return period(coin) * renewalWaitSeconds;
    }

    /** End of the coin's current renewal window: after it, an unrenewed coin is invalid. */
    public double renewalEnd(int coin) {
        return renewalBegin(coin) + renewalWaitSeconds;
    }

    /** Index of the coin's current renewal window (its start over the renewal period). */
    private int period(int coin) {
        final int[] r = records[coin >>> PAGE_BITS];
        final int at = (coin & MASK) * FIELDS;
        return r[at + FIRST_PERIOD] + r[at + EPOCH];
    }

    /**
     * Whether some coin {@code peer} holds may be due for renewal at {@code now}: false means none is. A lower bound
     * on the held coins' window starts, kept as coins arrive, spares scanning every held coin at every churn event.
     */
    public boolean mayHaveDueCoins(int peer, double now) {
        return now >= earliestPeriod[peer] * renewalWaitSeconds;
    }

    /** Recomputes the lower bound of {@link #mayHaveDueCoins} from the coins {@code peer} holds now. */
    public void refreshDue(int peer) {
        final HeldCoins h = held[peer];
        int earliest = Integer.MAX_VALUE;
        for (int i = 0, n = h.size(); i < n; i++) {
            earliest = Math.min(earliest, period(h.coin(i)));
        }
        earliestPeriod[peer] = earliest;
    }

    public int count() {
        return count;
    }

    public int owner(int coin) {
        return records[coin >>> PAGE_BITS][(coin & MASK) * FIELDS + OWNER];
    }

    public int holder(int coin) {
        return records[coin >>> PAGE_BITS][(coin & MASK) * FIELDS + HOLDER];
    }

    public int layers(int coin) {
        return records[coin >>> PAGE_BITS][(coin & MASK) * FIELDS + LAYERS];
    }

    public int sequence(int coin) {
        return records[coin >>> PAGE_BITS][(coin & MASK) * FIELDS + SEQUENCE];
    }

    public int epoch(int coin) {
        return records[coin >>> PAGE_BITS][(coin & MASK) * FIELDS + EPOCH];
    }

    public boolean active(int coin) {
        return state(coin) == ACTIVE;
    }

    public byte state(int coin) {
        return states[coin >>> PAGE_BITS][coin & MASK];
    }

    /** The coins a peer holds, oldest first. Read only. */
    public HeldCoins held(int peer) {
        return held[peer];
    }

    public int peers() {
        return peers;
    }

    public long printedBy(int peer) {
        return printed[peer];
    }

    public long cashedBy(int peer) {
        return cashedBy[peer];
    }

    public long forfeitedBy(int peer) {
        return forfeitedBy[peer];
    }

    public long coinsReceived(int peer) {
        return received[peer];
    }

    public long coinsPaid(int peer) {
        return paid[peer];
    }
}
