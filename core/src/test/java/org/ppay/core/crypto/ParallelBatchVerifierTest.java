package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ppay.core.crypto.Ed25519TestSupport.Item;

// a lost wake-up parks a thread forever: fail the test rather than stall the build
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParallelBatchVerifierTest {

    @Test
    void shouldAnswerLikeOneThreadWhileUsingEveryWorker() {
        Set<String> workers = ConcurrentHashMap.newKeySet();
        List<Item> items = Ed25519TestSupport.randomBatch(17, 300, 0.1);
        SignatureBatch batch = Ed25519TestSupport.batchOf(items);
        boolean[] alone = new boolean[items.size()];
        boolean allAlone = new Ed25519BatchVerifier().verify(batch, alone);
        boolean[] shared = new boolean[items.size()];
        try (ParallelBatchVerifier parallel = new ParallelBatchVerifier(3, () -> {
            workers.add(Thread.currentThread().getName());
            return new Ed25519BatchVerifier();
        })) {
            assertEquals(allAlone, parallel.verify(batch, shared));
        }
        assertArrayEquals(alone, shared);
        for (int i = 0; i < items.size(); i++) {
            assertEquals(items.get(i).valid(), shared[i], "item " + i);
        }
        assertEquals(3, workers.size(), "workers: " + workers);
        assertTrue(workers.contains(Thread.currentThread().getName()), "the caller verifies a share: " + workers);
    }

    @Test
    void shouldPassADelegatesFailureToTheCallerAndStayUsable() {
        List<Item> items = Ed25519TestSupport.randomBatch(23, 64, 0.0);
        SignatureBatch batch = Ed25519TestSupport.batchOf(items);
        boolean[] fail = {true};
        try (ParallelBatchVerifier parallel = new ParallelBatchVerifier(2, () -> new BatchVerifier() {
            private final Ed25519BatchVerifier inner = new Ed25519BatchVerifier();

            @Override
            public boolean verify(SignatureBatch b, int from, int to, boolean[] results) {
                if (fail[0] && from > 0) {
                    throw new IllegalArgumentException("share from " + from + " refused");
                }
                return inner.verify(b, from, to, results);
            }

            @Override
            public boolean verifyOne(byte[] publicKey, byte[] message, byte[] signature) {
                return inner.verifyOne(publicKey, message, signature);
            }
        })) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> parallel.verify(batch, new boolean[64]));
            assertEquals("share from 32 refused", failure.getMessage());
            fail[0] = false;
            assertTrue(parallel.verify(batch, new boolean[64]));
        }
    }

    @Test
    void shouldAllocateNothingPerBatchOnceWarm() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Item> items = Ed25519TestSupport.randomBatch(29, 64, 0.0);
        SignatureBatch batch = Ed25519TestSupport.batchOf(items);
        boolean[] results = new boolean[64];
        try (ParallelBatchVerifier parallel = new ParallelBatchVerifier(2, Ed25519BatchVerifier::new)) {
            for (int i = 0; i < 10; i++) {
                assertTrue(parallel.verify(batch, results));
            }
            long[] ids = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t == Thread.currentThread() || t.getName().startsWith("ppay-batch-verify-"))
                    .mapToLong(Thread::getId).toArray();
            long before = sum(threads.getThreadAllocatedBytes(ids));
            for (int i = 0; i < 10; i++) {
                parallel.verify(batch, results);
            }
            long allocated = sum(threads.getThreadAllocatedBytes(ids)) - before;
            // each share's verifier draws a seed from the platform SecureRandom; nothing else may allocate
            assertTrue(allocated < 2 * 10 * 256, "10 warm batches of 64 allocated " + allocated + " bytes");
        }
    }

    @Test
    void shouldVerifyASmallBatchOnTheCallersThread() {
        Set<String> workers = ConcurrentHashMap.newKeySet();
        List<Item> items = Ed25519TestSupport.randomBatch(19, 20, 0.0);
        try (ParallelBatchVerifier parallel = new ParallelBatchVerifier(2, () -> {
            workers.add(Thread.currentThread().getName());
            return new Ed25519BatchVerifier();
        })) {
            assertTrue(parallel.verify(Ed25519TestSupport.batchOf(items), new boolean[items.size()]));
        }
        assertEquals(Set.of(Thread.currentThread().getName()), workers);
    }

    @Test
    void shouldRefuseWorkOnceClosedAndBadSettingsUpFront() {
        PooledBatchVerifier parallel = BatchVerifiers.parallel(SignatureSuite.of("ed25519-bc"), 2);
        parallel.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> parallel.verify(new SignatureBatch(0), new boolean[0]));
        assertTrue(closed.getMessage().contains("closed"));
        assertThrows(IllegalArgumentException.class, () -> new ParallelBatchVerifier(0, Ed25519BatchVerifier::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#all")
    void shouldVerifyThroughAnySuiteItemByItem(SignatureSuite suite) {
        Random random = new Random(suite.name().hashCode());
        KeyPair pair = TestSuites.keyPair(suite);
        byte[] publicKey = suite.publicKeyBytes(pair.getPublic());
        int n = 40;
        SignatureBatch batch = new SignatureBatch(4);
        boolean[] expected = new boolean[n];
        for (int i = 0; i < n; i++) {
            byte[] message = new byte[1 + random.nextInt(50)];
            random.nextBytes(message);
            byte[] signature = suite.sign(pair.getPrivate(), message);
            expected[i] = random.nextInt(4) != 0;
            if (!expected[i]) {
                signature[random.nextInt(signature.length)] ^= 0x10;
            }
            batch.add(publicKey, message, signature);
            assertEquals(expected[i], suite.verify(publicKey, message, signature), "the suite itself on item " + i);
        }
        boolean[] results = new boolean[n];
        assertFalse(new SuiteBatchVerifier(suite).verify(batch, results));
        assertArrayEquals(expected, results);
        boolean[] parallelResults = new boolean[n];
        try (ParallelBatchVerifier parallel = new ParallelBatchVerifier(2, () -> new SuiteBatchVerifier(suite))) {
            assertFalse(parallel.verify(batch, parallelResults));
        }
        assertArrayEquals(expected, parallelResults);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppay.core.crypto.TestSuites#ed25519")
    void shouldAcceptEveryEd25519SuitesHonestSignaturesAlgebraically(SignatureSuite suite) {
        KeyPair pair = TestSuites.keyPair(suite);
        byte[] publicKey = suite.publicKeyBytes(pair.getPublic());
        SignatureBatch batch = new SignatureBatch(8);
        for (int i = 0; i < 30; i++) {
            byte[] message = ("coin " + i).getBytes(StandardCharsets.US_ASCII);
            batch.add(publicKey, message, suite.sign(pair.getPrivate(), message));
        }
        BatchVerifier verifier = BatchVerifiers.forSuite(suite);
        assertTrue(verifier instanceof Ed25519BatchVerifier);
        assertTrue(verifier.verify(batch, new boolean[batch.size()]));
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += Math.max(0, value);
        }
        return total;
    }
}
