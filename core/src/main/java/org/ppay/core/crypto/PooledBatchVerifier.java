package org.ppay.core.crypto;

/** A batch verifier that owns threads: thread-safe, and {@link #close()} stops its threads. */
public interface PooledBatchVerifier extends BatchVerifier, AutoCloseable {

    /** How many threads work on one batch, the caller's included where it takes part. */
    int threads();

    @Override
    void close();
}
