package org.ppay.core.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;

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

    static boolean provides(Provider provider, String type, String algorithm) {
        return provider.getService(type, algorithm) != null;
    }
}
