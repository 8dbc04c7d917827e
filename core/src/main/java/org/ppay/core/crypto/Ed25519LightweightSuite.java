package org.ppay.core.crypto;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 on Bouncy Castle's lightweight API ({@code math.ec.rfc8032}), without the JCA: no engine state, no key
 * translation. Keys are Bouncy Castle provider key objects; signing remembers, per thread, the seed and public key
 * of the last private key it saw, since a signer uses one key for many messages.
 */
final class Ed25519LightweightSuite implements SignatureSuite {

    /** The seed and public key of one private key, extracted once. */
    private record SigningKey(PrivateKey key, byte[] seed, byte[] publicKey) {
    }

    private final SuiteIdentity identity;
    private final Ed25519Keys keys;
    private final ThreadLocal<SigningKey> lastSigningKey = new ThreadLocal<>();
    private final PublicKeyCache<Ed25519.PublicPoint> publicPoints = new PublicKeyCache<>(PublicKeyCache.DEFAULT_SLOTS);

    Ed25519LightweightSuite(SuiteIdentity identity, Ed25519Keys keys) {
        this.identity = identity;
        this.keys = keys;
    }

    @Override
    public String name() {
        return identity.name();
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.ED25519;
    }

    @Override
    public String providerName() {
        return identity.providerName();
    }

    @Override
    public String providerDescription() {
        return identity.providerDescription();
    }

    @Override
    public int signatureLength() {
        return Ed25519Encoding.SIGNATURE_BYTES;
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        return keys.generate(Objects.requireNonNull(random, "random"));
    }

    @Override
    public byte[] publicKeyBytes(PublicKey key) {
        return keys.encode(key);
    }

    @Override
    public PublicKey publicKey(byte[] rawPublicKey) {
        return keys.decode(Objects.requireNonNull(rawPublicKey, "rawPublicKey"));
    }

    @Override
    public PrivateKey privateKey(byte[] pkcs8PrivateKey) {
        return keys.privateKey(Objects.requireNonNull(pkcs8PrivateKey, "pkcs8PrivateKey"));
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        byte[] signature = new byte[Ed25519Encoding.SIGNATURE_BYTES];
        sign(key, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public void sign(PrivateKey key, byte[] message, int offset, int length, byte[] signatureOut, int signatureOffset) {
        Objects.checkFromIndexSize(offset, length, message.length);
        Objects.checkFromIndexSize(signatureOffset, Ed25519Encoding.SIGNATURE_BYTES, signatureOut.length);
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
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return signature != null && signature.length == Ed25519Encoding.SIGNATURE_BYTES
                && verify(publicKey, message, 0, message.length, signature, 0);
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, int offset, int length, byte[] signature,
            int signatureOffset) {
        Objects.checkFromIndexSize(offset, length, message.length);
        if (publicKey == null || signature == null || signatureOffset < 0
                || signatureOffset > signature.length - Ed25519Encoding.SIGNATURE_BYTES
                || !Ed25519Encoding.hasCanonicalScalar(signature, signatureOffset)) {
            return false;
        }
        try {
            Ed25519.PublicPoint point = publicPoints.get(publicKey, Ed25519Encoding::requireValidPublicKey);
            return Ed25519.verify(signature, signatureOffset, point, message, offset, length);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
