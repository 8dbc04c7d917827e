package org.ppay.core.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;

/**
 * ECDSA P-256 encodings: SEC1 points and fixed 64-byte r||s signatures (IEEE P1363), with the conversion to and
 * from the DER SEQUENCE { INTEGER r, INTEGER s } that some providers speak.
 */
final class EcdsaEncoding {

    static final int SCALAR_BYTES = 32;
    static final int SIGNATURE_BYTES = 2 * SCALAR_BYTES;
    static final int COMPRESSED_KEY_BYTES = 1 + SCALAR_BYTES;
    static final int UNCOMPRESSED_KEY_BYTES = 1 + 2 * SCALAR_BYTES;

    static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    static final ECCurve CURVE = P256.getCurve();
    static final BigInteger ORDER = P256.getN();

    /** SubjectPublicKeyInfo for id-ecPublicKey on prime256v1 up to the 65-byte uncompressed point. */
    static final byte[] X509_PREFIX = {
        0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01,
        0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00
    };

    private static final byte[] ORDER_BYTES = UnsignedBytes.of(ORDER, SCALAR_BYTES);
    /** (n - 1) / 2, the largest low s; n is odd, so s &lt;= n/2 exactly when s &lt;= (n - 1)/2. */
    private static final byte[] HALF_ORDER_BYTES = UnsignedBytes.of(ORDER.shiftRight(1), SCALAR_BYTES);

    private EcdsaEncoding() {
    }

    /** Both r and s lie in [1, n-1]; anything else is no ECDSA signature on any provider. */
    static boolean hasScalarsInRange(byte[] signature, int offset) {
        return inRange(signature, offset) && inRange(signature, offset + SCALAR_BYTES);
    }

    /** s &lt;= (n - 1)/2: the low-S form of the r||s signature at {@code offset}. */
    static boolean hasLowS(byte[] signature, int offset) {
        return Arrays.compareUnsigned(signature, offset + SCALAR_BYTES, offset + SIGNATURE_BYTES, HALF_ORDER_BYTES, 0,
                SCALAR_BYTES) <= 0;
    }

    /** Replaces a high s (above (n - 1)/2) of the r||s signature at {@code offset} by n - s, in place. */
    static void makeLowS(byte[] signature, int offset) {
        if (hasLowS(signature, offset)) {
            return;
        }
        final BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, offset + SCALAR_BYTES,
                offset + SIGNATURE_BYTES));
        System.arraycopy(UnsignedBytes.of(ORDER.subtract(s), SCALAR_BYTES), 0, signature, offset + SCALAR_BYTES,
                SCALAR_BYTES);
    }

    private static boolean inRange(byte[] bytes, int offset) {
        boolean zero = true;
        for (int i = 0; i < SCALAR_BYTES; i++) {
            if (bytes[offset + i] != 0) {
                zero = false;
                break;
            }
        }
        return !zero && Arrays.compareUnsigned(bytes, offset, offset + SCALAR_BYTES, ORDER_BYTES, 0, SCALAR_BYTES) < 0;
    }

    /** DER of the r||s signature at {@code offset}; r and s must be positive (check the range first). */
    static byte[] toDer(byte[] signature, int offset) {
        int rStart = firstNonZero(signature, offset);
        int sStart = firstNonZero(signature, offset + SCALAR_BYTES);
        int rLength = offset + SCALAR_BYTES - rStart;
        int sLength = offset + SIGNATURE_BYTES - sStart;
        boolean rPad = (signature[rStart] & 0x80) != 0;
        boolean sPad = (signature[sStart] & 0x80) != 0;
        int rField = rLength + (rPad ? 1 : 0);
        int sField = sLength + (sPad ? 1 : 0);
        int body = 2 + rField + 2 + sField;
        byte[] der = new byte[2 + body];
        int at = 0;
        der[at++] = 0x30;
        der[at++] = (byte) body;
        der[at++] = 0x02;
        der[at++] = (byte) rField;
        if (rPad) {
            der[at++] = 0;
        }
        System.arraycopy(signature, rStart, der, at, rLength);
        at += rLength;
        der[at++] = 0x02;
        der[at++] = (byte) sField;
        if (sPad) {
            der[at++] = 0;
        }
        System.arraycopy(signature, sStart, der, at, sLength);
        return der;
    }

    /**
     * Writes the DER signature {@code der} as 64 bytes r||s at {@code out[offset]}. Strict: one SEQUENCE of two
     * minimal positive INTEGERs of at most 32 significant bytes, nothing after it.
     */
    static void fromDer(byte[] der, byte[] out, int offset) {
        if (der.length < 8 || der[0] != 0x30 || (der[1] & 0xff) != der.length - 2) {
            throw new IllegalArgumentException("ECDSA signature is not one DER SEQUENCE of the right length");
        }
        int next = readInteger(der, 2, out, offset);
        int end = readInteger(der, next, out, offset + SCALAR_BYTES);
        if (end != der.length) {
            throw new IllegalArgumentException("ECDSA DER signature has bytes after its two INTEGERs");
        }
    }

    private static int readInteger(byte[] der, int at, byte[] out, int outOffset) {
        if (at + 2 > der.length || der[at] != 0x02) {
            throw new IllegalArgumentException("ECDSA DER signature lacks an INTEGER at byte " + at);
        }
        int length = der[at + 1] & 0xff;
        int start = at + 2;
        if (length == 0 || length > SCALAR_BYTES + 1 || start + length > der.length) {
            throw new IllegalArgumentException("ECDSA DER INTEGER at byte " + at + " has a bad length " + length);
        }
        if ((der[start] & 0x80) != 0) {
            throw new IllegalArgumentException("ECDSA DER INTEGER at byte " + at + " is negative");
        }
        if (length > 1 && der[start] == 0 && (der[start + 1] & 0x80) == 0) {
            throw new IllegalArgumentException("ECDSA DER INTEGER at byte " + at + " is not minimally encoded");
        }
        int significant = length;
        int from = start;
        if (der[start] == 0 && length > 1) {
            significant--;
            from++;
        }
        if (significant > SCALAR_BYTES) {
            throw new IllegalArgumentException("ECDSA DER INTEGER at byte " + at + " exceeds 32 bytes");
        }
        Arrays.fill(out, outOffset, outOffset + SCALAR_BYTES - significant, (byte) 0);
        System.arraycopy(der, from, out, outOffset + SCALAR_BYTES - significant, significant);
        return start + length;
    }

    private static int firstNonZero(byte[] bytes, int offset) {
        int at = offset;
        while (at < offset + SCALAR_BYTES - 1 && bytes[at] == 0) {
            at++;
        }
        return at;
    }
}
