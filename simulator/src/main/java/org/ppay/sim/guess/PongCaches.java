package org.ppay.sim.guess;

import java.util.SplittableRandom;

/**
 * Every peer's GUESS pong cache: a fixed number of other peers' ids, initially distinct and uniformly random.
 * Entries are replaced as pongs introduce peers and probed peers learn their probers (docs/simulator.md, "GUESS").
 *
 * <p>Up to {@link #MEMBERSHIP_MAX_PEERS} peers a bit matrix answers "is this peer in that cache" in one load (2 MB at
 * 4,096 peers). Above, each cache has 512 four-bit counters, each counting the members whose id hashes to it (256
 * bytes per peer): a zero counter answers "no" in one load (most answers are no, and about 82% find a zero); any
 * other sends the question to a scan of the cache. A counter that reaches 15 stays there, which only errs towards a
 * scan.
 */
public final class PongCaches {

    static final int MEMBERSHIP_MAX_PEERS = 4096;
    private static final int COUNTER_BITS = 9;
    private static final int COUNTER_LONGS = (1 << COUNTER_BITS) / 16;
    private static final int SATURATED = 15;

    private final int peers;
    private final int size;
    private final int[] entries;
    private final long[] members;
    private final long[] counters;

    public PongCaches(int peers, int size, SplittableRandom random) {
        this.peers = peers;
        this.size = size;
        this.entries = new int[Math.multiplyExact(peers, size)];
        this.members = peers <= MEMBERSHIP_MAX_PEERS ? new long[(peers * peers + 63) >>> 6] : null;
        this.counters = members == null ? new long[Math.multiplyExact(peers, COUNTER_LONGS)] : null;
        final int[] mark = new int[peers];
        for (int p = 0; p < peers; p++) {
            final int stamp = p + 1;
            mark[p] = stamp;
            for (int k = 0; k < size; k++) {
                int other;
                do {
                    other = random.nextInt(peers);
                } while (mark[other] == stamp);
                mark[other] = stamp;
                entries[p * size + k] = other;
                flip(p, other);
                count(p, other, 1);
            }
        }
    }

    public int size() {
        return size;
    }

    public int entry(int peer, int slot) {
        return entries[peer * size + slot];
    }

    public boolean contains(int peer, int other) {
        if (members != null) {
            final int bit = peer * peers + other;
            return (members[bit >>> 6] & (1L << bit)) != 0;
        }
        final int counter = counterOf(other);
        if (((counters[peer * COUNTER_LONGS + (counter >>> 4)] >>> ((counter & 15) << 2)) & 15) == 0) {
            return false;
        }
        final int base = peer * size;
        for (int k = 0; k < size; k++) {
            if (entries[base + k] == other) {
                return true;
            }
        }
        return false;
    }

    private static int counterOf(int peer) {
        return (peer * 0x9E3779B9) >>> (32 - COUNTER_BITS);
    }

    /** Counts {@code other} in or out ({@code delta} +1 or -1) of the counters of {@code peer}'s cache. */
    private void count(int peer, int other, int delta) {
        if (counters != null) {
            final int counter = counterOf(other);
            final int at = peer * COUNTER_LONGS + (counter >>> 4);
            final int shift = (counter & 15) << 2;
            final long value = (counters[at] >>> shift) & 15;
            if (value != SATURATED && value + delta >= 0) {
                counters[at] += (long) delta << shift;
            }
        }
    }

    /** Puts {@code other} into {@code slot} of {@code peer}'s cache unless it is the peer itself or already there. */
    public boolean replace(int peer, int slot, int other) {
        if (other == peer || contains(peer, other)) {
            return false;
        }
        if (members != null) {
            flip(peer, entries[peer * size + slot]);
            flip(peer, other);
        }
        count(peer, entries[peer * size + slot], -1);
        count(peer, other, 1);
        entries[peer * size + slot] = other;
        return true;
    }

    /** Flips the bit of {@code other} in the row of {@code peer} of the membership matrix: it joins or leaves. */
    private void flip(int peer, int other) {
        if (members != null) {
            final int bit = peer * peers + other;
            members[bit >>> 6] ^= 1L << bit;
        }
    }



    public int peers() {
        return peers;
    }
}
