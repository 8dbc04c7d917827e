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
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;

/** RSA-2048 keys with e = 65537; the raw public key is the 256-byte big-endian modulus. */
final class Rsa2048Keys implements KeyCodec {

    static final int MODULUS_BYTES = 256;
    private static final int MODULUS_BITS = 2048;

    private final Provider keyProvider;
    private final ThreadLocal<KeyFactory> keyFactories;

    Rsa2048Keys(Provider keyProvider) {
        this.keyProvider = keyProvider;
        this.keyFactories = JcaEngines.keyFactories("RSA", keyProvider);
    }

    @Override
    public byte[] encode(PublicKey key) {
        if (!(key instanceof RSAPublicKey rsaKey)) {
            throw new IllegalArgumentException("not an RSA public key: "
                    + (key == null ? "null" : key.getAlgorithm() + " key " + key.getClass().getName()));
        }
        if (rsaKey.getModulus().bitLength() != MODULUS_BITS) {
            throw new IllegalArgumentException("not an RSA-2048 public key: modulus has "
                    + rsaKey.getModulus().bitLength() + " bits");
        }
        if (!RSAKeyGenParameterSpec.F4.equals(rsaKey.getPublicExponent())) {
            throw new IllegalArgumentException("RSA public exponent must be 65537, got " + rsaKey.getPublicExponent());
        }
        return UnsignedBytes.of(rsaKey.getModulus(), MODULUS_BYTES);
    }

    @Override
    public PublicKey decode(byte[] raw) {
        if (raw.length != MODULUS_BYTES) {
            throw new IllegalArgumentException("an RSA-2048 public key is the " + MODULUS_BYTES
                    + "-byte modulus, got " + raw.length + " bytes");
        }
        if ((raw[0] & 0x80) == 0) {
            throw new IllegalArgumentException("not an RSA-2048 modulus: its top bit is clear");
        }
        if ((raw[MODULUS_BYTES - 1] & 1) == 0) {
            throw new IllegalArgumentException("not an RSA modulus: it is even");
        }
        try {
            return keyFactories.get().generatePublic(new RSAPublicKeySpec(new BigInteger(1, raw), RSAKeyGenParameterSpec.F4));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA-2048 public key: " + e.getMessage(), e);
        }
    }

    @Override
    public PrivateKey privateKey(byte[] pkcs8) {
        return JcaEngines.pkcs8PrivateKey(keyFactories, pkcs8, "RSA");
    }

    @Override
    public KeyPair generate(SecureRandom random) {
        KeyPairGenerator generator = JcaEngines.keyPairGenerator("RSA", keyProvider);
        try {
            generator.initialize(new RSAKeyGenParameterSpec(MODULUS_BITS, RSAKeyGenParameterSpec.F4), random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(keyProvider.getName() + " cannot generate RSA-2048 keys", e);
        }
        return generator.generateKeyPair();
    }
}
