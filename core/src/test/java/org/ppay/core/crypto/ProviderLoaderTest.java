package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A provider that cannot load is an unavailable provider with the reason, never an exception. */
class ProviderLoaderTest {

    @Test
    void shouldTurnAMissingNativeLibraryIntoAReason() {
        LoadedProvider accp = ProviderLoader.guarded("accp", "AmazonCorrettoCryptoProvider", () -> {
            throw new UnsatisfiedLinkError("no amazonCorrettoCryptoProvider in java.library.path");
        });

        assertFalse(accp.isLoaded());
        assertTrue(accp.unavailableReason().contains("UnsatisfiedLinkError: no amazonCorrettoCryptoProvider"),
                accp.unavailableReason());
    }

    @Test
    void shouldNameTheRootCauseOfAFailedInitialisation() {
        LoadedProvider conscrypt = ProviderLoader.guarded("conscrypt", "Conscrypt", () -> {
            throw new ExceptionInInitializerError(new IllegalStateException("BoringSSL self-test failed"));
        });

        assertTrue(conscrypt.unavailableReason().contains("caused by IllegalStateException: BoringSSL self-test failed"),
                conscrypt.unavailableReason());
    }

    @Test
    void shouldListEverySuiteOfAnUnloadableProviderAsUnavailableWithItsReason() {
        LoadedProvider broken = LoadedProvider.unavailable("accp", "AmazonCorrettoCryptoProvider", "no native library");

        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            SuiteFactory.Candidate candidate = SuiteFactory.jca(algorithm, broken);

            assertNull(candidate.suite());
            assertFalse(candidate.status().available());
            assertEquals("no native library", candidate.status().reason());
            assertEquals(algorithm.label() + "-accp", candidate.status().name());
        }
    }
}
