package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A signature made by one suite, altered in every single bit, is rejected by every suite of its algorithm. */
class TamperingTest {

    private record Signed(byte[] publicKey, byte[] message, byte[] signature) {
    }

    private static Signed signed(SignatureAlgorithm algorithm, List<SignatureSuite> suites) {
        SignatureSuite signer = suites.get(0);
        KeyPair keys = TestSuites.keyPair(signer);
        byte[] message = new byte[16];
        new SplittableRandom(algorithm.ordinal()).nextBytes(message);
        byte[] publicKey = signer.publicKeyBytes(keys.getPublic());
        byte[] signature = signer.sign(keys.getPrivate(), message);
        for (SignatureSuite verifier : suites) {
            assertTrue(verifier.verify(publicKey, message, signature), verifier.name() + " rejects the untouched signature");
        }
        return new Signed(publicKey, message, signature);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#algorithms")
    void shouldRejectEverySingleBitFlipOfTheSignature(SignatureAlgorithm algorithm, List<SignatureSuite> suites) {
        Signed signed = signed(algorithm, suites);
        List<String> accepted = new ArrayList<>();
        for (int bit = 0; bit < signed.signature().length * 8; bit++) {
            byte[] flipped = flip(signed.signature(), bit);
            for (SignatureSuite verifier : suites) {
                if (verifier.verify(signed.publicKey(), signed.message(), flipped)) {
                    accepted.add(verifier.name() + " bit " + bit);
                }
            }
        }
        assertTrue(accepted.isEmpty(), "accepted altered signatures: " + accepted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#algorithms")
    void shouldRejectEverySingleBitFlipOfTheMessage(SignatureAlgorithm algorithm, List<SignatureSuite> suites) {
        Signed signed = signed(algorithm, suites);
        for (int bit = 0; bit < signed.message().length * 8; bit++) {
            byte[] flipped = flip(signed.message(), bit);
            for (SignatureSuite verifier : suites) {
                assertFalse(verifier.verify(signed.publicKey(), flipped, signed.signature()), verifier.name() + " bit " + bit);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#algorithms")
    void shouldRejectSingleBitFlipsOfThePublicKey(SignatureAlgorithm algorithm, List<SignatureSuite> suites) {
        Signed signed = signed(algorithm, suites);
        // Every bit of an elliptic-curve key; every 7th bit of an RSA modulus, which still reaches every byte.
        int stride = signed.publicKey().length > 65 ? 7 : 1;
        for (int bit = 0; bit < signed.publicKey().length * 8; bit += stride) {
            byte[] flipped = flip(signed.publicKey(), bit);
            for (SignatureSuite verifier : suites) {
                assertFalse(verifier.verify(flipped, signed.message(), signed.signature()), verifier.name() + " bit " + bit);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#algorithms")
    void shouldRejectASignatureUnderAnotherKey(SignatureAlgorithm algorithm, List<SignatureSuite> suites) {
        Signed signed = signed(algorithm, suites);
        SignatureSuite other = suites.get(suites.size() - 1);
        byte[] otherKey = other.publicKeyBytes(other.generateKeyPair(TestSuites.seeded(99)).getPublic());
        for (SignatureSuite verifier : suites) {
            assertFalse(verifier.verify(otherKey, signed.message(), signed.signature()), verifier.name());
        }
    }

    private static byte[] flip(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
