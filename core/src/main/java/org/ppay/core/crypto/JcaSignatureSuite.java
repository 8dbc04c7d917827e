package org.ppay.core.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/** A suite on a {@link Provider} through the JCA {@link Signature} API, with per-thread engines. */
final class JcaSignatureSuite extends ProviderSuite {

    private final SignatureEncoding encoding;
    private final ThreadLocal<Signature> engines;
    private final PublicKeyCache<PublicKey> publicKeys = new PublicKeyCache<>(PublicKeyCache.DEFAULT_SLOTS);

    JcaSignatureSuite(SuiteIdentity identity, Provider provider, String jcaAlgorithm, KeyCodec keys,
            SignatureEncoding encoding) {
        super(identity, keys);
        this.encoding = encoding;
        this.engines = JcaEngines.signatures(jcaAlgorithm, provider);
    }

    @Override
    void signChecked(PrivateKey key, byte[] message, int offset, int length, byte[] signatureOut,
            int signatureOffset) {
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
                translated = keys().privateKey(pkcs8);
            } catch (IllegalArgumentException e) {
                throw refused;
            }
            engine.initSign(translated);
        }
    }

    @Override
    boolean verifyChecked(byte[] publicKey, byte[] message, int offset, int length, byte[] signature,
            int signatureOffset) throws GeneralSecurityException {
        PublicKey key = publicKeys.get(publicKey, keys()::decode);
        Signature engine = engines.get();
        engine.initVerify(key);
        engine.update(message, offset, length);
        return encoding.verify(engine, signature, signatureOffset, signatureLength());
    }
}
