package org.ppay.core.credit;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.LongAdder;

/**
 * SHA-256 into a caller's array, one engine per instance (not thread-safe). Every hash is counted, over all
 * instances and threads ({@link PaywordChain#hashesComputed()}), so tests can state how much hashing a request costs.
 */
final class Sha256 {

    static final int LENGTH_BYTES = 32;

    static final LongAdder COMPUTED = new LongAdder();

    private final MessageDigest digest;

    Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    void hash(byte[] in, int inOffset, int inLength, byte[] out, int outOffset) {
        COMPUTED.increment();
        digest.update(in, inOffset, inLength);
        try {
            digest.digest(out, outOffset, LENGTH_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 output does not fit", e);
        }
    }

    byte[] hash(byte[] in) {
        COMPUTED.increment();
        return digest.digest(in);
    }
}
