package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hot paths (append without sync, latest, history) must not allocate: the owner appends millions of proofs. */
class AllocationTest {

    private static final int PROOFS = 20_000;

    @TempDir
    Path directory;

    private long visitedBytes;

    private final AuditTrail.ProofVisitor counter = this::count;

    @Test
    void shouldAppendAndLookUpWithoutAllocating() {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        final UnsafeBuffer proof = new UnsafeBuffer(new byte[200]);
        try (MappedAuditTrail trail = MappedAuditTrail.open(directory, 16 << 20, Durability.none())) {
            appendAndLookUp(trail, proof, 0); // first use: the index grows, the segment is created
            final long threadId = Thread.currentThread().getId();
            threads.getThreadAllocatedBytes(threadId); // its first call allocates
            final long before = threads.getThreadAllocatedBytes(threadId);
            appendAndLookUp(trail, proof, 1);
            final long allocatedBytes = threads.getThreadAllocatedBytes(threadId) - before;
            // one allocation per append would be >= 16 * PROOFS bytes; the JIT's deoptimization may allocate a few
            // hundred bytes on this thread once, which is not the code under test
            assertTrue(allocatedBytes < 1024, "bytes allocated by " + PROOFS + " appends and lookups: "
                + allocatedBytes);
            assertEquals(2L * PROOFS, trail.proofCount());
        }
    }

    private void appendAndLookUp(final MappedAuditTrail trail, final UnsafeBuffer proof, final int round) {
        for (int serial = 0; serial < PROOFS; serial++) {
            proof.putInt(0, serial);
            trail.append(serial, 0, AuditTrail.ProofType.REASSIGNMENT, proof, 0, 200);
            trail.latest(serial, counter);
            trail.history(serial, counter);
        }
        assertTrue(visitedBytes >= (round + 1L) * PROOFS * 200);
    }

    private boolean count(final AuditTrail.ProofType type, final int epoch, final DirectBuffer buffer,
                          final int offset, final int length) {
        visitedBytes += length;
        return true;
    }
}
