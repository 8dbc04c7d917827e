package org.ppay.core.crypto.ed25519;

/** Checks on 32-byte little-endian scalars; arithmetic mod L is {@link ScalarField}. */
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
}
