package org.ppay.core.crypto;

/**
 * Verifies many signatures at once. For every item, the answer is exactly the answer of the verifier's single-item
 * verification ({@link #verifyOne}); a batch is only faster, never more or less permissive.
 *
 * <p>Implementations keep scratch state, so one instance serves one thread at a time unless it says otherwise
 * (the {@link PooledBatchVerifier}s and {@link SuiteBatchVerifier} are thread-safe).
 */
public interface BatchVerifier {

    /**
     * Verifies items {@code [from, to)} of {@code batch} and writes each answer to {@code results[i]} for the same
     * index i. Returns true when every item in the range is valid. Allocates nothing once warmed up to the batch size.
     *
     * @throws IllegalArgumentException when the range lies outside the batch or {@code results} is too short
     */
    boolean verify(SignatureBatch batch, int from, int to, boolean[] results);

    /** Verifies a single item; never throws on a malformed key or signature (it is simply not valid). */
    boolean verifyOne(byte[] publicKey, byte[] message, byte[] signature);

    /** Verifies every item of {@code batch} into {@code results[0, batch.size())}. */
    default boolean verify(SignatureBatch batch, boolean[] results) {
        return verify(batch, 0, batch.size(), results);
    }

    /**
     * Verifies item i = (publicKeys[i], messages[i], signatures[i]) for every i.
     *
     * @throws IllegalArgumentException when the three arrays differ in length or hold a null
     */
    default boolean[] verify(byte[][] publicKeys, byte[][] messages, byte[][] signatures) {
        SignatureBatch batch = SignatureBatch.of(publicKeys, messages, signatures);
        boolean[] results = new boolean[batch.size()];
        verify(batch, results);
        return results;
    }

    /** Checks a range and a result array against a batch; shared by the implementations. */
    static void checkRange(SignatureBatch batch, int from, int to, boolean[] results) {
        if (from < 0 || to > batch.size() || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is outside the batch of "
                    + batch.size() + " items");
        }
        if (results.length < to) {
            throw new IllegalArgumentException("results array holds " + results.length + " answers, needs " + to);
        }
    }
}
