package org.ppay.core.crypto;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Raw Ed25519 encodings (RFC 8032) and the checks every Ed25519 suite applies before its provider sees the bytes,
 * so that all suites accept exactly the same keys and signatures.
 */
final class Ed25519Encoding {

    static final int PUBLIC_KEY_BYTES = 32;
    static final int SEED_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;

    /** id-Ed25519 (RFC 8410). */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    /** SubjectPublicKeyInfo for id-Ed25519 (RFC 8410) up to the 32 key bytes. */
    private static final byte[] X509_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };
    /** PKCS#8 v1 PrivateKeyInfo for id-Ed25519 (RFC 8410) up to the 32 seed bytes. */
    private static final byte[] PKCS8_PREFIX = {
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
    };
    /** The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian. */
    private static final byte[] ORDER_LE = {
        (byte) 0xed, (byte) 0xd3, (byte) 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58,
        (byte) 0xd6, (byte) 0x9c, (byte) 0xf7, (byte) 0xa2, (byte) 0xde, (byte) 0xf9, (byte) 0xde, 0x14,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10
    };

    private Ed25519Encoding() {
    }

    static byte[] x509(byte[] rawPublicKey) {
        return concat(X509_PREFIX, rawPublicKey);
    }

    static byte[] pkcs8(byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("an Ed25519 seed is " + SEED_BYTES + " bytes, got " + seed.length);
        }
        return concat(PKCS8_PREFIX, seed);
    }

    /** The 32 key bytes of an X.509 SubjectPublicKeyInfo for Ed25519. */
    static byte[] rawFromX509(byte[] encoded) {
        if (encoded == null || encoded.length != X509_PREFIX.length + PUBLIC_KEY_BYTES
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key (expected a 44-byte id-Ed25519 X.509 encoding)");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    /**
     * Checks that a raw public key is a canonical encoding of a point of prime order. RFC 8032 only demands a
     * decodable point; we also refuse small-order and mixed-order keys so that no provider's leniency leaks through.
     */
    static Ed25519.PublicPoint requireValidPublicKey(byte[] raw) {
        if (raw.length != PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is " + PUBLIC_KEY_BYTES + " bytes, got " + raw.length);
        }
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(raw, 0);
        if (point == null) {
            throw new IllegalArgumentException("not an Ed25519 public key: not a canonical encoding of a point of prime order");
        }
        return point;
    }

    /** RFC 8032 5.1.7: the scalar S (the signature's second half) must be below the group order L. */
    static boolean hasCanonicalScalar(byte[] signature, int offset) {
        int scalar = offset + 32;
        for (int i = 31; i >= 0; i--) {
            int s = signature[scalar + i] & 0xff;
            int l = ORDER_LE[i] & 0xff;
            if (s != l) {
                return s < l;
            }
        }
        return false;
    }

    /** The 32-byte seed of any provider's Ed25519 private key. */
    static byte[] seedOf(PrivateKey key) {
        if (key instanceof EdECPrivateKey edKey) {
            byte[] seed = edKey.getBytes().orElseThrow(
                    () -> new IllegalArgumentException("this Ed25519 private key does not reveal its seed"));
            if (seed.length == SEED_BYTES && "Ed25519".equalsIgnoreCase(edKey.getParams().getName())) {
                return seed;
            }
        }
        byte[] encoded = key == null ? null : key.getEncoded();
        byte[] seed = encoded == null ? null : seedFromPkcs8(encoded);
        if (seed == null) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + describe(key));
        }
        return seed;
    }

    /** The seed inside a PKCS#8 (v1 or v2) id-Ed25519 key, or null when the bytes are anything else. */
    private static byte[] seedFromPkcs8(byte[] encoded) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(encoded);
            if (!ID_ED25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
                return null;
            }
            byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            return seed.length == SEED_BYTES ? seed : null;
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle's ASN.1 parser reports garbage with assorted runtime exceptions.
            return null;
        }
    }

    private static String describe(PrivateKey key) {
        return key == null ? "null" : key.getAlgorithm() + " key " + key.getClass().getName();
    }

    private static byte[] concat(byte[] prefix, byte[] body) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }
}
