package org.ppay.core.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Objects;

/** A suite on a {@link Provider} through the JCA {@link Signature} API, with per-thread engines. */
final class JcaSignatureSuite implements SignatureSuite {

    private final SuiteIdentity identity;
    private final KeyCodec keys;
    private final SignatureEncoding encoding;
    private final SignaturePrecheck precheck;
    private final ThreadLocal<Signature> engines;
    private final PublicKeyCache<PublicKey> publicKeys = new PublicKeyCache<>(PublicKeyCache.DEFAULT_SLOTS);

    JcaSignatureSuite(SuiteIdentity identity, Provider provider, String jcaAlgorithm, KeyCodec keys,
            SignatureEncoding encoding) {
        this.identity = identity;
        this.keys = keys;
        this.encoding = encoding;
        this.precheck = SignaturePrecheck.of(identity.algorithm());
        this.engines = JcaEngines.signatures(jcaAlgorithm, provider);
    }

    @Override
    public String name() {
        return identity.name();
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return identity.algorithm();
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
        return identity.algorithm().signatureLength();
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
        byte[] signature = new byte[signatureLength()];
        sign(key, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public void sign(PrivateKey key, byte[] message, int offset, int length, byte[] signatureOut, int signatureOffset) {
        Objects.checkFromIndexSize(offset, length, message.length);
        Objects.checkFromIndexSize(signatureOffset, signatureLength(), signatureOut.length);
        Signature engine = engines.get();
        try {
            initSign(engine, key);
            engine.update(message, offset, length);
            encoding.sign(engine, signatureOut, signatureOffset, signatureLength());
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException(name() + " cannot sign with this key ("
                    + (key == null ? "null" : key.getAlgorithm() + " " + key.getClass().getName()) + "): "
                    + e.getMessage(), e);
        } catch (SignatureException e) {
            throw new IllegalStateException(name() + " failed to sign: " + e.getMessage(), e);
        }
    }

    /**
     * Some providers refuse another provider's key objects (ACCP wants its Ed25519 keys called "EdDSA"); such a key
     * is re-read through this suite's own key factory from its PKCS#8 encoding. Own keys take the direct path.
     */
    private void initSign(Signature engine, PrivateKey key) throws InvalidKeyException {
        try {
            engine.initSign(key);
        } catch (InvalidKeyException refused) {
            byte[] pkcs8 = key == null || !"PKCS#8".equals(key.getFormat()) ? null : key.getEncoded();
            if (pkcs8 == null) {
                throw refused;
            }
            PrivateKey translated;
            try {
                translated = keys.privateKey(pkcs8);
            } catch (IllegalArgumentException e) {
                throw refused;
            }
            engine.initSign(translated);
        }
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return signature != null && signature.length == signatureLength()
                && verify(publicKey, message, 0, message.length, signature, 0);
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, int offset, int length, byte[] signature,
            int signatureOffset) {
        Objects.checkFromIndexSize(offset, length, message.length);
        if (publicKey == null || signature == null || signatureOffset < 0
                || signatureOffset > signature.length - signatureLength()
                || !precheck.plausible(signature, signatureOffset)) {
            return false;
        }
        try {
            PublicKey key = publicKeys.get(publicKey, keys::decode);
            Signature engine = engines.get();
            engine.initVerify(key);
            engine.update(message, offset, length);
            return encoding.verify(engine, signature, signatureOffset, signatureLength());
        } catch (GeneralSecurityException | RuntimeException e) {
            // A malformed key or signature is not valid; providers report that in many ways.
            return false;
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
