package org.ppay.core.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The random 128-bit coefficients z_i of a batch: SHA-512(seed || block counter) under a fresh 256-bit seed from
 * the CSPRNG per batch. Asking the platform's SecureRandom (NativePRNG) for 16 bytes per item instead cost hundreds
 * of microseconds per large batch, more than the curve arithmetic of a small one.
 *
 * <p>The seed is drawn once per batch on the calling thread ({@link #drawSeed}); the expansion is counter-based, so
 * several threads can each expand the coefficients of their own items ({@link Expander}) without sharing the
 * CSPRNG, whose {@code nextBytes} would otherwise serialise them.
 */
final class BatchCoefficients {

    private static final int BLOCK_BYTES = 64;
    private static final int ITEMS_PER_BLOCK = BLOCK_BYTES / Ed25519Items.COEFFICIENT_BYTES;

    private final SecureRandom random;
    private final Expander expander = new Expander();
    private final byte[] seed = new byte[32];
    private byte[] bytes = new byte[0];

    BatchCoefficients(SecureRandom random) {
        this.random = random;
    }

    /** Draws coefficients for n items; z_m is then the 16 bytes at {@code bytes()[16 m]}. */
    void draw(int n) {
        drawSeed(n);
        expander.expand(seed, 0, n, bytes);
    }

    /** Draws a fresh seed and makes room for n items; each item's z_m is then filled by an {@link Expander}. */
    void drawSeed(int n) {
        int blocks = (n + ITEMS_PER_BLOCK - 1) / ITEMS_PER_BLOCK;
        if (bytes.length < BLOCK_BYTES * blocks) {
            bytes = new byte[BLOCK_BYTES * Math.max(blocks, 2 * (bytes.length / BLOCK_BYTES))];
        }
        random.nextBytes(seed);
    }

    byte[] seed() {
        return seed;
    }

    byte[] bytes() {
        return bytes;
    }

    /** One thread's SHA-512 expansion of a seed into the coefficients of a range of items. Allocation-free. */
    static final class Expander {

        private final MessageDigest digest = Ed25519Items.sha512();
        private final byte[] seedAndCounter = new byte[40];
        private final byte[] block = new byte[BLOCK_BYTES];

        /**
         * Writes z_m for items m in [from, to) at {@code out[16 m]}, and nothing else: items of one block expanded
         * by different threads get the same bytes as one thread expanding them all.
         */
        void expand(byte[] seed, int from, int to, byte[] out) {
            if (from >= to) {
                return;
            }
            System.arraycopy(seed, 0, seedAndCounter, 0, 32);
            for (int blockIndex = from / ITEMS_PER_BLOCK; blockIndex * ITEMS_PER_BLOCK < to; blockIndex++) {
                for (int i = 0; i < 8; i++) {
                    seedAndCounter[32 + i] = (byte) ((long) blockIndex >>> (8 * i));
                }
                digest.update(seedAndCounter);
                Ed25519Items.digestInto(digest, block, 0);
                int first = Math.max(from, blockIndex * ITEMS_PER_BLOCK);
                int last = Math.min(to, (blockIndex + 1) * ITEMS_PER_BLOCK);
                System.arraycopy(block, Ed25519Items.COEFFICIENT_BYTES * (first - blockIndex * ITEMS_PER_BLOCK),
                        out, Ed25519Items.COEFFICIENT_BYTES * first, Ed25519Items.COEFFICIENT_BYTES * (last - first));
            }
        }
    }
}
