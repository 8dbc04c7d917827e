package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Results name their suite; the algorithm, and so the signature length, is read back from that name. */
class SignatureAlgorithmTest {

    @Test
    void shouldReadTheAlgorithmOfEverySuiteName() {
        assertEquals(SignatureAlgorithm.ED25519, SignatureAlgorithm.ofSuiteName("ed25519-bclw"));
        assertEquals(SignatureAlgorithm.ECDSA_P256, SignatureAlgorithm.ofSuiteName("ecdsa-p256-conscrypt"));
        assertEquals(SignatureAlgorithm.RSA2048, SignatureAlgorithm.ofSuiteName("rsa2048-accp"));
        assertEquals(SignatureAlgorithm.ED25519, SignatureAlgorithm.ofSuiteName(new CountingSuite().name()));
        for (SignatureSuite suite : SignatureSuite.available()) {
            assertEquals(suite.algorithm(), SignatureAlgorithm.ofSuiteName(suite.name()), suite.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed448-bc", "ed25519", "ecdsa-jdk", "", "rsa2048accp"})
    void shouldRefuseANameThatStartsWithNoAlgorithm(String name) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignatureAlgorithm.ofSuiteName(name));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }
}
