package org.ppay.core.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;
import java.security.Security;
import java.util.function.Supplier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.conscrypt.Conscrypt;

/**
 * Resolves each provider once per JVM as a {@link Provider} object for {@code getInstance(algorithm, provider)}.
 * The global provider list is only read (for the JDK's own providers), never changed. A native provider that cannot
 * load becomes an unavailable {@link LoadedProvider} carrying the reason, never an exception.
 */
final class ProviderLoader {

    private ProviderLoader() {
    }

    private static final class BouncyCastle {
        static final LoadedProvider INSTANCE = loadBouncyCastle();
    }

    private static final class ConscryptHolder {
        static final LoadedProvider INSTANCE = loadConscrypt();
    }

    private static final class Accp {
        static final LoadedProvider INSTANCE = loadAccp();
    }

    /** SunEC for Ed25519 and ECDSA, SunRsaSign for RSA. */
    static LoadedProvider jdk(SignatureAlgorithm algorithm) {
        String name = algorithm == SignatureAlgorithm.RSA2048 ? "SunRsaSign" : "SunEC";
        String description = name + " (JDK " + System.getProperty("java.version") + ")";
        Provider provider = Security.getProvider(name);
        return provider == null
                ? LoadedProvider.unavailable("jdk", description, "this JDK has no " + name + " provider installed")
                : LoadedProvider.loaded("jdk", provider, description);
    }

    static LoadedProvider bouncyCastle() {
        return BouncyCastle.INSTANCE;
    }

    static LoadedProvider conscrypt() {
        return ConscryptHolder.INSTANCE;
    }

    static LoadedProvider accp() {
        return Accp.INSTANCE;
    }

    private static LoadedProvider loadBouncyCastle() {
        return guarded("bc", "Bouncy Castle", () -> {
            Provider provider = new BouncyCastleProvider();
            return LoadedProvider.loaded("bc", provider, "BC " + provider.getVersionStr());
        });
    }

    private static LoadedProvider loadConscrypt() {
        return guarded("conscrypt", "Conscrypt", () -> {
            if (!Conscrypt.isAvailable()) {
                try {
                    Conscrypt.checkAvailability();
                } catch (LinkageError | RuntimeException e) {
                    return LoadedProvider.unavailable("conscrypt", "Conscrypt",
                            "Conscrypt's native library (BoringSSL) did not load: " + describe(e));
                }
                return LoadedProvider.unavailable("conscrypt", "Conscrypt", "Conscrypt reports itself unavailable");
            }
            Conscrypt.Version version = Conscrypt.version();
            String description = "Conscrypt " + version.major() + "." + version.minor() + "." + version.patch()
                    + " (BoringSSL)";
            return LoadedProvider.loaded("conscrypt", Conscrypt.newProvider(), description);
        });
    }

    private static LoadedProvider loadAccp() {
        return guarded("accp", "AmazonCorrettoCryptoProvider", () -> {
            AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
            String description = "AmazonCorrettoCryptoProvider " + provider.getVersionStr() + " (AWS-LC)";
            Throwable loadingError = provider.getLoadingError();
            if (loadingError != null) {
                return LoadedProvider.unavailable("accp", description,
                        "ACCP's native library (AWS-LC) did not load: " + describe(loadingError));
            }
            provider.assertHealthy();
            return LoadedProvider.loaded("accp", provider, description);
        });
    }

    /**
     * Runs a provider's loader, turning what a provider throws while loading (a missing native library, a class that
     * fails to initialise, failed self-tests) into an unavailable provider that carries the reason.
     */
    static LoadedProvider guarded(String shortName, String description, Supplier<LoadedProvider> loader) {
        try {
            return loader.get();
        } catch (LinkageError | RuntimeException e) {
            return LoadedProvider.unavailable(shortName, description, description + " failed to load: " + describe(e));
        }
    }

    /** The exception and its root cause, in one line. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        if (root != error) {
            text += " (caused by " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
        }
        return text;
    }
}
