package org.ppay.core.crypto;

import java.security.PrivateKey;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 on Bouncy Castle's lightweight API ({@code math.ec.rfc8032}), without the JCA: no engine state, no key
 * translation. Keys are Bouncy Castle provider key objects; signing remembers, per thread, the seed and public key
 * of the last private key it saw, since a signer uses one key for many messages.
 */
final class Ed25519LightweightSuite extends ProviderSuite {

    /** The seed and public key of one private key, extracted once. */
    private record SigningKey(PrivateKey key, byte[] seed, byte[] publicKey) {
    }

    private final ThreadLocal<SigningKey> lastSigningKey = new ThreadLocal<>();
    private final PublicKeyCache<Ed25519.PublicPoint> publicPoints = new PublicKeyCache<>(PublicKeyCache.DEFAULT_SLOTS);

    Ed25519LightweightSuite(SuiteIdentity identity, Ed25519Keys keys) {
        super(identity, keys);
    }

    @Override
    void signChecked(PrivateKey key, byte[] message, int offset, int length, byte[] signatureOut,
            int signatureOffset) {
        SigningKey signing = signingKey(key);
        Ed25519.sign(signing.seed(), 0, signing.publicKey(), 0, message, offset, length, signatureOut, signatureOffset);
    }

    private SigningKey signingKey(PrivateKey key) {
        SigningKey last = lastSigningKey.get();
        if (last != null && last.key() == key) {
            return last;
        }
        byte[] seed;
        try {
            seed = Ed25519Encoding.seedOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name() + " cannot sign with this key: " + e.getMessage(), e);
        }
        byte[] publicKey = new byte[Ed25519Encoding.PUBLIC_KEY_BYTES];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        SigningKey signing = new SigningKey(key, seed, publicKey);
        lastSigningKey.set(signing);
        return signing;
    }

    @Override
    boolean verifyChecked(byte[] publicKey, byte[] message, int offset, int length, byte[] signature,
            int signatureOffset) {
        Ed25519.PublicPoint point = publicPoints.get(publicKey, Ed25519Encoding::requireValidPublicKey);
        return Ed25519.verify(signature, signatureOffset, point, message, offset, length);
    }
}
