package org.ppay.sim.coins;

import java.util.Arrays;
import org.agrona.collections.IntArrayList;

/**
 * Every coin of a run and who holds what: coin state in parallel arrays indexed by coin id, each peer's coins in the
 * order it received them (coins within a class are used in that queue order), and each peer's money movements.
 */
public final class CoinLedger {

    public static final byte ACTIVE = 0;
    public static final byte CASHED = 1;
    public static final byte FORFEITED = 2;

    private final int peers;
    private final double renewalWaitSeconds;
    private final IntArrayList[] held;
    private int count;
    private int[] owner = new int[1024];
    private int[] holder = new int[1024];
    private int[] layers = new int[1024];
    private int[] sequence = new int[1024];
    private int[] epoch = new int[1024];
    private double[] printedAt = new double[1024];
    private byte[] state = new byte[1024];

    private final long[] printed;
    private final long[] cashedBy;
    private final long[] forfeitedBy;
    private final long[] received;
    private final long[] paid;

    public CoinLedger(int peers, double renewalWaitSeconds) {
        this.peers = peers;
        this.renewalWaitSeconds = renewalWaitSeconds;
        this.held = new IntArrayList[peers];
        for (int p = 0; p < peers; p++) {
            held[p] = new IntArrayList(4, -1);
        }
        this.printed = new long[peers];
        this.cashedBy = new long[peers];
        this.forfeitedBy = new long[peers];
        this.received = new long[peers];
        this.paid = new long[peers];
    }

    /** A new coin of {@code owner}, held by it, first renewal window one Renewal Wait after now. */
    public int create(int ownerPeer, double now) {
        if (count == owner.length) {
            grow();
        }
        final int coin = count++;
        owner[coin] = ownerPeer;
        holder[coin] = ownerPeer;
        printedAt[coin] = now;
        held[ownerPeer].addInt(coin);
        printed[ownerPeer]++;
        return coin;
    }

    /** Moves a coin from its holder to {@code payee}: one coin payment. */
    void transfer(int coin, int payee) {
        final int from = holder[coin];
        held[from].removeInt(coin);
        held[payee].addInt(coin);
        holder[coin] = payee;
        paid[from]++;
        received[payee]++;
    }

    void markCashed(int coin) {
        final int h = holder[coin];
        held[h].removeInt(coin);
        state[coin] = CASHED;
        cashedBy[h]++;
    }

    /** The coin's renewal window closed before its holder renewed it: the holder forfeits it (section 5.3). */
    public void forfeit(int coin) {
        final int h = holder[coin];
        held[h].removeInt(coin);
        state[coin] = FORFEITED;
        forfeitedBy[h]++;
    }

    void setLayers(int coin, int value) {
        layers[coin] = value;
    }

    void nextSequence(int coin) {
        sequence[coin]++;
    }

    void nextEpoch(int coin) {
        epoch[coin]++;
    }

    /**
     * Start of the coin's current renewal window. Windows are aligned on multiples of the renewal period, as the core's
     * {@code RenewalSchedule} aligns them: a coin first assigned during period k renews during period k + 1, and each
     * renewal moves its window one period on.
     */
    public double renewalBegin(int coin) {
        return (Math.floor(printedAt[coin] / renewalWaitSeconds) + 1 + epoch[coin]) * renewalWaitSeconds;
    }

    /** End of the coin's current renewal window: after it, an unrenewed coin is invalid. */
    public double renewalEnd(int coin) {
        return renewalBegin(coin) + renewalWaitSeconds;
    }

    public int count() {
        return count;
    }

    public int owner(int coin) {
        return owner[coin];
    }

    public int holder(int coin) {
        return holder[coin];
    }

    public int layers(int coin) {
        return layers[coin];
    }

    public int sequence(int coin) {
        return sequence[coin];
    }

    public int epoch(int coin) {
        return epoch[coin];
    }

    public boolean active(int coin) {
        return state[coin] == ACTIVE;
    }

    public byte state(int coin) {
        return state[coin];
    }

    /** The coins a peer holds, oldest first. Read only. */
    public IntArrayList held(int peer) {
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

    private void grow() {
        final int capacity = owner.length * 2;
        owner = Arrays.copyOf(owner, capacity);
        holder = Arrays.copyOf(holder, capacity);
        layers = Arrays.copyOf(layers, capacity);
        sequence = Arrays.copyOf(sequence, capacity);
        epoch = Arrays.copyOf(epoch, capacity);
        printedAt = Arrays.copyOf(printedAt, capacity);
        state = Arrays.copyOf(state, capacity);
    }
}
