package org.ppay.core.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * ECDSA P-256 keys as one provider's key objects. The raw public key is SEC1: {@link #encode} writes the 33-byte
 * compressed form; {@link #decode} takes it or the 65-byte uncompressed form, and checks the point is on the curve
 * (with Bouncy Castle's curve arithmetic, the same for every provider) before the provider sees it.
 */
final class EcdsaP256Keys implements KeyCodec {

    private final Provider keyProvider;
    private final ThreadLocal<KeyFactory> keyFactories;

    EcdsaP256Keys(Provider keyProvider) {
        this.keyProvider = keyProvider;
        this.keyFactories = JcaEngines.keyFactories("EC", keyProvider);
    }

    @Override
    public byte[] encode(PublicKey key) {
        if (!(key instanceof ECPublicKey ecKey) || !ecKey.getParams().getOrder().equals(EcdsaEncoding.ORDER)
                || ecKey.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("not an ECDSA P-256 public key: "
                    + (key == null ? "null" : key.getAlgorithm() + " key " + key.getClass().getName()));
        }
        ECPoint w = ecKey.getW();
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        EcdsaEncoding.CURVE.validatePoint(x, y);
        byte[] raw = new byte[EcdsaEncoding.COMPRESSED_KEY_BYTES];
        raw[0] = (byte) (y.testBit(0) ? 0x03 : 0x02);
        System.arraycopy(UnsignedBytes.of(x, EcdsaEncoding.SCALAR_BYTES), 0, raw, 1, EcdsaEncoding.SCALAR_BYTES);
        return raw;
    }

    @Override
    public PublicKey decode(byte[] raw) {
        byte[] uncompressed = uncompressedPoint(raw);
        byte[] x509 = Arrays.copyOf(EcdsaEncoding.X509_PREFIX, EcdsaEncoding.X509_PREFIX.length + uncompressed.length);
        System.arraycopy(uncompressed, 0, x509, EcdsaEncoding.X509_PREFIX.length, uncompressed.length);
        try {
            return keyFactories.get().generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an ECDSA P-256 public key: " + e.getMessage(), e);
        }
    }

    private static byte[] uncompressedPoint(byte[] raw) {
        boolean compressed = raw.length == EcdsaEncoding.COMPRESSED_KEY_BYTES && (raw[0] == 0x02 || raw[0] == 0x03);
        boolean uncompressed = raw.length == EcdsaEncoding.UNCOMPRESSED_KEY_BYTES && raw[0] == 0x04;
        if (!compressed && !uncompressed) {
            throw new IllegalArgumentException("an ECDSA P-256 public key is SEC1: 33 bytes starting 02 or 03, or 65"
                    + " bytes starting 04; got " + raw.length + " bytes"
                    + (raw.length > 0 ? String.format(" starting %02x", raw[0]) : ""));
        }
        try {
            // Bouncy Castle rejects coordinates >= p, points off the curve and x without a square root.
            return EcdsaEncoding.CURVE.decodePoint(raw).getEncoded(false);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("not an ECDSA P-256 public key: " + e.getMessage(), e);
        }
    }

    @Override
    public PrivateKey privateKey(byte[] pkcs8) {
        return JcaEngines.pkcs8PrivateKey(keyFactories, pkcs8, "ECDSA P-256");
    }

    @Override
    public KeyPair generate(SecureRandom random) {
        KeyPairGenerator generator = JcaEngines.keyPairGenerator("EC", keyProvider);
        try {
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(keyProvider.getName() + " cannot generate P-256 keys", e);
        }
        return generator.generateKeyPair();
    }
}
