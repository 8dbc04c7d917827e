package org.ppay.core.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.ppay.core.crypto.ed25519.CachedPoint;
import org.ppay.core.crypto.ed25519.DecodedKeyCache;
import org.ppay.core.crypto.ed25519.EdwardsPoint;
import org.ppay.core.crypto.ed25519.MultiScalarMultiplier;
import org.ppay.core.crypto.ed25519.PointArithmetic;
import org.ppay.core.crypto.ed25519.ScalarField;
import org.ppay.core.crypto.ed25519.Scalars;

/**
 * Ed25519 (RFC 8032, pure) verification, one at a time or in batches, under one strict, cofactored acceptance policy:
 * <ul>
 *   <li>S must be canonical (S &lt; L);</li>
 *   <li>A and R must be canonical encodings (y &lt; p, and no "negative zero" x);</li>
 *   <li>A and R must not be of small order (their [8] multiple must not be the identity);</li>
 *   <li>the equation is cofactored: [8]([S]B - R - [k]A) = identity with k = SHA-512(R || A || M) mod L.</li>
 * </ul>
 * A batch checks [8]( -(sum z_i S_i) B + sum z_i R_i + sum (z_i k_i) A_i ) = identity with fresh 128-bit random
 * z_i from a CSPRNG, by one multi-scalar multiplication; if it fails, it bisects to find the invalid items. With
 * the cofactored equation a batch accepts exactly the items the single verifier accepts (but for a chance of 2^-128).
 *
 * <p>Not thread-safe: an instance owns its scratch space. Several instances may share one {@link DecodedKeyCache}.
 */
public final class Ed25519BatchVerifier implements BatchVerifier {

    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;
    private static final int COEFFICIENT_BYTES = 16;

    private final PointArithmetic arithmetic = new PointArithmetic();
    private final MultiScalarMultiplier multiplier = new MultiScalarMultiplier(arithmetic);
    private final ScalarField scalarField = new ScalarField();
    private final byte[] challenge = new byte[32];
    private final DecodedKeyCache keyCache;
    private final SecureRandom random;
    private final MessageDigest sha512;
    private final MessageDigest expander;
    private final byte[] seed = new byte[32];
    private final byte[] seedAndCounter = new byte[40];
    private final byte[] digest = new byte[64];
    private final byte[] baseScalar = new byte[32];
    private final EdwardsPoint check = new EdwardsPoint();
    private final EdwardsPoint[] singlePoint = {new EdwardsPoint()};
    private final CachedPoint[][] singleTable = new CachedPoint[1][];
    private final EdwardsPoint commitment = new EdwardsPoint();
    private final byte[] singleScalar = new byte[32];

    // per candidate m: points[2m] = A, points[2m+1] = R; scalars[64m..] = z k mod L, scalars[64m+32..] = z
    private EdwardsPoint[] points = new EdwardsPoint[0];
    private CachedPoint[][] tables = new CachedPoint[0][];
    private byte[] scalars = new byte[0];
    private byte[] zTimesS = new byte[0];
    private int[] candidates = new int[0];
    private byte[] coefficients = new byte[0];

    /** A verifier with its own cache of 4096 keys and a default {@link SecureRandom}. */
    public Ed25519BatchVerifier() {
        this(new DecodedKeyCache(4096), new SecureRandom());
    }

    public Ed25519BatchVerifier(DecodedKeyCache keyCache, SecureRandom random) {
        this.keyCache = keyCache;
        this.random = random;
        try {
            this.sha512 = MessageDigest.getInstance("SHA-512");
            this.expander = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-512", e);
        }
    }

    @Override
    public boolean verifyOne(byte[] publicKey, byte[] message, byte[] signature) {
        return verifyOne(publicKey, 0, publicKey.length, message, 0, message.length, signature, 0, signature.length);
    }

    /** Verifies one signature over slices of the caller's arrays; never throws on malformed bytes. */
    public boolean verifyOne(byte[] publicKey, int keyOffset, int keyLength, byte[] message, int messageOffset,
                             int messageLength, byte[] signature, int signatureOffset, int signatureLength) {
        if (keyLength != PUBLIC_KEY_LENGTH || signatureLength != SIGNATURE_LENGTH
                || !Scalars.isCanonical(signature, signatureOffset + 32)) {
            return false;
        }
        EdwardsPoint a = singlePoint[0];
        singleTable[0] = keyCache.lookup(publicKey, keyOffset, a, arithmetic);
        if (singleTable[0] == null) {
            return false;
        }
        if (PointArithmetic.isSmallOrderEncoding(signature, signatureOffset)
                || !arithmetic.decompress(signature, signatureOffset, commitment)) {
            return false;
        }
        hashChallenge(signature, signatureOffset, publicKey, keyOffset, message, messageOffset, messageLength,
                singleScalar);
        scalarField.negatedSum(signature, signatureOffset + 32, 0, 1, baseScalar, 0);
        // [8]([k]A - [S]B + R) = identity is the RFC 8032 equation [8][S]B = [8]R + [8][k]A
        multiplier.multiply(baseScalar, 0, singlePoint, singleTable, singleScalar, 0, 1, check);
        arithmetic.add(check, commitment, check);
        arithmetic.doublePoint(check, 3, check);
        return arithmetic.isIdentity(check);
    }

    @Override
    public boolean verify(SignatureBatch batch, int from, int to, boolean[] results) {
        BatchVerifier.checkRange(batch, from, to, results);
        int n = to - from;
        if (n == 0) {
            return true;
        }
        if (n == 1) {
            results[from] = verifyOne(batch.publicKey(from), batch.publicKeyOffset(from), batch.publicKeyLength(from),
                    batch.message(from), batch.messageOffset(from), batch.messageLength(from),
                    batch.signature(from), batch.signatureOffset(from), batch.signatureLength(from));
            return results[from];
        }
        ensureCapacity(n);
        drawCoefficients(n);
        int count = 0;
        for (int i = from; i < to; i++) {
            results[i] = false;
            if (prepare(batch, i, count)) {
                candidates[count++] = i;
            }
        }
        if (count == 0) {
            return false;
        }
        if (holds(0, count)) {
            markValid(0, count, results);
        } else {
            locateInvalid(0, count, results);
        }
        return count == n && allTrue(results, from, to);
    }

    /**
     * Fills 16 bytes per item with z_i: SHA-512(seed || block counter) under a fresh 256-bit seed from the
     * CSPRNG per batch. Asking the platform's SecureRandom (NativePRNG) for kilobytes per batch would cost more
     * than the curve arithmetic of a small batch.
     */
    private void drawCoefficients(int n) {
        random.nextBytes(seed);
        System.arraycopy(seed, 0, seedAndCounter, 0, 32);
        int blocks = (COEFFICIENT_BYTES * n + 63) / 64;
        for (int block = 0; block < blocks; block++) {
            for (int i = 0; i < 8; i++) {
                seedAndCounter[32 + i] = (byte) (block >>> (8 * i));
            }
            expander.update(seedAndCounter);
            digestInto(expander, coefficients, 64 * block);
        }
    }

    private static void digestInto(MessageDigest digest, byte[] out, int offset) {
        try {
            digest.digest(out, offset, 64);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-512 refused a 64-byte output buffer", e);
        }
    }

    /** Decodes and hashes item i as candidate m; false when a check that needs no curve equation rejects it. */
    private boolean prepare(SignatureBatch batch, int i, int m) {
        byte[] key = batch.publicKey(i);
        int keyOffset = batch.publicKeyOffset(i);
        byte[] signature = batch.signature(i);
        int signatureOffset = batch.signatureOffset(i);
        if (batch.publicKeyLength(i) != PUBLIC_KEY_LENGTH || batch.signatureLength(i) != SIGNATURE_LENGTH
                || !Scalars.isCanonical(signature, signatureOffset + 32)) {
            return false;
        }
        EdwardsPoint a = points[2 * m];
        EdwardsPoint r = points[2 * m + 1];
        tables[2 * m] = keyCache.lookup(key, keyOffset, a, arithmetic);
        if (tables[2 * m] == null) {
            return false;
        }
        if (PointArithmetic.isSmallOrderEncoding(signature, signatureOffset)
                || !arithmetic.decompress(signature, signatureOffset, r)) {
            return false;
        }
        hashChallenge(signature, signatureOffset, key, keyOffset, batch.message(i), batch.messageOffset(i),
                batch.messageLength(i), challenge);
        int coefficientOffset = COEFFICIENT_BYTES * m;
        scalarField.multiply(coefficients, coefficientOffset, COEFFICIENT_BYTES, challenge, 0, 32, scalars, 64 * m);
        Arrays.fill(scalars, 64 * m + 32, 64 * m + 64, (byte) 0);
        System.arraycopy(coefficients, coefficientOffset, scalars, 64 * m + 32, COEFFICIENT_BYTES);
        scalarField.multiply(coefficients, coefficientOffset, COEFFICIENT_BYTES, signature, signatureOffset + 32, 32,
                zTimesS, 32 * m);
        return true;
    }

    /** Whether the random linear combination of candidates [lo, hi) is the identity. */
    private boolean holds(int lo, int hi) {
        scalarField.negatedSum(zTimesS, 32 * lo, 32, hi - lo, baseScalar, 0);
        multiplier.multiply(baseScalar, 0, points, tables, scalars, 2 * lo, 2 * (hi - lo), check);
        arithmetic.doublePoint(check, 3, check);
        return arithmetic.isIdentity(check);
    }

    /** Finds the invalid candidates in [lo, hi), a range known to hold at least one. */
    private void locateInvalid(int lo, int hi, boolean[] results) {
        if (hi - lo == 1) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        if (holds(lo, mid)) {
            markValid(lo, mid, results);
            locateInvalid(mid, hi, results);
            return;
        }
        locateInvalid(lo, mid, results);
        if (holds(mid, hi)) {
            markValid(mid, hi, results);
        } else {
            locateInvalid(mid, hi, results);
        }
    }

    private void markValid(int lo, int hi, boolean[] results) {
        for (int m = lo; m < hi; m++) {
            results[candidates[m]] = true;
        }
    }

    private static boolean allTrue(boolean[] results, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!results[i]) {
                return false;
            }
        }
        return true;
    }

    /** k = SHA-512(R || A || M) mod L, written to {@code out}. */
    private void hashChallenge(byte[] signature, int signatureOffset, byte[] key, int keyOffset, byte[] message,
                               int messageOffset, int messageLength, byte[] out) {
        sha512.update(signature, signatureOffset, 32);
        sha512.update(key, keyOffset, PUBLIC_KEY_LENGTH);
        sha512.update(message, messageOffset, messageLength);
        digestInto(sha512, digest, 0);
        scalarField.reduce(digest, 0, digest.length, out, 0);
    }

    private void ensureCapacity(int n) {
        if (candidates.length >= n) {
            return;
        }
        int capacity = Math.max(n, 2 * candidates.length);
        EdwardsPoint[] grown = Arrays.copyOf(points, 2 * capacity);
        for (int i = points.length; i < grown.length; i++) {
            grown[i] = new EdwardsPoint();
        }
        points = grown;
        tables = new CachedPoint[2 * capacity][];
        scalars = new byte[64 * capacity];
        zTimesS = new byte[32 * capacity];
        candidates = new int[capacity];
        coefficients = new byte[(COEFFICIENT_BYTES * capacity + 63) / 64 * 64];
    }
}
