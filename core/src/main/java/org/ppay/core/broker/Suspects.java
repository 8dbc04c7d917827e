package org.ppay.core.broker;

/**
 * Claimants one of whose signatures failed in a batch: for the next {@link #BATCHES} batches their requests are
 * checked alone, outside the batch, so a forger makes the batch verifier bisect (about 2 log2 n extra checks of
 * halves) at most once per {@link #BATCHES} batches. Checked alone, a request costs its own signatures, one verify
 * each, and gets the same answers. Bounded: {@link #SLOTS} direct-mapped slots; a newcomer replaces whoever sat in its
 * slot (who then returns to batches early). Thread-safe.
 */
final class Suspects {

    static final int SLOTS = 1_024;
    static final long BATCHES = 64;

    private final long[] claimants = new long[SLOTS];
    private final long[] untilBatch = new long[SLOTS];
    private long batches;

    /** Counts a new batch and returns its number. */
    synchronized long nextBatch() {
        return ++batches;
    }

    /** Whether {@code claimant}'s requests are checked alone in batch {@code batch}. */
    synchronized boolean contains(long claimant, long batch) {
        final int slot = slotOf(claimant);
        return claimants[slot] == claimant && batch <= untilBatch[slot];
    }

    /** Whether {@code claimant}'s requests are checked alone in the next batch. */
    synchronized boolean containsNext(long claimant) {
        return contains(claimant, batches + 1);
    }

    /** Checks {@code claimant}'s requests alone after batch {@code batch}, for {@link #BATCHES} batches. */
    synchronized void add(long claimant, long batch) {
        final int slot = slotOf(claimant);
        claimants[slot] = claimant;
        untilBatch[slot] = batch + BATCHES;
    }

    private static int slotOf(long claimant) {
        final long h = claimant * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 54) & (SLOTS - 1);
    }
}
