package org.ppay.sim.coins;

import java.util.Arrays;

/**
 * The proofs (reassignment requests, peeled layers, renewal requests) each owner keeps in its audit trail, and their
 * time integral, for the "proofs stored, time-averaged" state metric of section 6.1.
 *
 * <p>Proofs are grouped per coin by renewal epoch: those recorded under an assignment of epoch e are purged when the
 * renewal window of epoch e closes (section 5.3), which is when the coin's next window opens.
 */
public final class ProofStore {

    private final long[] stored;
    private final double[] integral;
    private final double[] lastChange;
    private static final int PAGE_BITS = 14;
    private static final int MASK = (1 << PAGE_BITS) - 1;

    /** Per coin, proofs recorded in its current epoch then in earlier ones, two ints side by side, paged. */
    private int[][] pages = new int[8][];

    public ProofStore(int peers) {
        this.stored = new long[peers];
        this.integral = new double[peers];
        this.lastChange = new double[peers];
    }

    /** {@code owner} records {@code proofs} proofs about {@code coin}. */
    public void record(int owner, int coin, int proofs, double now) {
        advance(owner, now);
        stored[owner] += proofs;
        page(coin)[(coin & MASK) << 1] += proofs;
    }

    /** The coin was renewed: what was recorded so far belongs to the closing epoch. */
    public void epochAdvanced(int coin) {
        final int[] page = page(coin);
        final int at = (coin & MASK) << 1;
        page[at + 1] += page[at];
        page[at] = 0;
    }

    /** The window of the closing epoch ended: the owner purges its proofs. */
    public void purgeEarlier(int owner, int coin, double now) {
        final int[] page = page(coin);
        final int at = ((coin & MASK) << 1) + 1;
        advance(owner, now);
        stored[owner] -= page[at];
        page[at] = 0;
    }

    /** The coin is gone for good (its last window closed): the owner purges everything about it. */
    public void purgeAll(int owner, int coin, double now) {
        purgeEarlier(owner, coin, now);
        final int[] page = page(coin);
        final int at = (coin & MASK) << 1;
        stored[owner] -= page[at];
        page[at] = 0;
    }

    public long stored(int owner) {
        return stored[owner];
    }

    /** Each owner's proofs stored, averaged over [0, end]. */
    public double[] timeAverages(double end) {
        final double[] averages = new double[stored.length];
        for (int p = 0; p < stored.length; p++) {
            advance(p, end);
            averages[p] = end > 0 ? integral[p] / end : 0;
        }
        return averages;
    }

    private void advance(int owner, double now) {
        integral[owner] += stored[owner] * (now - lastChange[owner]);
        lastChange[owner] = now;
    }

    /** The page of {@code coin}, made when first needed: the store grows a page at a time and never copies. */
    private int[] page(int coin) {
        final int index = coin >>> PAGE_BITS;
        if (index >= pages.length) {
            pages = Arrays.copyOf(pages, Math.max(index + 1, 2 * pages.length));
        }
        int[] page = pages[index];
        if (page == null) {
            page = new int[2 << PAGE_BITS];
            pages[index] = page;
        }
        return page;
    }
}
