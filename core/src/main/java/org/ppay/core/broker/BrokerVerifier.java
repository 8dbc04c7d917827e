package org.ppay.core.broker;

import java.util.Objects;
import org.ppay.core.crypto.BatchVerifier;
import org.ppay.core.crypto.BatchVerifiers;
import org.ppay.core.crypto.PooledBatchVerifier;
import org.ppay.core.crypto.SignatureBatch;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.crypto.SuiteBatchVerifier;

/**
 * The broker's one verification policy, for a single request and for a batch alike.
 *
 * <ul>
 *   <li>{@link #provider}: the suite's provider decides, one signature at a time; a batch is checked item by item
 *       ({@link SuiteBatchVerifier}), so its answers are the provider's.</li>
 *   <li>{@link #batched}: the suite's batch verifier decides ({@link BatchVerifiers#forSuite}: for Ed25519 the
 *       strict, cofactored {@code Ed25519BatchVerifier}, see docs/batch-verification.md; item by item through the
 *       suite otherwise), a batch on {@code threads} threads, and a single signature through the same verifier as a
 *       batch of one, which is its {@code verifyOne}. So a request gets one answer whether it comes alone or in a
 *       batch, adversarial bytes included.</li>
 * </ul>
 * Thread-safe: a single check and a one-thread batch use a verifier of the calling thread's own; a batch on several
 * threads goes through one {@link PooledBatchVerifier} (calls serialised). {@link #close()} stops its threads.
 */
public final class BrokerVerifier implements AutoCloseable {

    private final SignatureSuite suite;
    private final boolean provider;
    private final int threads;
    private final ThreadLocal<Single> singles;
    private final PooledBatchVerifier pool;

    private BrokerVerifier(SignatureSuite suite, boolean provider, int threads) {
        this.suite = Objects.requireNonNull(suite, "suite");
        if (threads < 1) {
            throw new IllegalArgumentException("a broker verifies on at least one thread, got " + threads);
        }
        this.provider = provider;
        this.threads = threads;
        this.singles = ThreadLocal.withInitial(() -> new Single(provider ? new SuiteBatchVerifier(suite)
                : BatchVerifiers.forSuite(suite)));
        this.pool = threads > 1 ? BatchVerifiers.parallel(suite, threads) : null;
    }

    /** The provider's policy, one thread: what a broker built without a verifier uses. */
    public static BrokerVerifier provider(SignatureSuite suite) {
        return new BrokerVerifier(suite, true, 1);
    }

    /** The suite's batch verifier's policy, a batch on {@code threads} threads (the caller's included). */
    public static BrokerVerifier batched(SignatureSuite suite, int threads) {
        return new BrokerVerifier(suite, false, threads);
    }

    public SignatureSuite suite() {
        return suite;
    }

    /** The threads a batch runs on, the caller's included. */
    public int threads() {
        return threads;
    }

    /** {@code provider} or {@code batched}. */
    public String policy() {
        return provider ? "provider" : "batched";
    }

    /** Whether {@code buffer[offset, offset + signedLength)} is signed under {@code key} by the signature after it. */
    boolean verifyOne(byte[] key, byte[] buffer, int offset, int signedLength) {
        if (provider) {
            return suite.verify(key, buffer, offset, signedLength, buffer, offset + signedLength);
        }
        return singles.get().verify(key, buffer, offset, signedLength, suite.signatureLength());
    }

    /** Verifies every item of {@code batch} into {@code results}. */
    void verify(SignatureBatch batch, boolean[] results) {
        if (pool != null) {
            pool.verify(batch, results);
        } else {
            singles.get().verifier.verify(batch, results);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }

    /** One thread's verifier and the batch of one it checks a single signature as. */
    private static final class Single {
        final BatchVerifier verifier;
        final SignatureBatch one = new SignatureBatch(1);
        final boolean[] answer = new boolean[1];

        Single(BatchVerifier verifier) {
            this.verifier = verifier;
        }

        boolean verify(byte[] key, byte[] buffer, int offset, int signedLength, int signatureLength) {
            one.clear();
            one.add(key, 0, key.length, buffer, offset, signedLength, buffer, offset + signedLength, signatureLength);
            verifier.verify(one, 0, 1, answer);
            one.clear();
            return answer[0];
        }
    }
}
