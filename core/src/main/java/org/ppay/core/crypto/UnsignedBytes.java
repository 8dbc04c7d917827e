package org.ppay.core.crypto;

import java.math.BigInteger;

/** Fixed-width big-endian encodings of non-negative integers. */
final class UnsignedBytes {

    private UnsignedBytes() {
    }

    /** {@code value} as exactly {@code width} big-endian bytes; it must be non-negative and fit. */
    static byte[] of(BigInteger value, int width) {
        if (value.signum() < 0 || value.bitLength() > 8 * width) {
            throw new IllegalArgumentException("integer of " + value.bitLength() + " bits does not fit " + width + " bytes");
        }
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[width];
        int significant = Math.min(bytes.length, width);
        System.arraycopy(bytes, bytes.length - significant, out, width - significant, significant);
        return out;
    }
}
