package org.ppay.core.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.ppay.core.crypto.ed25519.CachedPoint;
import org.ppay.core.crypto.ed25519.DecodedKeyCache;
import org.ppay.core.crypto.ed25519.EdwardsPoint;
import org.ppay.core.crypto.ed25519.PointArithmetic;
import org.ppay.core.crypto.ed25519.ScalarField;
import org.ppay.core.crypto.ed25519.Scalars;

/**
 * One thread's preparation of Ed25519 batch items: the policy checks that need no curve equation, the decoding of
 * A and R, the challenge k = SHA-512(R || A || M) mod L, and the scalars z k and z S. Allocation-free.
 */
final class Ed25519Items {

    static final int PUBLIC_KEY_LENGTH = 32;
    static final int SIGNATURE_LENGTH = 64;
    static final int COEFFICIENT_BYTES = 16;

    final PointArithmetic arithmetic;
    final ScalarField scalarField = new ScalarField();
    private final DecodedKeyCache keyCache;
    private final MessageDigest sha512 = sha512();
    private final byte[] digest = new byte[64];
    private final byte[] challenge = new byte[32];

    Ed25519Items(PointArithmetic arithmetic, DecodedKeyCache keyCache) {
        this.arithmetic = arithmetic;
        this.keyCache = keyCache;
    }

    /**
     * Checks item i and, when it passes rules 1-3 of the policy, fills slot m: {@code a} and {@code r} decoded,
     * scalars[64m, +32) = z k mod L, scalars[64m + 32, +32) = z, zTimesS[32m, +32) = z S mod L, with z the 16 bytes
     * at coefficients[16m]. Returns A's Straus table from the key cache, or null when the item is rejected.
     */
    CachedPoint[] prepare(SignatureBatch batch, int i, byte[] coefficients, int m, EdwardsPoint a, EdwardsPoint r,
                          byte[] scalars, byte[] zTimesS) {
        byte[] key = batch.publicKey(i);
        int keyOffset = batch.publicKeyOffset(i);
        byte[] signature = batch.signature(i);
        int signatureOffset = batch.signatureOffset(i);
        CachedPoint[] table = decode(key, keyOffset, batch.publicKeyLength(i), signature, signatureOffset,
                batch.signatureLength(i), a, r);
        if (table == null) {
            return null;
        }
        challenge(signature, signatureOffset, key, keyOffset, batch.message(i), batch.messageOffset(i),
                batch.messageLength(i), challenge);
        int coefficientOffset = COEFFICIENT_BYTES * m;
        scalarField.multiply(coefficients, coefficientOffset, COEFFICIENT_BYTES, challenge, 0, 32, scalars, 64 * m);
        Arrays.fill(scalars, 64 * m + 32, 64 * m + 64, (byte) 0);
        System.arraycopy(coefficients, coefficientOffset, scalars, 64 * m + 32, COEFFICIENT_BYTES);
        scalarField.multiply(coefficients, coefficientOffset, COEFFICIENT_BYTES, signature, signatureOffset + 32, 32,
                zTimesS, 32 * m);
        return table;
    }

    /** Rules 1-3: lengths, canonical S, A and R canonical and not of small order; A's table, or null. */
    CachedPoint[] decode(byte[] key, int keyOffset, int keyLength, byte[] signature, int signatureOffset,
                         int signatureLength, EdwardsPoint a, EdwardsPoint r) {
        if (keyLength != PUBLIC_KEY_LENGTH || signatureLength != SIGNATURE_LENGTH
                || !Scalars.isCanonical(signature, signatureOffset + 32)) {
            return null;
        }
        CachedPoint[] table = keyCache.lookup(key, keyOffset, a, arithmetic);
        if (table == null || PointArithmetic.isSmallOrderEncoding(signature, signatureOffset)
                || !arithmetic.decompress(signature, signatureOffset, r)) {
            return null;
        }
        return table;
    }

    /** k = SHA-512(R || A || M) mod L, written to {@code out}. */
    void challenge(byte[] signature, int signatureOffset, byte[] key, int keyOffset, byte[] message,
                   int messageOffset, int messageLength, byte[] out) {
        sha512.update(signature, signatureOffset, 32);
        sha512.update(key, keyOffset, PUBLIC_KEY_LENGTH);
        sha512.update(message, messageOffset, messageLength);
        digestInto(sha512, digest, 0);
        scalarField.reduce(digest, 0, digest.length, out, 0);
    }

    static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-512", e);
        }
    }

    static void digestInto(MessageDigest digest, byte[] out, int offset) {
        try {
            digest.digest(out, offset, 64);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-512 refused a 64-byte output buffer", e);
        }
    }
}
