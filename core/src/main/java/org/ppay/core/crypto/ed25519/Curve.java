package org.ppay.core.crypto.ed25519;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/** The constants of edwards25519 (RFC 8032, section 5.1): -x^2 + y^2 = 1 + d x^2 y^2 over GF(2^255 - 19). */
public final class Curve {

    /** The field prime p = 2^255 - 19. */
    public static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    /** The order of the base point, L = 2^252 + 27742317777372353535851937790883648493. */
    public static final BigInteger L = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    /** The standard encoding of the base point B (y = 4/5, x even). */
    public static final byte[] BASE_POINT_ENCODED = baseEncoding();

    static final int[] D = fieldElement(dValue());
    static final int[] D2 = fieldElement(dValue().shiftLeft(1).mod(P));
    /** sqrt(-1) = 2^((p - 1) / 4) mod p. */
    static final int[] SQRT_MINUS_ONE = fieldElement(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P));

    private Curve() {
    }

    private static BigInteger dValue() {
        return BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    }

    private static byte[] baseEncoding() {
        BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
        return littleEndian32(y);
    }

    static int[] fieldElement(BigInteger value) {
        int[] limbs = X25519Field.create();
        X25519Field.decode(littleEndian32(value), 0, limbs);
        return limbs;
    }

    /** The 32-byte little-endian encoding of a non-negative value below 2^256. */
    public static byte[] littleEndian32(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    /** The non-negative value of {@code length} little-endian bytes. */
    public static BigInteger fromLittleEndian(byte[] bytes, int offset, int length) {
        byte[] bigEndian = new byte[length + 1];
        for (int i = 0; i < length; i++) {
            bigEndian[length - i] = bytes[offset + i];
        }
        return new BigInteger(bigEndian);
    }
}
