package org.ppay.core.crypto.ed25519;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Arithmetic modulo the group order L = 2^252 + c on little-endian byte strings, without allocation: values are
 * held in signed 21-bit limbs in a long[], and reduced by folding, since 2^252 = -c (mod L). An instance owns its
 * scratch limbs, so it belongs to one thread. Outputs are canonical 32-byte scalars (below L).
 */
public final class ScalarField {

    private static final int BITS = 21;
    private static final long MASK = (1L << BITS) - 1;
    private static final int LOW_LIMBS = 12;
    private static final int MAX_LIMBS = 27;
    /** -c in signed 21-bit limbs: 2^252 * v = v * NEG_C (mod L). */
    private static final long[] NEG_C = signedLimbs(Curve.L.subtract(BigInteger.ONE.shiftLeft(252)).negate());

    private final long[] limbs = new long[MAX_LIMBS];
    private final long[] left = new long[13];
    private final long[] right = new long[13];
    private final long[] trial = new long[LOW_LIMBS + 1];

    /** out = in[offset, offset + length) mod L, for up to 64 input bytes. */
    public void reduce(byte[] in, int offset, int length, byte[] out, int outOffset) {
        if (length > 64) {
            throw new IllegalArgumentException("at most 64 bytes reduce mod L, got " + length);
        }
        Arrays.fill(limbs, 0);
        load(in, offset, length, limbs, 25);
        finish(25, out, outOffset);
    }

    /** out = x * y mod L for x and y of up to 32 bytes each. */
    public void multiply(byte[] x, int xOffset, int xLength, byte[] y, int yOffset, int yLength, byte[] out,
                         int outOffset) {
        Arrays.fill(left, 0);
        Arrays.fill(right, 0);
        load(x, xOffset, xLength, left, 13);
        load(y, yOffset, yLength, right, 13);
        Arrays.fill(limbs, 0);
        for (int i = 0; i < 13; i++) {
            long xi = left[i];
            if (xi == 0) {
                continue;
            }
            for (int j = 0; j < 13; j++) {
                limbs[i + j] += xi * right[j];
            }
        }
        finish(25, out, outOffset);
    }

    /**
     * out = -(sum of {@code count} 32-byte values at {@code in[offset + k * stride]}) mod L; each value below 2^256.
     */
    public void negatedSum(byte[] in, int offset, int stride, int count, byte[] out, int outOffset) {
        Arrays.fill(limbs, 0);
        for (int k = 0; k < count; k++) {
            Arrays.fill(left, 0);
            load(in, offset + k * stride, 32, left, 13);
            for (int i = 0; i < 13; i++) {
                limbs[i] -= left[i];
            }
        }
        // add a multiple of L large enough to make the value non-negative: (count + 1) * 2^4 * L > the sum
        long multiple = 16L * (count + 1);
        limbs[LOW_LIMBS] += multiple;
        for (int i = 0; i < NEG_C.length; i++) {
            limbs[i] -= multiple * NEG_C[i];
        }
        finish(MAX_LIMBS, out, outOffset);
    }

    /** Reduces limbs[0, used) (any signed value of the right sign range) to a canonical scalar and writes it. */
    private void finish(int used, byte[] out, int outOffset) {
        carry(0, used - 1);
        for (int top = used - 1; top >= LOW_LIMBS; top--) {
            carry(0, top);
            fold(top);
        }
        carry(0, LOW_LIMBS);
        // value = low + limbs[12] * 2^252 with a small limbs[12]; fold until it lies in (-L, 2^253)
        while (limbs[LOW_LIMBS] > 1 || limbs[LOW_LIMBS] < -1) {
            fold(LOW_LIMBS);
            carry(0, LOW_LIMBS);
        }
        if (limbs[LOW_LIMBS] < 0) {
            addL(limbs);
        }
        System.arraycopy(limbs, 0, trial, 0, LOW_LIMBS + 1);
        subtractL(trial);
        if (trial[LOW_LIMBS] >= 0) {
            System.arraycopy(trial, 0, limbs, 0, LOW_LIMBS + 1);
        }
        store(out, outOffset);
    }

    private void fold(int top) {
        long v = limbs[top];
        limbs[top] = 0;
        int base = top - LOW_LIMBS;
        for (int j = 0; j < NEG_C.length; j++) {
            limbs[base + j] += v * NEG_C[j];
        }
    }

    /** Carries limbs[from, to) into [0, 2^21), the last carry going into limbs[to]. */
    private void carry(int from, int to) {
        carryIn(limbs, from, to);
    }

    private static void carryIn(long[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            long c = s[i] >> BITS;
            s[i] -= c << BITS;
            s[i + 1] += c;
        }
    }

    private static void addL(long[] s) {
        s[LOW_LIMBS] += 1;
        for (int i = 0; i < NEG_C.length; i++) {
            s[i] -= NEG_C[i];
        }
        carryIn(s, 0, LOW_LIMBS);
    }

    private static void subtractL(long[] s) {
        s[LOW_LIMBS] -= 1;
        for (int i = 0; i < NEG_C.length; i++) {
            s[i] += NEG_C[i];
        }
        carryIn(s, 0, LOW_LIMBS);
    }

    private void store(byte[] out, int outOffset) {
        long acc = 0;
        int bits = 0;
        int limb = 0;
        for (int i = 0; i < 32; i++) {
            while (bits < 8 && limb <= LOW_LIMBS) {
                acc |= limbs[limb++] << bits;
                bits += BITS;
            }
            out[outOffset + i] = (byte) acc;
            acc >>>= 8;
            bits -= 8;
        }
    }

    private static void load(byte[] in, int offset, int length, long[] s, int count) {
        long acc = 0;
        int bits = 0;
        int limb = 0;
        for (int i = 0; i < length && limb < count; i++) {
            acc |= (in[offset + i] & 0xFFL) << bits;
            bits += 8;
            if (bits >= BITS) {
                s[limb++] = acc & MASK;
                acc >>>= BITS;
                bits -= BITS;
            }
        }
        if (limb < count) {
            s[limb] = acc;
        }
    }

    private static long[] signedLimbs(BigInteger value) {
        long[] out = new long[6];
        BigInteger rest = value;
        BigInteger radix = BigInteger.ONE.shiftLeft(BITS);
        BigInteger half = radix.shiftRight(1);
        for (int i = 0; i < out.length; i++) {
            BigInteger digit = rest.mod(radix);
            if (digit.compareTo(half) >= 0) {
                digit = digit.subtract(radix);
            }
            out[i] = digit.longValueExact();
            rest = rest.subtract(digit).shiftRight(BITS);
        }
        if (rest.signum() != 0) {
            throw new IllegalStateException("c does not fit 6 limbs of 21 bits");
        }
        return out;
    }
}
