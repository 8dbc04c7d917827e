package org.ppay.sim.guess;

import java.util.SplittableRandom;

/**
 * Every peer's GUESS pong cache: a fixed number of other peers' ids, initially distinct and uniformly random.
 * Entries are replaced as pongs introduce peers and probed peers learn their probers (docs/simulator.md, "GUESS").
 *
 * <p>Up to {@link #MEMBERSHIP_MAX_PEERS} peers a bit matrix answers "is this peer in that cache" in one load (2 MB at
 * 4,096 peers); above, a scan of the cache answers it.
 */
public final class PongCaches {

    static final int MEMBERSHIP_MAX_PEERS = 4096;

    private final int peers;
    private final int size;
    private final int[] entries;
    private final long[] members;

    public PongCaches(int peers, int size, SplittableRandom random) {
        this.peers = peers;
        this.size = size;
        this.entries = new int[Math.multiplyExact(peers, size)];
        this.members = peers <= MEMBERSHIP_MAX_PEERS ? new long[(peers * peers + 63) >>> 6] : null;
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
        final int base = peer * size;
        for (int k = 0; k < size; k++) {
            if (entries[base + k] == other) {
                return true;
            }
        }
        return false;
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
        entries[peer * size + slot] = other;
        return true;
    }

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
