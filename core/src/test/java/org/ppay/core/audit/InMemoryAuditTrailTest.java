package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class InMemoryAuditTrailTest {

    private static UnsafeBuffer bytes(int... values) {
        final byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return new UnsafeBuffer(b);
    }

    private static List<byte[]> history(AuditTrail trail, long serial) {
        final List<byte[]> seen = new ArrayList<>();
        trail.history(serial, (type, epoch, buffer, offset, length) -> {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            seen.add(copy);
            return true;
        });
        return seen;
    }

    @Test
    void shouldReturnProofsNewestFirstAndPurgeWholeEpochs() {
        try (InMemoryAuditTrail trail = new InMemoryAuditTrail()) {
            trail.append(5, 1, AuditTrail.ProofType.REASSIGNMENT, bytes(1, 2), 0, 2);
            trail.append(5, 2, AuditTrail.ProofType.RENEWAL, bytes(3), 0, 1);
            trail.append(6, 2, AuditTrail.ProofType.REASSIGNMENT, bytes(9, 9, 9), 1, 2);
            assertEquals(3, trail.proofCount());
            final List<byte[]> five = history(trail, 5);
            assertArrayEquals(new byte[] {3}, five.get(0));
            assertArrayEquals(new byte[] {1, 2}, five.get(1));
            assertTrue(trail.latest(6, (type, epoch, buffer, offset, length) -> {
                assertEquals(AuditTrail.ProofType.REASSIGNMENT, type);
                assertEquals(2, length);
                return true;
            }));
            trail.purgeBefore(2);
            assertEquals(2, trail.proofCount());
            assertEquals(1, history(trail, 5).size());
            assertFalse(trail.latest(7, (type, epoch, buffer, offset, length) -> true));
        }
    }

    @Test
    void shouldRefuseSlicesOutsideTheBuffer() {
        try (InMemoryAuditTrail trail = new InMemoryAuditTrail()) {
            assertThrows(IllegalArgumentException.class,
                    () -> trail.append(1, 0, AuditTrail.ProofType.RENEWAL, bytes(1, 2), 1, 2));
            assertEquals(0, trail.proofCount());
        }
    }
}
