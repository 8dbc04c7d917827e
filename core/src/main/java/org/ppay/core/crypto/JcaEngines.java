package org.ppay.core.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;

/** Per-thread JCA engines: a hot path pays {@code getInstance} once per thread, never per operation. */
final class JcaEngines {

    private JcaEngines() {
    }

    static ThreadLocal<Signature> signatures(String algorithm, Provider provider) {
        return ThreadLocal.withInitial(() -> {
            try {
                return Signature.getInstance(algorithm, provider);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(provider.getName() + " lost its " + algorithm + " Signature", e);
            }
        });
    }

    static ThreadLocal<KeyFactory> keyFactories(String algorithm, Provider provider) {
        return ThreadLocal.withInitial(() -> {
            try {
                return KeyFactory.getInstance(algorithm, provider);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(provider.getName() + " lost its " + algorithm + " KeyFactory", e);
            }
        });
    }

    static KeyPairGenerator keyPairGenerator(String algorithm, Provider provider) {
        try {
            return KeyPairGenerator.getInstance(algorithm, provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(provider.getName() + " lost its " + algorithm + " KeyPairGenerator", e);
        }
    }

    /**
     * The private key for PKCS#8 bytes through this thread's key factory; {@link IllegalArgumentException} naming
     * {@code keyName} (e.g. {@code RSA}) when the bytes are not such a key.
     */
    static PrivateKey pkcs8PrivateKey(ThreadLocal<KeyFactory> keyFactories, byte[] pkcs8, String keyName) {
        try {
            return keyFactories.get().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#8 " + keyName + " private key: " + e.getMessage(), e);
        }
    }

    static boolean provides(Provider provider, String type, String algorithm) {
        return provider.getService(type, algorithm) != null;
    }
}
