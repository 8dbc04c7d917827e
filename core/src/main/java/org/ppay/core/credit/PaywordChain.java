package org.ppay.core.credit;

import java.util.Arrays;

/**
 * The payer's side of a Payword hash chain (Rivest and Shamir; section 5.4): w_n is a secret seed, w_i = H(w_{i+1}),
 * and the root w_0 goes into the signed commitment. Payword i (1 &lt;= i &lt;= n) pays i units in all. The whole chain
 * is kept (32 bytes a word): this is the state overhead the paper counts.
 */
public final class PaywordChain {

    public static final int WORD_BYTES = Sha256.LENGTH_BYTES;

    private final byte[][] words;

    /** Builds a chain of {@code length} paywords from a 32-byte secret seed. */
    public PaywordChain(byte[] seed, int length) {
        if (seed == null || seed.length != WORD_BYTES) {
            throw new IllegalArgumentException("a Payword seed must be " + WORD_BYTES + " bytes");
        }
        if (length < 1) {
            throw new IllegalArgumentException("a Payword chain needs at least one word: " + length);
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

    /** Does {@code word} hash {@code index} times to {@code root}? The broker's check of a partial chain. */
    public static boolean reachesRoot(byte[] root, byte[] word, int index) {
        if (word == null || word.length != WORD_BYTES || root == null || root.length != WORD_BYTES || index < 0) {
            return false;
        }
        final Sha256 sha = new Sha256();
        final byte[] current = word.clone();
        for (int i = 0; i < index; i++) {
            sha.hash(current, 0, WORD_BYTES, current, 0);
        }
        return Arrays.equals(current, root);
    }
}
