package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class SignatureSuitesTest {

    @Test
    void shouldListEveryAlgorithmOnEveryProviderOnce() {
        List<String> expected = new ArrayList<>();
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            for (String provider : SignatureSuites.PROVIDER_NAMES) {
                expected.add(algorithm.label() + "-" + provider);
            }
        }

        assertEquals(expected, SignatureSuites.all().stream().map(SuiteStatus::name).toList());
    }

    @Test
    void shouldGiveAReasonForEveryUnavailableSuiteAndNoneForAnAvailableOne() {
        for (SuiteStatus status : SignatureSuites.all()) {
            assertEquals(status.available(), status.reason().isEmpty(), status.name() + ": " + status.reason());
            assertFalse(status.providerDescription().isBlank(), status.name());
        }
    }

    @Test
    void shouldBuildASeparateInstanceWhoseSignaturesTheSharedOneAccepts() {
        for (SignatureSuite shared : SignatureSuites.available()) {
            SignatureSuite separate = SignatureSuite.separate(shared.name());
            assertNotSame(shared, separate, shared.name());
            assertEquals(shared.name(), separate.name());
            java.security.KeyPair pair = separate.generateKeyPair(new java.security.SecureRandom());
            byte[] message = "a coin".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(shared.verify(shared.publicKeyBytes(pair.getPublic()), message,
                    separate.sign(pair.getPrivate(), message)), shared.name() + ": separate signs, shared verifies");
            assertTrue(separate.verify(separate.publicKeyBytes(pair.getPublic()), message,
                    shared.sign(pair.getPrivate(), message)), shared.name() + ": shared signs, separate verifies");
        }
        assertThrows(IllegalArgumentException.class, () -> SignatureSuite.separate("ed25519-nosuch"));
    }

    @Test
    void shouldResolveEveryAvailableSuiteByItsName() {
        for (SuiteStatus status : SignatureSuites.all()) {
            if (status.available()) {
                SignatureSuite suite = SignatureSuite.of(status.name());
                assertEquals(status.name(), suite.name());
                assertEquals(status.algorithm(), suite.algorithm());
                assertEquals(status.providerName(), suite.providerName());
                assertEquals(status.algorithm().signatureLength(), suite.signatureLength());
                assertSame(suite, SignatureSuite.of(status.name()));
            }
        }
        assertEquals(SignatureSuites.available(), SignatureSuite.available());
    }

    @Test
    void shouldRejectAnUnknownNameListingTheAvailableSuites() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SignatureSuite.of("ed448-jdk"));

        assertTrue(error.getMessage().contains("unknown signature suite 'ed448-jdk'"), error.getMessage());
        assertTrue(error.getMessage().contains("ed25519-jdk"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SignatureSuite.of(null));
    }

    @Test
    void shouldRejectAnUnavailableNameWithItsReason() {
        SuiteStatus lightweightRsa = status("rsa2048-bclw");
        assertFalse(lightweightRsa.available());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SignatureSuite.of("rsa2048-bclw"));

        assertTrue(error.getMessage().contains("is unavailable: " + lightweightRsa.reason()), error.getMessage());
        assertTrue(error.getMessage().contains("available here: "), error.getMessage());
    }

    @Test
    void shouldOfferTheLightweightApiForEd25519Only() {
        assertTrue(status("ed25519-bclw").available());
        assertFalse(status("ecdsa-p256-bclw").available());
        assertTrue(status("ecdsa-p256-bclw").reason().contains("ecdsa-p256-bc"));
    }

    @Test
    void shouldAlwaysHaveTheJdkAndBouncyCastleSuites() {
        Set<String> available = new HashSet<>(SignatureSuites.available().stream().map(SignatureSuite::name).toList());

        assertTrue(available.containsAll(List.of("ed25519-jdk", "ecdsa-p256-jdk", "rsa2048-jdk",
                "ed25519-bc", "ecdsa-p256-bc", "rsa2048-bc", "ed25519-bclw")), available.toString());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    @EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64")
    void shouldLoadTheNativeProvidersOnLinuxX86() {
        for (String name : List.of("ecdsa-p256-conscrypt", "rsa2048-conscrypt", "ed25519-accp", "ecdsa-p256-accp",
                "rsa2048-accp")) {
            SuiteStatus status = status(name);
            assertTrue(status.available(), name + ": " + status.reason());
        }
    }

    @Test
    void shouldExplainThatConscryptHasNoEd25519() {
        SuiteStatus status = status("ed25519-conscrypt");

        assertFalse(status.available());
        assertTrue(status.reason().contains("Ed25519") || status.reason().contains("Conscrypt"), status.reason());
    }

    private static SuiteStatus status(String name) {
        return SignatureSuites.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
