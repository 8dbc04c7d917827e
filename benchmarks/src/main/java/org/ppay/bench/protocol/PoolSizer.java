package org.ppay.bench.protocol;

import java.security.KeyPair;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.IterationParams;
import org.ppay.bench.Inputs;
import org.ppay.core.crypto.SignatureSuite;

/**
 * How many fresh inputs an iteration of a state-consuming benchmark needs. Every protocol action makes and checks at
 * least a known number of signatures, so an iteration of {@code t} ns performs at most
 * {@code t / (verifies * verify + signs * sign)} actions, with the suite's sign and verify times measured here on a
 * warmed engine. The pool is that bound times a safety margin, capped by the benchmark's {@code poolSize}.
 *
 * <p>Why: preparing an input signs one to three times, so a fixed pool sized for the fastest suite (tens of thousands
 * of inputs) makes every iteration of a slow suite spend minutes in set-up (RSA-2048 signs in milliseconds, and
 * verifies 30 times faster). Sized from the action's own lower bound on this suite, set-up stays within a few times
 * the iteration's own length on every suite.
 */
final class PoolSizer {

    /** Covers a JIT that is still warming (the early primitive cost is pessimistic anyway) and a noisy machine. */
    private static final double MARGIN = 2.5;
    private static final int MINIMUM = 64;
    /** Pure-Java providers (Bouncy Castle) run several times faster once compiled: warm for this long first. */
    private static final long WARMUP_NANOS = 500_000_000L;
    private static final int WARMUP_CALLS = 200;
    private static final int TIMED_CALLS = 200;

    private final double signNanos;
    private final double verifyNanos;

    private PoolSizer(double signNanos, double verifyNanos) {
        this.signNanos = signNanos;
        this.verifyNanos = verifyNanos;
    }

    /** Times the suite's sign and verify on a coin-sized message after half a second of warm-up. */
    static PoolSizer measure(SignatureSuite suite) {
        KeyPair keys = suite.generateKeyPair(Inputs.random(5));
        byte[] publicKey = suite.publicKeyBytes(keys.getPublic());
        byte[][] messages = Inputs.randomMessages(6, 160);
        byte[] signature = suite.sign(keys.getPrivate(), messages[0]);
        long warmupStart = System.nanoTime();
        for (int i = 0; i < WARMUP_CALLS || System.nanoTime() - warmupStart < WARMUP_NANOS; i++) {
            suite.sign(keys.getPrivate(), messages[i & Inputs.MASK]);
            suite.verify(publicKey, messages[0], signature);
        }
        long start = System.nanoTime();
        for (int i = 0; i < TIMED_CALLS; i++) {
            suite.sign(keys.getPrivate(), messages[i & Inputs.MASK]);
        }
        double signNanos = (System.nanoTime() - start) / (double) TIMED_CALLS;
        start = System.nanoTime();
        for (int i = 0; i < TIMED_CALLS; i++) {
            if (!suite.verify(publicKey, messages[0], signature)) {
                throw new IllegalStateException(suite.name() + " rejected its own signature");
            }
        }
        double verifyNanos = (System.nanoTime() - start) / (double) TIMED_CALLS;
        return new PoolSizer(signNanos, verifyNanos);
    }

    /**
     * Inputs to prepare for one iteration of an action that checks at least {@code verifies} signatures and makes
     * at least {@code signs}.
     *
     * @param cap the benchmark's {@code poolSize}: never more than this
     */
    int inputs(IterationParams iteration, int verifies, int signs, int cap) {
        double iterationNanos = iteration.getTime().convertTo(TimeUnit.NANOSECONDS);
        double bound = MARGIN * iterationNanos / (verifies * verifyNanos + signs * signNanos);
        return (int) Math.min(cap, Math.max(MINIMUM, Math.ceil(bound)));
    }
}
