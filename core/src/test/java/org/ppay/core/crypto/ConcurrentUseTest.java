package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One suite instance serves many threads: each has its own engines, and the key cache is shared safely. */
class ConcurrentUseTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 25;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#all")
    void shouldSignAndVerifyFromSeveralThreadsAtOnce(SignatureSuite suite) throws Exception {
        List<KeyPair> signers = List.of(TestSuites.keyPair(suite), suite.generateKeyPair(TestSuites.seeded(17)));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int correct = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        KeyPair keys = signers.get((thread + round) % signers.size());
                        KeyPair other = signers.get((thread + round + 1) % signers.size());
                        byte[] message = ("thread " + thread + " round " + round).getBytes();
                        byte[] signature = suite.sign(keys.getPrivate(), message);
                        boolean good = suite.verify(suite.publicKeyBytes(keys.getPublic()), message, signature);
                        boolean wrongKey = suite.verify(suite.publicKeyBytes(other.getPublic()), message, signature);
                        correct += good && !wrongKey ? 1 : 0;
                    }
                    return correct;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(ROUNDS, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
