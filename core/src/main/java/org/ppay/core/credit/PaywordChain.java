package org.ppay.core.credit;

import java.util.Arrays;

/**
 * The payer's side of a Payword hash chain (Rivest and Shamir; section 5.4): w_n is a secret seed, w_i = H(w_{i+1}),
 * and the root w_0 goes into the signed commitment. Payword i (1 &lt;= i &lt;= n) pays i units in all. The whole chain
 * is kept (32 bytes a word): this is the state overhead the paper counts.
 */
public final class PaywordChain {

    public static final int WORD_BYTES = Sha256.LENGTH_BYTES;

    /**
     * The most paywords a chain (and so a signed commitment) may have: 2^20 = 1,048,576, above the largest credit
     * window the simulator models (1,000,000) and far above the paper's 10-100. It bounds the broker's work for one
     * redemption, which hashes a payword back to the last word redeemed: a commitment declaring more is refused.
     */
    public static final int MAX_LENGTH = 1 << 20;

    private final byte[][] words;

    /** Builds a chain of {@code length} paywords from a 32-byte secret seed. */
    public PaywordChain(byte[] seed, int length) {
        if (seed == null || seed.length != WORD_BYTES) {
            throw new IllegalArgumentException("a Payword seed must be " + WORD_BYTES + " bytes");
        }
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("a Payword chain has 1.." + MAX_LENGTH + " words, not " + length);
        }
        final Sha256 sha = new Sha256();
        words = new byte[length + 1][];
        words[length] = seed.clone();
        for (int i = length - 1; i >= 0; i--) {
            words[i] = sha.hash(words[i + 1]);
        }
    }

    /** n, the number of paywords. */
    public int length() {
        return words.length - 1;
    }

    /** w_0, the root the commitment carries (a copy). */
    public byte[] root() {
        return words[0].clone();
    }

    /** w_i, the payword worth i units in all (a copy). */
    public byte[] payword(int index) {
        if (index < 1 || index > length()) {
            throw new IllegalArgumentException("payword index " + index + " outside 1.." + length());
        }
        return words[index].clone();
    }

    /**
     * Does {@code word} hash {@code index} times to {@code root}? The broker's check of a partial chain; with a word
     * redeemed before as {@code root} and the index difference, the check of what a later redemption adds. Hashes at
     * most {@link #MAX_LENGTH} times: a longer walk is no payword of any chain and answers false at once.
     */
    public static boolean reachesRoot(byte[] root, byte[] word, int index) {
        if (word == null || word.length != WORD_BYTES || root == null || root.length != WORD_BYTES || index < 0
                || index > MAX_LENGTH) {
            return false;
        }
        final Sha256 sha = new Sha256();
        final byte[] current = word.clone();
        for (int i = 0; i < index; i++) {
            sha.hash(current, 0, WORD_BYTES, current, 0);
        }
        return Arrays.equals(current, root);
    }

    /** SHA-256 computations in this package so far, over all threads (chain building, checks, lottery draws). */
    public static long hashesComputed() {
        return Sha256.COMPUTED.sum();
    }
}
