package org.ppay.bench.protocol;

import java.util.function.IntFunction;

/**
 * Signed inputs prepared once per trial and replayed for its whole length: when the measured method has used them
 * all, {@code renewRole} replaces the role that consumed them (a broker's ledger, a holder's wallet) with a fresh one
 * built from the same keys, so every input is again new to the role that takes it and the measured path stays the
 * honest first one (a first cash, a first downtime reassignment, a first receipt), never a replay.
 *
 * <p>Why: a broker or a holder only checks signatures, while an input costs two or three signatures to make; RSA
 * signs 30 times slower than it verifies. Inputs consumed once had to be made for every iteration, in proportion to
 * its length and the suite's speed (about a minute of set-up per quick RSA run). Replayed, the set-up is
 * {@code size} inputs per trial whatever the iteration time, and the renewal is amortised: it runs once every
 * {@code size} operations, inside the measurement, and costs a few microseconds (three accounts opened, or an empty
 * wallet) against at least {@code size} signature checks.
 */
final class ReplayedPool {

    private final byte[][] inputs;
    private final Runnable renewRole;
    private int next;
    private long renewals;

    /**
     * Makes {@code size} inputs with {@code maker} (given their index), outside any measurement.
     *
     * @param renewRole replaces the consuming role with a fresh one from the same keys
     */
    ReplayedPool(int size, IntFunction<byte[]> maker, Runnable renewRole) {
        if (size < 1) {
            throw new IllegalArgumentException("a replayed pool needs at least one input, got " + size);
        }
        this.inputs = new byte[size][];
        for (int i = 0; i < size; i++) {
            inputs[i] = maker.apply(i);
        }
        this.renewRole = renewRole;
    }

    /**
     * The next input. Renews the role first when every input was used since the last renewal: read the role after
     * this call, never before.
     */
    byte[] next() {
        if (next == inputs.length) {
            restart();
        }
        return inputs[next++];
    }

    /** Renews the role and starts again from the first input (e.g. after a self-check used some). */
    void restart() {
        renewRole.run();
        renewals++;
        next = 0;
    }

    /** Inputs the current role has taken since it was made. */
    int usedSinceRenewal() {
        return next;
    }

    int size() {
        return inputs.length;
    }

    /** How many times the role was renewed. */
    long renewals() {
        return renewals;
    }
}
