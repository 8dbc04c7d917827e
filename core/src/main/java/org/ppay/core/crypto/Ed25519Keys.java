package org.ppay.core.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 keys as one provider's key objects. A key pair is made from a 32-byte seed drawn from the caller's
 * random source, so a seeded {@link SecureRandom} gives the same keys on every provider (a native provider's own
 * generator would ignore it).
 */
final class Ed25519Keys implements KeyCodec {

    private final ThreadLocal<KeyFactory> keyFactories;

    Ed25519Keys(Provider keyProvider) {
        this.keyFactories = JcaEngines.keyFactories("Ed25519", keyProvider);
    }

    @Override
    public byte[] encode(PublicKey key) {
        if (key == null) {
            throw new IllegalArgumentException("not an Ed25519 public key: null");
        }
        return Ed25519Encoding.rawFromX509(key.getEncoded());
    }

    @Override
    public PublicKey decode(byte[] raw) {
        Ed25519Encoding.requireValidPublicKey(raw);
        try {
            return keyFactories.get().generatePublic(new X509EncodedKeySpec(Ed25519Encoding.x509(raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    @Override
    public PrivateKey privateKey(byte[] pkcs8) {
        return JcaEngines.pkcs8PrivateKey(keyFactories, pkcs8, "Ed25519");
    }

    @Override
    public KeyPair generate(SecureRandom random) {
        byte[] seed = new byte[Ed25519Encoding.SEED_BYTES];
        random.nextBytes(seed);
        byte[] publicKey = new byte[Ed25519Encoding.PUBLIC_KEY_BYTES];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        return new KeyPair(decode(publicKey), privateKey(Ed25519Encoding.pkcs8(seed)));
    }
}
