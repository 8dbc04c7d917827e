package org.ppay.core.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The random 128-bit coefficients z_i of a batch: SHA-512(seed || block counter) under a fresh 256-bit seed from
 * the CSPRNG per batch. Asking the platform's SecureRandom (NativePRNG) for 16 bytes per item instead cost hundreds
 * of microseconds per large batch, more than the curve arithmetic of a small one.
 */
final class BatchCoefficients {

    private final SecureRandom random;
    private final MessageDigest expander = Ed25519Items.sha512();
    private final byte[] seed = new byte[32];
    private final byte[] seedAndCounter = new byte[40];
    private byte[] bytes = new byte[0];

    BatchCoefficients(SecureRandom random) {
        this.random = random;
    }

    /** Draws coefficients for n items; z_m is then the 16 bytes at {@code bytes()[16 m]}. */
    void draw(int n) {
        int blocks = (Ed25519Items.COEFFICIENT_BYTES * n + 63) / 64;
        if (bytes.length < 64 * blocks) {
            bytes = new byte[64 * Math.max(blocks, 2 * (bytes.length / 64))];
        }
        random.nextBytes(seed);
        System.arraycopy(seed, 0, seedAndCounter, 0, 32);
        for (int block = 0; block < blocks; block++) {
            for (int i = 0; i < 8; i++) {
                seedAndCounter[32 + i] = (byte) (block >>> (8 * i));
            }
            expander.update(seedAndCounter);
            Ed25519Items.digestInto(expander, bytes, 64 * block);
        }
    }

    byte[] bytes() {
        return bytes;
    }
}
