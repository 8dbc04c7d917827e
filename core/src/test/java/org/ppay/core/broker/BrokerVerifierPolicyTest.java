package org.ppay.core.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ppay.core.crypto.Ed25519BatchVerifier;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureBatch;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.crypto.SignatureSuites;

/**
 * The broker's two verification policies on the 12 adversarial Ed25519 cases of ed25519-speccheck
 * ({@code /ed25519/speccheck-cases.txt}): under {@link BrokerVerifier#batched} a signature gets the batch verifier's
 * strict, cofactored answer alone, in a batch on one thread and on two; under {@link BrokerVerifier#provider} it gets
 * the provider's own answer, alone and in a batch. So within a policy a request's answer does not depend on how it
 * was checked; between them they differ exactly where docs/batch-verification.md says each provider differs.
 */
class BrokerVerifierPolicyTest {

    /** One case: message, key, signature, and the strict policy's answer. */
    private record Case(int index, byte[] message, byte[] key, byte[] signature, boolean strict) {
    }

    static Stream<SignatureSuite> ed25519Suites() {
        return SignatureSuites.available(SignatureAlgorithm.ED25519).stream();
    }

    @ParameterizedTest
    @MethodSource("ed25519Suites")
    void shouldGiveTheBatchVerifiersAnswerAloneAndInABatchUnderTheBatchedPolicy(SignatureSuite suite)
            throws IOException {
        final List<Case> cases = cases();
        final Ed25519BatchVerifier reference = new Ed25519BatchVerifier();
        for (int threads = 1; threads <= 2; threads++) {
            try (BrokerVerifier verifier = BrokerVerifier.batched(suite, threads)) {
                final boolean[] batched = verifyAsBatch(verifier, cases);
                for (Case c : cases) {
                    final boolean alone = verifyAlone(verifier, c);
                    assertEquals(c.strict(), alone, "case " + c.index() + " alone");
                    assertEquals(reference.verifyOne(c.key(), c.message(), c.signature()), alone, "case " + c.index());
                    assertEquals(alone, batched[c.index()], "case " + c.index() + " in a batch on " + threads
                            + " threads");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ed25519Suites")
    void shouldGiveTheProvidersAnswerAloneAndInABatchUnderTheProviderPolicy(SignatureSuite suite) throws IOException {
        final List<Case> cases = cases();
        try (BrokerVerifier verifier = BrokerVerifier.provider(suite)) {
            final boolean[] batched = verifyAsBatch(verifier, cases);
            for (Case c : cases) {
                final boolean provider = suite.verify(c.key(), c.message(), c.signature());
                assertEquals(provider, verifyAlone(verifier, c), "case " + c.index() + " alone");
                assertEquals(provider, batched[c.index()], "case " + c.index() + " in a batch");
            }
        }
    }

    /** The broker checks a signed part of a buffer: the message followed by its signature. */
    private static boolean verifyAlone(BrokerVerifier verifier, Case c) {
        final byte[] signed = signed(c);
        return verifier.verifyOne(c.key(), signed, 0, c.message().length);
    }

    private static boolean[] verifyAsBatch(BrokerVerifier verifier, List<Case> cases) {
        final SignatureBatch batch = new SignatureBatch(cases.size());
        for (Case c : cases) {
            final byte[] signed = signed(c);
            batch.add(c.key(), 0, c.key().length, signed, 0, c.message().length, signed, c.message().length,
                    c.signature().length);
        }
        final boolean[] results = new boolean[cases.size()];
        verifier.verify(batch, results);
        return results;
    }

    private static byte[] signed(Case c) {
        final byte[] signed = new byte[c.message().length + c.signature().length];
        System.arraycopy(c.message(), 0, signed, 0, c.message().length);
        System.arraycopy(c.signature(), 0, signed, c.message().length, c.signature().length);
        return signed;
    }

    private static List<Case> cases() throws IOException {
        final List<Case> cases = new ArrayList<>();
        try (InputStream in = BrokerVerifierPolicyTest.class.getResourceAsStream("/ed25519/speccheck-cases.txt")) {
            if (in == null) {
                throw new IOException("test resource /ed25519/speccheck-cases.txt is missing");
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                final String[] f = line.trim().split("\\s+");
                final HexFormat hex = HexFormat.of();
                cases.add(new Case(Integer.parseInt(f[0]), hex.parseHex(f[1]), hex.parseHex(f[2]),
                        hex.parseHex(f[3]), f[4].equals("accept")));
            }
        }
        assertEquals(12, cases.size(), "the 12 speccheck cases");
        return cases;
    }
}
