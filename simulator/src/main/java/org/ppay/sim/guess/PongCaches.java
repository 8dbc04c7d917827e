package org.ppay.sim.guess;

import java.util.SplittableRandom;

/**
 * Every peer's GUESS pong cache: a fixed number of other peers' ids, initially distinct and uniformly random.
 * Entries are replaced as pongs introduce peers and probed peers learn their probers (docs/simulator.md, "GUESS").
 */
public final class PongCaches {

    private final int peers;
    private final int size;
    private final int[] entries;

    public PongCaches(int peers, int size, SplittableRandom random) {
        this.peers = peers;
        this.size = size;
        this.entries = new int[peers * size];
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
        entries[peer * size + slot] = other;
        return true;
    }

    public int peers() {
        return peers;
    }
}
