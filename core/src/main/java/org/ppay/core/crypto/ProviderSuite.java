package org.ppay.core.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * What every suite on a real provider does the same way: its name, its keys through a {@link KeyCodec}, and the
 * checks on its input. Slices are range-checked before the provider sees them, and a verify never throws for a
 * malformed key or signature: null, misplaced, non-canonical ({@link SignaturePrecheck}) or refused by the provider
 * in any way is simply not valid. Every signature made is put in the canonical form (ECDSA: low S) here, whatever
 * the provider. A subclass only signs and verifies input that has passed these checks.
 */
abstract class ProviderSuite implements SignatureSuite {

    private final SuiteIdentity identity;
    private final KeyCodec keys;
    private final SignaturePrecheck precheck;

    ProviderSuite(SuiteIdentity identity, KeyCodec keys) {
        this.identity = identity;
        this.keys = keys;
        this.precheck = SignaturePrecheck.of(identity.algorithm());
    }

    /**
     * Signs {@code message[offset, offset + length)} into {@code signatureOut[signatureOffset]}; both ranges are
     * already checked. Throws {@link IllegalArgumentException} naming the suite for a key it cannot sign with.
     */
    abstract void signChecked(PrivateKey key, byte[] message, int offset, int length, byte[] signatureOut,
            int signatureOffset);

    /**
     * Verifies a plausible signature that lies inside its array over a message slice inside its array, with a
     * non-null public key. May throw for a malformed key or signature: the caller reads that as not valid.
     */
    abstract boolean verifyChecked(byte[] publicKey, byte[] message, int offset, int length, byte[] signature,
            int signatureOffset) throws GeneralSecurityException;

    final KeyCodec keys() {
        return keys;
    }

    @Override
    public final String name() {
        return identity.name();
    }

    @Override
    public final SignatureAlgorithm algorithm() {
        return identity.algorithm();
    }

    @Override
    public final String providerName() {
        return identity.providerName();
    }

    @Override
    public final String providerDescription() {
        return identity.providerDescription();
    }

    @Override
    public final int signatureLength() {
        return identity.algorithm().signatureLength();
    }

    @Override
    public final KeyPair generateKeyPair(SecureRandom random) {
        return keys.generate(Objects.requireNonNull(random, "random"));
    }

    @Override
    public final byte[] publicKeyBytes(PublicKey key) {
        return keys.encode(key);
    }

    @Override
    public final PublicKey publicKey(byte[] rawPublicKey) {
        return keys.decode(Objects.requireNonNull(rawPublicKey, "rawPublicKey"));
    }

    @Override
    public final PrivateKey privateKey(byte[] pkcs8PrivateKey) {
        return keys.privateKey(Objects.requireNonNull(pkcs8PrivateKey, "pkcs8PrivateKey"));
    }

    @Override
    public final byte[] sign(PrivateKey key, byte[] message) {
        byte[] signature = new byte[signatureLength()];
        sign(key, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public final void sign(PrivateKey key, byte[] message, int offset, int length, byte[] signatureOut,
            int signatureOffset) {
        Objects.checkFromIndexSize(offset, length, message.length);
        Objects.checkFromIndexSize(signatureOffset, signatureLength(), signatureOut.length);
        signChecked(key, message, offset, length, signatureOut, signatureOffset);
        precheck.canonicalise(signatureOut, signatureOffset);
    }

    @Override
    public final boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return signature != null && signature.length == signatureLength()
                && verify(publicKey, message, 0, message.length, signature, 0);
    }

    @Override
    public final boolean verify(byte[] publicKey, byte[] message, int offset, int length, byte[] signature,
            int signatureOffset) {
        Objects.checkFromIndexSize(offset, length, message.length);
        if (publicKey == null || signature == null || signatureOffset < 0
                || signatureOffset > signature.length - signatureLength()
                || !precheck.plausible(signature, signatureOffset)) {
            return false;
        }
        try {
            return verifyChecked(publicKey, message, offset, length, signature, signatureOffset);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A malformed key or signature is not valid; providers report that in many ways.
            return false;
        }
    }

    @Override
    public final String toString() {
        return name();
    }
}
