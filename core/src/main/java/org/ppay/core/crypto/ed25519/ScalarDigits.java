package org.ppay.core.crypto.ed25519;

import java.util.Arrays;

/**
 * Recodings of a 256-bit little-endian scalar below 2^255 for multi-scalar multiplication: width-w non-adjacent
 * form (Straus) and signed radix-2^w digits (Pippenger). Allocation-free; the caller passes the output arrays.
 */
public final class ScalarDigits {

    private final long[] words = new long[5];

    /**
     * Writes the width-{@code width} NAF of {@code scalar[offset, offset+32)} into {@code naf[nafOffset,
     * nafOffset+256)}: every nonzero digit is odd, below 2^(width-1) in magnitude, and followed by width-1 zeros.
     */
    public void nonAdjacentForm(byte[] scalar, int offset, int width, byte[] naf, int nafOffset) {
        loadWords(scalar, offset);
        Arrays.fill(naf, nafOffset, nafOffset + 256, (byte) 0);
        int windowSize = 1 << width;
        long windowMask = windowSize - 1;
        int carry = 0;
        int position = 0;
        while (position < 256) {
            long bits = bitsAt(position, width);
            int window = carry + (int) (bits & windowMask);
            if ((window & 1) == 0) {
                position += 1;
                continue;
            }
            if (window < windowSize / 2) {
                carry = 0;
                naf[nafOffset + position] = (byte) window;
            } else {
                carry = 1;
                naf[nafOffset + position] = (byte) (window - windowSize);
            }
            position += width;
        }
    }

    /** How many signed radix-2^width digits {@link #signedRadix} writes. */
    public static int radixDigitCount(int width) {
        return (256 + width - 1) / width;
    }

    /**
     * Writes the signed radix-2^{@code width} digits d_i in [-2^(width-1), 2^(width-1)) with scalar = sum d_i 2^(i w),
     * least significant first. The scalar must be below 2^253 so that the top digit absorbs the last carry.
     */
    public void signedRadix(byte[] scalar, int offset, int width, byte[] digits, int digitsOffset) {
        loadWords(scalar, offset);
        int count = radixDigitCount(width);
        long mask = (1L << width) - 1;
        int half = 1 << (width - 1);
        int carry = 0;
        for (int i = 0; i < count; i++) {
            int coefficient = carry + (int) (bitsAt(i * width, width) & mask);
            carry = (coefficient + half) >> width;
            digits[digitsOffset + i] = (byte) (coefficient - (carry << width));
        }
    }

    private long bitsAt(int position, int width) {
        int index = position >>> 6;
        int shift = position & 63;
        if (shift <= 64 - width) {
            return words[index] >>> shift;
        }
        return (words[index] >>> shift) | (words[index + 1] << (64 - shift));
    }

    private void loadWords(byte[] scalar, int offset) {
        if ((scalar[offset + 31] & 0xE0) != 0) {
            throw new IllegalArgumentException("scalar at offset " + offset + " is not below 2^253; reduce it mod L first");
        }
        for (int w = 0; w < 4; w++) {
            long value = 0;
            for (int i = 7; i >= 0; i--) {
                value = (value << 8) | (scalar[offset + 8 * w + i] & 0xFFL);
            }
            words[w] = value;
        }
        words[4] = 0;
    }
}
