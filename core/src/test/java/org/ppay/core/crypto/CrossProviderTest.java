package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrossProviderTest {

    @ParameterizedTest(name = "signed by {0}, verified by {1}")
    @MethodSource("org.ppay.core.crypto.TestSuites#signerVerifierPairs")
    void shouldVerifyWhatAnotherProviderSigned(SignatureSuite signer, SignatureSuite verifier) {
        KeyPair keys = TestSuites.keyPair(signer);
        byte[] message = ("coin 42 from " + signer.name()).getBytes(StandardCharsets.US_ASCII);

        byte[] signature = signer.sign(keys.getPrivate(), message);

        assertEquals(signer.signatureLength(), signature.length);
        assertTrue(verifier.verify(signer.publicKeyBytes(keys.getPublic()), message, signature));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#all")
    void shouldWriteTheSameRawPublicKeyAsEveryOtherSuiteReadsIt(SignatureSuite suite) {
        byte[] raw = suite.publicKeyBytes(TestSuites.keyPair(suite).getPublic());

        for (SignatureSuite other : SignatureSuites.available(suite.algorithm())) {
            assertArrayEquals(raw, other.publicKeyBytes(other.publicKey(raw)), other.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#all")
    void shouldSignTheSameBytesAsEveryProviderWhenTheAlgorithmIsDeterministic(SignatureSuite suite) {
        if (suite.algorithm() == SignatureAlgorithm.ECDSA_P256) {
            return; // ECDSA draws a fresh nonce per signature
        }
        KeyPair keys = TestSuites.keyPair(suite);
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        byte[] message = new byte[100];
        new SplittableRandom(7).nextBytes(message);
        byte[] expected = suite.sign(keys.getPrivate(), message);

        List<SignatureSuite> others = SignatureSuites.available(suite.algorithm());
        for (SignatureSuite other : others) {
            assertArrayEquals(expected, other.sign(other.privateKey(pkcs8), message), other.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#all")
    void shouldSignAndVerifyASliceOfALargerBuffer(SignatureSuite suite) {
        KeyPair keys = TestSuites.keyPair(suite);
        byte[] publicKey = suite.publicKeyBytes(keys.getPublic());
        byte[] buffer = new byte[200];
        new SplittableRandom(11).nextBytes(buffer);
        byte[] slice = java.util.Arrays.copyOfRange(buffer, 30, 130);
        byte[] out = new byte[suite.signatureLength() + 17];

        suite.sign(keys.getPrivate(), buffer, 30, 100, out, 17);

        byte[] signature = java.util.Arrays.copyOfRange(out, 17, out.length);
        assertTrue(suite.verify(publicKey, slice, signature));
        assertTrue(suite.verify(publicKey, buffer, 30, 100, out, 17));
    }

    @ParameterizedTest(name = "{0} signing with the key objects of {1}")
    @MethodSource("org.ppay.core.crypto.TestSuites#signerVerifierPairs")
    void shouldSignWithAnotherProvidersPrivateKeyObject(SignatureSuite suite, SignatureSuite keyOwner) {
        KeyPair keys = TestSuites.keyPair(keyOwner);
        byte[] message = ("key of " + keyOwner.name()).getBytes(StandardCharsets.US_ASCII);

        byte[] signature = suite.sign(keys.getPrivate(), message);

        assertTrue(keyOwner.verify(keyOwner.publicKeyBytes(keys.getPublic()), message, signature));
    }
}
