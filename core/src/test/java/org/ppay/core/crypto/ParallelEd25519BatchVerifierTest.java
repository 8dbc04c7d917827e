package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ppay.core.crypto.Ed25519TestSupport.Item;

// a lost wake-up parks a thread forever: fail the test rather than stall the build
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParallelEd25519BatchVerifierTest {

    @ParameterizedTest(name = "{0} items on {1} threads, {2} invalid")
    @CsvSource({"1, 2, 0.5", "20, 2, 0.2", "64, 2, 0.0", "64, 2, 0.05", "95, 2, 0.1", "96, 2, 0.1", "96, 3, 0.0",
        "199, 2, 0.05", "200, 2, 0.0", "200, 2, 0.05", "256, 2, 0.0", "256, 2, 0.02", "300, 3, 0.1", "257, 4, 0.3", "128, 1, 0.1"})
    void shouldAnswerItemForItemLikeTheSingleThreadedVerifier(int size, int threads, double invalidShare) {
        List<Item> items = Ed25519TestSupport.randomBatch(size * 7L + threads, size, invalidShare);
        SignatureBatch batch = Ed25519TestSupport.batchOf(items);
        boolean[] alone = new boolean[size];
        boolean allAlone = new Ed25519BatchVerifier().verify(batch, alone);
        boolean[] together = new boolean[size];
        try (ParallelEd25519BatchVerifier parallel = new ParallelEd25519BatchVerifier(threads)) {
            assertEquals(allAlone, parallel.verify(batch, together));
            // a second batch through the same verifier reuses its scratch
            boolean[] again = new boolean[size];
            parallel.verify(batch, again);
            assertArrayEquals(together, again);
        }
        assertArrayEquals(alone, together);
        for (int i = 0; i < size; i++) {
            assertEquals(items.get(i).valid(), together[i], "item " + i + " (" + items.get(i).label() + ")");
        }
    }

    @Test
    void shouldVerifyARangeOfALargerBatch() {
        List<Item> items = Ed25519TestSupport.randomBatch(41, 250, 0.1);
        boolean[] results = new boolean[items.size()];
        try (ParallelEd25519BatchVerifier parallel = new ParallelEd25519BatchVerifier(2)) {
            parallel.verify(Ed25519TestSupport.batchOf(items), 20, 230, results);
        }
        for (int i = 0; i < items.size(); i++) {
            assertEquals(i >= 20 && i < 230 && items.get(i).valid(), results[i], "item " + i);
        }
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {64, 256})
    void shouldAllocateNothingPerBatchOnAnyOfItsThreadsOnceWarm(int size) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Item> items = Ed25519TestSupport.randomBatch(size + 3L, size, 0.0);
        SignatureBatch batch = Ed25519TestSupport.batchOf(items);
        boolean[] results = new boolean[size];
        try (ParallelEd25519BatchVerifier parallel = new ParallelEd25519BatchVerifier(2)) {
            for (int i = 0; i < 10; i++) {
                assertTrue(parallel.verify(batch, results));
            }
            long[] ids = verifierThreadIds();
            long before = sum(threads.getThreadAllocatedBytes(ids));
            for (int i = 0; i < 10; i++) {
                parallel.verify(batch, results);
            }
            long allocated = sum(threads.getThreadAllocatedBytes(ids)) - before;
            // the platform SecureRandom may allocate a little when drawing the batch seed; nothing else may
            assertTrue(allocated < 10 * 256, "10 warm batches of " + size + " allocated " + allocated + " bytes");
        }
    }

    @Test
    void shouldRefuseWorkOnceClosed() {
        ParallelEd25519BatchVerifier parallel = new ParallelEd25519BatchVerifier(2);
        parallel.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> parallel.verify(new SignatureBatch(0), new boolean[0]));
        assertTrue(closed.getMessage().contains("closed"));
        assertThrows(IllegalArgumentException.class, () -> new ParallelEd25519BatchVerifier(0));
    }

    /** The caller and every helper thread of a parallel Ed25519 verifier now alive. */
    private static long[] verifierThreadIds() {
        List<Long> ids = new ArrayList<>();
        ids.add(Thread.currentThread().getId());
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("ppay-ed25519-verify-")) {
                ids.add(thread.getId());
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += Math.max(0, value);
        }
        return total;
    }
}
