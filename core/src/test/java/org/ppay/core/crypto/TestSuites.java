package org.ppay.core.crypto;

import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The available suites as test parameters, with one key pair per suite (RSA keys are slow to make). */
final class TestSuites {

    private static final Map<String, KeyPair> KEY_PAIRS = new ConcurrentHashMap<>();

    private TestSuites() {
    }

    static Stream<SignatureSuite> all() {
        return SignatureSuites.available().stream();
    }

    static Stream<SignatureSuite> ed25519() {
        return SignatureSuites.available(SignatureAlgorithm.ED25519).stream();
    }

    /** Every (signer, verifier) pair of suites of the same algorithm, including a suite with itself. */
    static Stream<Arguments> signerVerifierPairs() {
        return all().flatMap(signer -> SignatureSuites.available(signer.algorithm()).stream()
                .map(verifier -> Arguments.of(signer, verifier)));
    }

    /** Every algorithm with its available suites. */
    static Stream<Arguments> algorithms() {
        return Stream.of(SignatureAlgorithm.values())
                .map(algorithm -> Arguments.of(algorithm, SignatureSuites.available(algorithm)))
                .filter(arguments -> !((List<?>) arguments.get()[1]).isEmpty());
    }

    static KeyPair keyPair(SignatureSuite suite) {
        return KEY_PAIRS.computeIfAbsent(suite.name(), name -> suite.generateKeyPair(seeded(name.hashCode())));
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
