package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed keys and signatures are simply invalid: verify says false and never throws. */
class MalformedInputTest {

    private static final byte[] MESSAGE = "pay 1 cent".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#all")
    void shouldRejectMalformedSignatures(SignatureSuite suite) {
        KeyPair keys = TestSuites.keyPair(suite);
        byte[] publicKey = suite.publicKeyBytes(keys.getPublic());
        byte[] good = suite.sign(keys.getPrivate(), MESSAGE);
        int length = suite.signatureLength();

        List<byte[]> bad = new ArrayList<>(List.of(new byte[0], new byte[1], new byte[length],
                filled(length, 0xff), Arrays.copyOf(good, length - 1), Arrays.copyOf(good, length + 1),
                new byte[2 * length]));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            bad.add(randomBytes(random, length));
            bad.add(randomBytes(random, random.nextInt(3 * length)));
        }
        for (byte[] signature : bad) {
            assertFalse(assertDoesNotThrow(() -> suite.verify(publicKey, MESSAGE, signature)),
                    suite.name() + " accepted " + signature.length + " bytes");
        }
        assertFalse(suite.verify(publicKey, MESSAGE, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#all")
    void shouldRejectMalformedPublicKeys(SignatureSuite suite) {
        KeyPair keys = TestSuites.keyPair(suite);
        byte[] good = suite.publicKeyBytes(keys.getPublic());
        byte[] signature = suite.sign(keys.getPrivate(), MESSAGE);

        List<byte[]> bad = new ArrayList<>(List.of(new byte[0], new byte[1], new byte[good.length],
                filled(good.length, 0xff), Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, good.length + 1)));
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 50; i++) {
            bad.add(randomBytes(random, good.length));
            bad.add(randomBytes(random, random.nextInt(300)));
        }
        for (byte[] publicKey : bad) {
            assertFalse(assertDoesNotThrow(() -> suite.verify(publicKey, MESSAGE, signature)),
                    suite.name() + " accepted a " + publicKey.length + "-byte key");
        }
        assertFalse(suite.verify(null, MESSAGE, signature));
        assertTrue(suite.verify(good, MESSAGE, signature), "a rejected key must not poison the good one");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#all")
    void shouldRejectASignatureOffsetOutsideTheBuffer(SignatureSuite suite) {
        KeyPair keys = TestSuites.keyPair(suite);
        byte[] publicKey = suite.publicKeyBytes(keys.getPublic());
        byte[] signature = suite.sign(keys.getPrivate(), MESSAGE);

        assertFalse(suite.verify(publicKey, MESSAGE, 0, MESSAGE.length, signature, 1));
        assertFalse(suite.verify(publicKey, MESSAGE, 0, MESSAGE.length, signature, -1));
        assertTrue(suite.verify(publicKey, MESSAGE, 0, MESSAGE.length, signature, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#all")
    void shouldNameTheProblemWhenDecodingAMalformedKey(SignatureSuite suite) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> suite.publicKey(new byte[5]));
        assertTrue(error.getMessage().contains("5"), error.getMessage());

        assertThrows(IllegalArgumentException.class, () -> suite.privateKey(new byte[] {1, 2, 3}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#all")
    void shouldRefuseToSignWithAKeyOfAnotherAlgorithm(SignatureSuite suite) {
        SignatureSuite other = SignatureSuites.available().stream()
                .filter(s -> s.algorithm() != suite.algorithm() && s.algorithm() != SignatureAlgorithm.RSA2048)
                .findFirst().orElseThrow();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> suite.sign(TestSuites.keyPair(other).getPrivate(), MESSAGE));
        assertTrue(error.getMessage().contains(suite.name()), error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#all")
    void shouldRefuseToEncodeAPublicKeyOfAnotherAlgorithm(SignatureSuite suite) {
        SignatureSuite other = SignatureSuites.available().stream()
                .filter(s -> s.algorithm() != suite.algorithm()).findFirst().orElseThrow();

        assertThrows(IllegalArgumentException.class,
                () -> suite.publicKeyBytes(TestSuites.keyPair(other).getPublic()));
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
