package org.ppay.core.crypto;

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

    /**
     * Ed25519 on {@code threads} threads that share each batch's multiplication
     * ({@link ParallelEd25519BatchVerifier}), with one key cache.
     */
    public static ParallelEd25519BatchVerifier parallelEd25519(int threads) {
        return new ParallelEd25519BatchVerifier(threads);
    }

    /**
     * {@code threads} threads for the suite's algorithm: for Ed25519 {@link #parallelEd25519}, otherwise a
     * {@link ParallelBatchVerifier} over {@link SuiteBatchVerifier}s.
     */
    public static PooledBatchVerifier parallel(SignatureSuite suite, int threads) {
        if (suite.algorithm() == SignatureAlgorithm.ED25519) {
            return parallelEd25519(threads);
        }
        return new ParallelBatchVerifier(threads, () -> new SuiteBatchVerifier(suite));
    }
}
