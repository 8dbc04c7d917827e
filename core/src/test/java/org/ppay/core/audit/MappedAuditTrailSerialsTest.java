package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ppay.core.audit.AuditTrail.ProofType.REASSIGNMENT;
import static org.ppay.core.audit.AuditTrail.ProofType.RENEWAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trail over the serials owners have: dense ranges (kept in index blocks) next to scattered serials (kept in the
 * index's fallback), through reopen (the index is rebuilt from the records) and purge.
 */
class MappedAuditTrailSerialsTest {

    private static final int SEGMENT_BYTES = 64 << 10;
    private static final int PROOF_BYTES = 60;
    private static final long FIRST_DENSE = 1_000_001; // an owner's range need not start on a block boundary
    private static final int DENSE = 3000;
    private static final int SCATTERED = 300;

    @TempDir
    Path directory;

    @Test
    void shouldKeepTheHistoriesOfDenseAndScatteredSerialsAcrossReopen() {
        final List<Long> serials = serials();
        try (MappedAuditTrail trail = open()) {
            for (int version = 0; version < 3; version++) {
                for (final long serial : serials) {
                    MappedAuditTrailTest.append(trail, serial, version, version == 2 ? RENEWAL : REASSIGNMENT,
                        version, PROOF_BYTES);
                }
            }
            assertHistories(trail, serials, 3);
        }
        try (MappedAuditTrail trail = open()) {
            assertTrue(trail.recoveryReport().clean());
            assertHistories(trail, serials, 3);
            for (final long serial : serials) {
                MappedAuditTrailTest.append(trail, serial, 3, REASSIGNMENT, 3, PROOF_BYTES);
            }
            assertHistories(trail, serials, 4);
        }
    }

    @Test
    void shouldStartTheHistoryOfAPurgedCoinAgainWhenItTakesNewProofs() {
        final List<Long> serials = serials();
        try (MappedAuditTrail trail = open()) {
            for (final long serial : serials) {
                MappedAuditTrailTest.append(trail, serial, 0, REASSIGNMENT, 0, PROOF_BYTES);
            }
            for (int i = 0; i < serials.size(); i += 2) { // every other coin is renewed into epoch 1
                MappedAuditTrailTest.append(trail, serials.get(i), 1, RENEWAL, 1, PROOF_BYTES);
            }
            trail.purgeBefore(1);
            for (int i = 0; i < serials.size(); i++) {
                assertEquals(i % 2 == 0 ? 1 : 0, Proofs.history(trail, serials.get(i)).seen.size(),
                    "serial " + serials.get(i));
            }
            for (final long serial : serials) {
                MappedAuditTrailTest.append(trail, serial, 2, REASSIGNMENT, 2, PROOF_BYTES);
            }
        }
        try (MappedAuditTrail trail = open()) {
            for (int i = 0; i < serials.size(); i++) {
                final long serial = serials.get(i);
                final List<Proofs.Seen> history = Proofs.history(trail, serial).seen;
                assertEquals(i % 2 == 0 ? 2 : 1, history.size(), "serial " + serial);
                assertArrayEquals(Proofs.bytes(serial, 2, PROOF_BYTES), history.get(0).bytes());
                if (i % 2 == 0) {
                    assertArrayEquals(Proofs.bytes(serial, 1, PROOF_BYTES), history.get(1).bytes());
                }
            }
        }
    }

    private static List<Long> serials() {
        final List<Long> serials = new ArrayList<>();
        for (long serial = FIRST_DENSE; serial < FIRST_DENSE + DENSE; serial++) {
            serials.add(serial);
            if (serial % (DENSE / SCATTERED) == 0) {
                serials.add(-serial * 1_000_003L); // interleaved, as coins of other ranges are
            }
        }
        return serials;
    }

    private static void assertHistories(final MappedAuditTrail trail, final List<Long> serials, final int versions) {
        for (final long serial : serials) {
            final List<Proofs.Seen> history = Proofs.history(trail, serial).seen;
            assertEquals(versions, history.size(), "serial " + serial);
            for (int i = 0; i < versions; i++) {
                final int version = versions - 1 - i;
                assertArrayEquals(Proofs.bytes(serial, version, PROOF_BYTES), history.get(i).bytes(),
                    "serial " + serial + " version " + version);
                assertEquals(version, history.get(i).epoch());
            }
            assertArrayEquals(Proofs.bytes(serial, versions - 1, PROOF_BYTES), Proofs.latest(trail, serial).seen
                .get(0).bytes());
        }
    }

    private MappedAuditTrail open() {
        return MappedAuditTrail.open(directory, SEGMENT_BYTES, Durability.none());
    }
}
