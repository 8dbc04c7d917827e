package org.ppay.core.crypto;

import java.security.SecureRandom;
import org.ppay.core.crypto.ed25519.DecodedKeyCache;

/** Ready-made batch verifiers. */
public final class BatchVerifiers {

    /** Keys kept decoded per shared cache. */
    public static final int DEFAULT_KEY_CACHE_CAPACITY = 4096;

    private BatchVerifiers() {
    }

    /**
     * The fastest verifier for the suite's algorithm: for Ed25519 the algebraic {@link Ed25519BatchVerifier} (its
     * own strict, cofactored policy, see there), otherwise item by item through the suite. Not thread-safe.
     */
    public static BatchVerifier forSuite(SignatureSuite suite) {
        if (suite.algorithm() == SignatureAlgorithm.ED25519) {
            return new Ed25519BatchVerifier();
        }
        return new SuiteBatchVerifier(suite);
    }

    /** A pool of {@code threads} Ed25519 batch verifiers sharing one key cache. */
    public static ParallelBatchVerifier parallelEd25519(int threads) {
        DecodedKeyCache cache = new DecodedKeyCache(DEFAULT_KEY_CACHE_CAPACITY);
        return new ParallelBatchVerifier(threads, () -> new Ed25519BatchVerifier(cache, new SecureRandom()));
    }

    /** A pool of {@code threads} threads verifying through {@link #forSuite}. */
    public static ParallelBatchVerifier parallel(SignatureSuite suite, int threads) {
        if (suite.algorithm() == SignatureAlgorithm.ED25519) {
            return parallelEd25519(threads);
        }
        return new ParallelBatchVerifier(threads, () -> new SuiteBatchVerifier(suite));
    }
}
