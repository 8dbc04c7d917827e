package org.ppay.core.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.util.List;

/** Builds the suite for one algorithm on one provider, or says why that combination cannot exist here. */
final class SuiteFactory {

    /** A suite (null when unavailable) with its status. */
    record Candidate(SuiteStatus status, SignatureSuite suite) {
    }

    /** ECDSA engines that already speak 64-byte r||s, by the names their providers register. */
    private static final List<String> ECDSA_P1363_NAMES = List.of("SHA256withECDSAinP1363Format", "SHA256withPLAIN-ECDSA");

    private SuiteFactory() {
    }

    static Candidate build(SignatureAlgorithm algorithm, String providerName) {
        return switch (providerName) {
            case "jdk" -> jca(algorithm, ProviderLoader.jdk(algorithm));
            case "bc" -> jca(algorithm, ProviderLoader.bouncyCastle());
            case "bclw" -> lightweight(algorithm);
            case "conscrypt" -> jca(algorithm, ProviderLoader.conscrypt());
            case "accp" -> jca(algorithm, ProviderLoader.accp());
            default -> throw new IllegalArgumentException("unknown provider " + providerName);
        };
    }

    private static Candidate lightweight(SignatureAlgorithm algorithm) {
        LoadedProvider bc = ProviderLoader.bouncyCastle();
        SuiteIdentity identity = new SuiteIdentity(algorithm, "bclw",
                bc.isLoaded() ? "Bouncy Castle lightweight API " + bc.provider().getVersionStr() : bc.description());
        if (algorithm != SignatureAlgorithm.ED25519) {
            return unavailable(identity, "bclw is Bouncy Castle's lightweight Ed25519 API (math.ec.rfc8032) only; "
                    + algorithm.label() + " on Bouncy Castle is " + algorithm.label() + "-bc");
        }
        if (!bc.isLoaded()) {
            return unavailable(identity, bc.unavailableReason());
        }
        return available(new Ed25519LightweightSuite(identity, new Ed25519Keys(bc.provider())));
    }

    static Candidate jca(SignatureAlgorithm algorithm, LoadedProvider loaded) {
        SuiteIdentity identity = new SuiteIdentity(algorithm, loaded.shortName(), loaded.description());
        if (!loaded.isLoaded()) {
            return unavailable(identity, loaded.unavailableReason());
        }
        Provider provider = loaded.provider();
        String jcaName = signatureName(algorithm, provider);
        if (jcaName == null) {
            return unavailable(identity, loaded.description() + " provides no " + displayName(algorithm)
                    + " Signature service");
        }
        Provider keyProvider = keyProvider(algorithm, provider);
        if (keyProvider == null) {
            return unavailable(identity, loaded.description() + " provides no " + keyAlgorithm(algorithm)
                    + " KeyFactory and KeyPairGenerator");
        }
        try {
            Signature.getInstance(jcaName, provider);
        } catch (GeneralSecurityException | RuntimeException e) {
            return unavailable(identity, loaded.description() + " lists " + jcaName + " but cannot create it: "
                    + ProviderLoader.describe(e));
        }
        SignatureEncoding encoding = algorithm == SignatureAlgorithm.ECDSA_P256 && !ECDSA_P1363_NAMES.contains(jcaName)
                ? SignatureEncoding.ECDSA_DER : SignatureEncoding.RAW;
        return available(new JcaSignatureSuite(identity, provider, jcaName, keys(algorithm, keyProvider), encoding));
    }

    /** The provider's engine for the algorithm, preferring one that needs no DER conversion; null if none. */
    private static String signatureName(SignatureAlgorithm algorithm, Provider provider) {
        List<String> names = switch (algorithm) {
            case ED25519 -> List.of("Ed25519");
            case ECDSA_P256 -> List.of(ECDSA_P1363_NAMES.get(0), ECDSA_P1363_NAMES.get(1), "SHA256withECDSA");
            case RSA2048 -> List.of("SHA256withRSA");
        };
        for (String name : names) {
            if (JcaEngines.provides(provider, "Signature", name)) {
                return name;
            }
        }
        return null;
    }

    /**
     * The provider's own key classes when it has them. ACCP signs Ed25519 but leaves Ed25519 keys to the JDK (its
     * own generator returns SunEC keys), so an Ed25519 suite falls back to SunEC's key factory.
     */
    private static Provider keyProvider(SignatureAlgorithm algorithm, Provider provider) {
        String keyAlgorithm = keyAlgorithm(algorithm);
        boolean own = JcaEngines.provides(provider, "KeyFactory", keyAlgorithm)
                && (algorithm == SignatureAlgorithm.ED25519 || JcaEngines.provides(provider, "KeyPairGenerator", keyAlgorithm));
        if (own) {
            return provider;
        }
        if (algorithm == SignatureAlgorithm.ED25519) {
            LoadedProvider sunEc = ProviderLoader.jdk(algorithm);
            return sunEc.isLoaded() && JcaEngines.provides(sunEc.provider(), "KeyFactory", keyAlgorithm)
                    ? sunEc.provider() : null;
        }
        return null;
    }

    private static String keyAlgorithm(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> "Ed25519";
            case ECDSA_P256 -> "EC";
            case RSA2048 -> "RSA";
        };
    }

    private static KeyCodec keys(SignatureAlgorithm algorithm, Provider keyProvider) {
        return switch (algorithm) {
            case ED25519 -> new Ed25519Keys(keyProvider);
            case ECDSA_P256 -> new EcdsaP256Keys(keyProvider);
            case RSA2048 -> new Rsa2048Keys(keyProvider);
        };
    }

    private static String displayName(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> "Ed25519";
            case ECDSA_P256 -> "SHA256withECDSA";
            case RSA2048 -> "SHA256withRSA";
        };
    }

    private static Candidate available(SignatureSuite suite) {
        return new Candidate(new SuiteStatus(suite.name(), suite.algorithm(), suite.providerName(),
                suite.providerDescription(), true, ""), suite);
    }

    private static Candidate unavailable(SuiteIdentity identity, String reason) {
        return new Candidate(new SuiteStatus(identity.name(), identity.algorithm(), identity.providerName(),
                identity.providerDescription(), false, reason), null);
    }
}
