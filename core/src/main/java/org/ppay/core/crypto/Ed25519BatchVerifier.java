package org.ppay.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.ppay.core.crypto.ed25519.CachedPoint;
import org.ppay.core.crypto.ed25519.DecodedKeyCache;
import org.ppay.core.crypto.ed25519.EdwardsPoint;
import org.ppay.core.crypto.ed25519.MultiScalarMultiplier;
import org.ppay.core.crypto.ed25519.PointArithmetic;

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

    public static final int PUBLIC_KEY_LENGTH = Ed25519Items.PUBLIC_KEY_LENGTH;
    public static final int SIGNATURE_LENGTH = Ed25519Items.SIGNATURE_LENGTH;

    private final PointArithmetic arithmetic = new PointArithmetic();
    private final MultiScalarMultiplier multiplier = new MultiScalarMultiplier(arithmetic);
    private final Ed25519Items items;
    private final BatchCoefficients coefficients;
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
    /** The caller's results while a batch is checked: markValid records candidates in it. */
    private boolean[] results;
    private final BatchBisection bisection = new BatchBisection() {
        @Override
        boolean holds(int lo, int hi) {
            return Ed25519BatchVerifier.this.holds(lo, hi);
        }

        @Override
        void markValid(int lo, int hi) {
            Ed25519BatchVerifier.this.markValid(lo, hi);
        }
    };

    /** A verifier with its own cache of 4096 keys and a default {@link SecureRandom}. */
    public Ed25519BatchVerifier() {
        this(new DecodedKeyCache(BatchVerifiers.DEFAULT_KEY_CACHE_CAPACITY), new SecureRandom());
    }

    public Ed25519BatchVerifier(DecodedKeyCache keyCache, SecureRandom random) {
        this.items = new Ed25519Items(arithmetic, keyCache);
        this.coefficients = new BatchCoefficients(random);
    }

    @Override
    public boolean verifyOne(byte[] publicKey, byte[] message, byte[] signature) {
        return verifyOne(publicKey, 0, publicKey.length, message, 0, message.length, signature, 0, signature.length);
    }

    /** Verifies one signature over slices of the caller's arrays; never throws on malformed bytes. */
    public boolean verifyOne(byte[] publicKey, int keyOffset, int keyLength, byte[] message, int messageOffset,
                             int messageLength, byte[] signature, int signatureOffset, int signatureLength) {
        singleTable[0] = items.decode(publicKey, keyOffset, keyLength, signature, signatureOffset, signatureLength,
                singlePoint[0], commitment);
        if (singleTable[0] == null) {
            return false;
        }
        items.challenge(signature, signatureOffset, publicKey, keyOffset, message, messageOffset, messageLength,
                singleScalar);
        items.scalarField.negatedSum(signature, signatureOffset + 32, 0, 1, baseScalar, 0);
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
        coefficients.draw(n);
        int count = 0;
        for (int i = from; i < to; i++) {
            results[i] = false;
            tables[2 * count] = items.prepare(batch, i, coefficients.bytes(), count, points[2 * count],
                    points[2 * count + 1], scalars, zTimesS);
            if (tables[2 * count] != null) {
                candidates[count++] = i;
            }
        }
        if (count == 0) {
            return false;
        }
        this.results = results;
        try {
            bisection.check(0, count);
        } finally {
            this.results = null;
        }
        return count == n && allTrue(results, from, to);
    }

    /** Whether the random linear combination of candidates [lo, hi) is the identity. */
    private boolean holds(int lo, int hi) {
        items.scalarField.negatedSum(zTimesS, 32 * lo, 32, hi - lo, baseScalar, 0);
        multiplier.multiply(baseScalar, 0, points, tables, scalars, 2 * lo, 2 * (hi - lo), check);
        arithmetic.doublePoint(check, 3, check);
        return arithmetic.isIdentity(check);
    }

    private void markValid(int lo, int hi) {
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
    }
}
