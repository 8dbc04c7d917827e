package org.ppay.bench.protocol;

import java.security.PrivateKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.IterationParams;
import org.ppay.bench.Inputs;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.peer.PeerKeys;

/**
 * How many fresh inputs an iteration of an owner benchmark needs ({@link ConsumedPool}). Every protocol action makes
 * and checks at least a known number of signatures, so an iteration of {@code t} ns performs at most
 * {@code t / (verifies * verify + signs * sign)} actions, with the suite's sign and verify times measured here on a
 * warmed engine. The pool is that bound times a safety margin, capped by the benchmark's {@code poolSize}.
 *
 * <p>Why: preparing an input signs one to three times, so a fixed pool sized for the fastest suite (tens of thousands
 * of inputs) makes every iteration of a slow suite spend minutes in set-up (RSA-2048 signs in milliseconds, and
 * verifies 30 times faster). Sized from the action's own lower bound on this suite, set-up stays within a few times
 * the iteration's own length on every suite.
 *
 * <p>Warm-up: pure-Java providers (Bouncy Castle) run several times faster once compiled, and a pool sized on cold
 * times runs dry. Sign and verify are timed in rounds until three rounds in a row are no faster than the best before
 * them (compiled, or native from the start: a few rounds of {@value #ROUND_NANOS} ns), for at most
 * {@value #WARMUP_NANOS} ns; the best round gives the times. The fixed half second this replaces cost every trial of
 * a native suite 0.5 s for nothing.
 */
final class PoolSizer {

    /**
     * Covers a JIT that is still warming (the early primitive cost is pessimistic anyway) and a noisy machine. 2.5 ran
     * dry once in a whole-suite quick run (ed25519-jdk's ownerRenew, 2026-11-26): the JDK's pure-Java EdDSA was still
     * compiling when the half-second warm-up cap ended the timing, and later ran more than 2.5 times faster.
     */
    private static final double MARGIN = 4;
    private static final int MINIMUM = 64;
    private static final long WARMUP_NANOS = 500_000_000L;
    private static final long ROUND_NANOS = 20_000_000L;
    private static final int ROUND_MINIMUM_CALLS = 8;
    /** A round at most this much faster than the best before it is no progress. */
    private static final double PROGRESS = 0.95;
    private static final int ROUNDS_WITHOUT_PROGRESS = 3;

    private final double signNanos;
    private final double verifyNanos;

    private PoolSizer(double signNanos, double verifyNanos) {
        this.signNanos = signNanos;
        this.verifyNanos = verifyNanos;
    }

    /** Times the suite's sign and verify with a peer's keys on a coin-sized message once they stop getting faster. */
    static PoolSizer measure(SignatureSuite suite, PeerKeys keys) {
        PrivateKey privateKey = keys.privateKey();
        byte[] publicKey = keys.publicKey();
        byte[][] messages = Inputs.randomMessages(6, 160);
        byte[] signature = suite.sign(privateKey, messages[0]);
        long start = System.nanoTime();
        double bestSign = Double.MAX_VALUE;
        double bestVerify = Double.MAX_VALUE;
        int stale = 0;
        while (stale < ROUNDS_WITHOUT_PROGRESS && System.nanoTime() - start < WARMUP_NANOS) {
            double sign = timeSigns(suite, privateKey, messages);
            double verify = timeVerifies(suite, publicKey, messages[0], signature);
            boolean progress = sign < PROGRESS * bestSign || verify < PROGRESS * bestVerify;
            stale = progress ? 0 : stale + 1;
            bestSign = Math.min(bestSign, sign);
            bestVerify = Math.min(bestVerify, verify);
        }
        return new PoolSizer(bestSign, bestVerify);
    }

    private static double timeSigns(SignatureSuite suite, PrivateKey privateKey, byte[][] messages) {
        long start = System.nanoTime();
        int calls = 0;
        long elapsed;
        do {
            suite.sign(privateKey, messages[calls & Inputs.MASK]);
            calls++;
            elapsed = System.nanoTime() - start;
        } while (calls < ROUND_MINIMUM_CALLS || elapsed < ROUND_NANOS / 2);
        return elapsed / (double) calls;
    }

    private static double timeVerifies(SignatureSuite suite, byte[] publicKey, byte[] message, byte[] signature) {
        long start = System.nanoTime();
        int calls = 0;
        long elapsed;
        do {
            if (!suite.verify(publicKey, message, signature)) {
                throw new IllegalStateException(suite.name() + " rejected its own signature");
            }
            calls++;
            elapsed = System.nanoTime() - start;
        } while (calls < ROUND_MINIMUM_CALLS || elapsed < ROUND_NANOS / 2);
        return elapsed / (double) calls;
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
