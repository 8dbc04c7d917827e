package org.ppay.sim.guess;

import java.util.SplittableRandom;

/**
 * Every peer's GUESS pong cache: a fixed number of other peers' ids, initially distinct and uniformly random.
 * Entries are replaced as pongs introduce peers and probed peers learn their probers (docs/simulator.md, "GUESS").
 *
 * <p>Up to {@link #MEMBERSHIP_MAX_PEERS} peers a bit matrix answers "is this peer in that cache" in one load (2 MB at
 * 4,096 peers). Above, each cache has a 512-bit signature, one bit per member by a hash of its id: a clear bit answers
 * "no" in one load (most answers are no); a set bit sends the question to a scan of the cache, which also rebuilds the
 * signature (a replaced member leaves its bit set until then, so the signature only errs towards a scan).
 */
public final class PongCaches {

    static final int MEMBERSHIP_MAX_PEERS = 4096;
    private static final int SIGNATURE_LONGS = 8;

    private final int peers;
    private final int size;
    private final int[] entries;
    private final long[] members;
    private final long[] signatures;

    public PongCaches(int peers, int size, SplittableRandom random) {
        this.peers = peers;
        this.size = size;
        this.entries = new int[Math.multiplyExact(peers, size)];
        this.members = peers <= MEMBERSHIP_MAX_PEERS ? new long[(peers * peers + 63) >>> 6] : null;
        this.signatures = members == null ? new long[Math.multiplyExact(peers, SIGNATURE_LONGS)] : null;
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
                join(p, other);
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
        final int bit = signatureBit(other);
        final int at = peer * SIGNATURE_LONGS;
        if ((signatures[at + (bit >>> 6)] & (1L << bit)) == 0) {
            return false;
        }
        for (int w = 0; w < SIGNATURE_LONGS; w++) {
            signatures[at + w] = 0;
        }
        boolean found = false;
        final int base = peer * size;
        for (int k = 0; k < size; k++) {
            final int member = entries[base + k];
            found |= member == other;
            final int b = signatureBit(member);
            signatures[at + (b >>> 6)] |= 1L << b;
        }
        return found;
    }

    private static int signatureBit(int peer) {
        return (peer * 0x9E3779B9) >>> (32 - 9);
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
        join(peer, other);
        entries[peer * size + slot] = other;
        return true;
    }

    /** Records that {@code other} joins ({@code members}: or leaves) the cache of {@code peer}. */
    private void flip(int peer, int other) {
        if (members != null) {
            final int bit = peer * peers + other;
            members[bit >>> 6] ^= 1L << bit;
        }
    }

    private void join(int peer, int other) {
        if (signatures != null) {
            final int b = signatureBit(other);
            signatures[peer * SIGNATURE_LONGS + (b >>> 6)] |= 1L << b;
        }
    }

    public int peers() {
        return peers;
    }
}
