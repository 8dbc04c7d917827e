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
    private int[] currentEpochProofs = new int[1024];
    private int[] earlierEpochProofs = new int[1024];

    public ProofStore(int peers) {
        this.stored = new long[peers];
        this.integral = new double[peers];
        this.lastChange = new double[peers];
    }

    /** {@code owner} records {@code proofs} proofs about {@code coin}. */
    public void record(int owner, int coin, int proofs, double now) {
        ensure(coin);
        advance(owner, now);
        stored[owner] += proofs;
        currentEpochProofs[coin] += proofs;
    }

    /** The coin was renewed: what was recorded so far belongs to the closing epoch. */
    public void epochAdvanced(int coin) {
        ensure(coin);
        earlierEpochProofs[coin] += currentEpochProofs[coin];
        currentEpochProofs[coin] = 0;
    }

    /** The window of the closing epoch ended: the owner purges its proofs. */
    public void purgeEarlier(int owner, int coin, double now) {
        ensure(coin);
        advance(owner, now);
        stored[owner] -= earlierEpochProofs[coin];
        earlierEpochProofs[coin] = 0;
    }

    /** The coin is gone for good (its last window closed): the owner purges everything about it. */
    public void purgeAll(int owner, int coin, double now) {
        purgeEarlier(owner, coin, now);
        stored[owner] -= currentEpochProofs[coin];
        currentEpochProofs[coin] = 0;
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

    private void ensure(int coin) {
        if (coin >= currentEpochProofs.length) {
            final int capacity = Math.max(coin + 1, currentEpochProofs.length * 2);
            currentEpochProofs = Arrays.copyOf(currentEpochProofs, capacity);
            earlierEpochProofs = Arrays.copyOf(earlierEpochProofs, capacity);
        }
    }
}
