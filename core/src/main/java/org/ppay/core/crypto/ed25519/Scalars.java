package org.ppay.core.crypto.ed25519;

import java.math.BigInteger;

/** Scalars modulo the group order L, as 32-byte little-endian values. */
public final class Scalars {

    private static final byte[] L_BYTES = Curve.littleEndian32(Curve.L);

    private Scalars() {
    }

    /** Whether {@code bytes[offset, offset+32)} is a canonical scalar, i.e. a value below L. */
    public static boolean isCanonical(byte[] bytes, int offset) {
        for (int i = 31; i >= 0; i--) {
            int a = bytes[offset + i] & 0xFF;
            int b = L_BYTES[i] & 0xFF;
            if (a != b) {
                return a < b;
            }
        }
        return false;
    }

    /** The value of {@code length} little-endian bytes reduced mod L. */
    public static BigInteger reduce(byte[] bytes, int offset, int length) {
        return Curve.fromLittleEndian(bytes, offset, length).mod(Curve.L);
    }

    /** Writes a value in [0, 2^256) as 32 little-endian bytes. */
    public static void write(BigInteger value, byte[] out, int offset) {
        byte[] bigEndian = value.toByteArray();
        for (int i = 0; i < 32; i++) {
            out[offset + i] = i < bigEndian.length ? bigEndian[bigEndian.length - 1 - i] : 0;
        }
    }
}
