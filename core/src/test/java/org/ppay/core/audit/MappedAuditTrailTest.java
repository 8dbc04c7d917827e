package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ppay.core.audit.AuditTrail.ProofType.REASSIGNMENT;
import static org.ppay.core.audit.AuditTrail.ProofType.RENEWAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedAuditTrailTest {

    private static final int SEGMENT_BYTES = 8192;

    @TempDir
    Path directory;

    /** Somewhere outside the trail directory, for files a test moves out and back. */
    @TempDir
    Path elsewhere;

    @Test
    void shouldReturnTheNewestProofAsLatest() {
        try (MappedAuditTrail trail = open()) {
            append(trail, 7, 0, REASSIGNMENT, 1, 200);
            append(trail, 7, 0, RENEWAL, 2, 180);

            final Proofs.Collector latest = Proofs.latest(trail, 7);
            assertEquals(1, latest.seen.size());
            assertEquals(RENEWAL, latest.seen.get(0).type());
            assertArrayEquals(Proofs.bytes(7, 2, 180), latest.seen.get(0).bytes());
        }
    }

    @Test
    void shouldReportNoLatestProofForAnUnknownSerial() {
        try (MappedAuditTrail trail = open()) {
            append(trail, 7, 0, REASSIGNMENT, 1, 200);
            assertFalse(trail.latest(8, (type, epoch, buffer, offset, length) -> true));
            assertTrue(Proofs.history(trail, 8).seen.isEmpty());
        }
    }

    @Test
    void shouldWalkTheHistoryNewestFirstAcrossSegmentsAndEpochs() {
        try (MappedAuditTrail trail = open()) {
            for (int version = 0; version < 100; version++) {
                append(trail, 42, version / 25, REASSIGNMENT, version, 150);
                append(trail, 1000 + version, version / 25, REASSIGNMENT, 0, 150); // interleaved other coins
            }
            final List<Proofs.Seen> history = Proofs.history(trail, 42).seen;
            assertEquals(100, history.size());
            for (int i = 0; i < 100; i++) {
                final int version = 99 - i;
                assertArrayEquals(Proofs.bytes(42, version, 150), history.get(i).bytes());
                assertEquals(version / 25, history.get(i).epoch());
            }
            assertTrue(segmentFiles().size() > 4, "8 KiB segments should have rolled over");
        }
    }

    @Test
    void shouldStopTheHistoryWalkWhenTheVisitorSaysSo() {
        try (MappedAuditTrail trail = open()) {
            for (int version = 0; version < 5; version++) {
                append(trail, 3, 0, REASSIGNMENT, version, 10);
            }
            final Proofs.Collector firstTwo = new Proofs.Collector(2);
            trail.history(3, firstTwo);
            assertEquals(2, firstTwo.seen.size());
            assertArrayEquals(Proofs.bytes(3, 3, 10), firstTwo.seen.get(1).bytes());
        }
    }

    @Test
    void shouldKeepEveryProofAcrossCloseAndReopen() {
        try (MappedAuditTrail trail = open()) {
            for (long serial = 0; serial < 300; serial++) {
                append(trail, serial, (int) (serial % 3), REASSIGNMENT, 0, 100);
                append(trail, serial, (int) (serial % 3), RENEWAL, 1, 60);
            }
        }
        try (MappedAuditTrail trail = open()) {
            assertEquals(600, trail.proofCount());
            assertTrue(trail.recoveryReport().clean());
            assertEquals(600, trail.recoveryReport().records());
            for (long serial = 0; serial < 300; serial++) {
                final List<Proofs.Seen> history = Proofs.history(trail, serial).seen;
                assertEquals(2, history.size());
                assertArrayEquals(Proofs.bytes(serial, 1, 60), history.get(0).bytes());
                assertArrayEquals(Proofs.bytes(serial, 0, 100), history.get(1).bytes());
            }
            append(trail, 5, 2, REASSIGNMENT, 2, 30);
            assertEquals(3, Proofs.history(trail, 5).seen.size());
        }
    }

    @Test
    void shouldPurgeOlderEpochsByDeletingTheirSegments() throws IOException {
        try (MappedAuditTrail trail = open()) {
            for (long serial = 0; serial < 60; serial++) {
                append(trail, serial, 1, REASSIGNMENT, 0, 200);
                append(trail, serial + 100, 2, REASSIGNMENT, 0, 200);
            }
            append(trail, 0, 2, RENEWAL, 1, 50);
            final long epoch1Files = segmentFiles().size();

            trail.purgeBefore(2);

            assertEquals(61, trail.proofCount());
            assertTrue(segmentFiles().size() < epoch1Files);
            assertFalse(trail.latest(1, (type, epoch, buffer, offset, length) -> true));
            assertTrue(trail.latest(101, (type, epoch, buffer, offset, length) -> true));
            final List<Proofs.Seen> renewed = Proofs.history(trail, 0).seen;
            assertEquals(1, renewed.size(), "the epoch-1 proof of a renewed coin is gone");
            assertEquals(RENEWAL, renewed.get(0).type());
        }
        try (MappedAuditTrail trail = open()) {
            assertEquals(61, trail.proofCount());
            assertThrows(IllegalArgumentException.class, () -> append(trail, 500, 1, REASSIGNMENT, 0, 10),
                "a purged epoch stays closed after a restart");
        }
    }

    @Test
    void shouldReusePurgedSegmentFilesForNewSegments() throws IOException {
        try (MappedAuditTrail trail = open()) {
            for (long serial = 0; serial < 150; serial++) {
                append(trail, serial, 0, REASSIGNMENT, 0, 200); // about 4 segments of 8 KiB
            }
            final int epoch0Files = segmentFiles().size();

            trail.purgeBefore(1);
            assertEquals(epoch0Files, trail.spareSegments());
            assertEquals(epoch0Files, filesEndingWith(".audit.spare").size());
            assertEquals(0, segmentFiles().size());

            for (long serial = 0; serial < 60; serial++) {
                append(trail, serial, 1, RENEWAL, 1, 200);
            }
            assertEquals(epoch0Files - segmentFiles().size(), trail.spareSegments(), "each new segment took a spare");
            for (long serial = 0; serial < 150; serial++) {
                final List<Proofs.Seen> history = Proofs.history(trail, serial).seen;
                assertEquals(serial < 60 ? 1 : 0, history.size(), "serial " + serial);
                if (serial < 60) {
                    assertArrayEquals(Proofs.bytes(serial, 1, 200), history.get(0).bytes());
                }
            }
        }
        assertEquals(List.of(), filesEndingWith(".spare"), "a clean close deletes the spares");
        try (MappedAuditTrail trail = open()) {
            assertTrue(trail.recoveryReport().clean());
            assertEquals(60, trail.proofCount());
            assertArrayEquals(Proofs.bytes(59, 1, 200), Proofs.latest(trail, 59).seen.get(0).bytes());
        }
    }

    @Test
    void shouldDropTheOldRecordsOfAReusedSegmentThatADiskStillHolds() throws IOException {
        try (MappedAuditTrail trail = open()) {
            for (long serial = 0; serial < 30; serial++) {
                append(trail, serial, 0, REASSIGNMENT, 0, 200); // one segment, nearly full
            }
        }
        final byte[] epoch0Bytes = Files.readAllBytes(segmentFiles().get(0));
        try (MappedAuditTrail trail = open()) {
            trail.purgeBefore(1);
            for (long serial = 100; serial < 103; serial++) {
                append(trail, serial, 1, RENEWAL, 1, 200);
            }
        }
        // a power loss after the reuse: the disk got the new header and records, not the zeroes behind them
        final Path reused = segmentFiles().get(0);
        final byte[] bytes = Files.readAllBytes(reused);
        final int end = 64 + 3 * 240;
        System.arraycopy(epoch0Bytes, end, bytes, end, bytes.length - end);
        Files.write(reused, bytes);

        try (MappedAuditTrail trail = open()) {
            assertEquals(3, trail.recoveryReport().records());
            assertTrue(trail.recoveryReport().truncatedBytes() > 0, "the old records are a torn tail");
            for (long serial = 100; serial < 103; serial++) {
                assertArrayEquals(Proofs.bytes(serial, 1, 200), Proofs.latest(trail, serial).seen.get(0).bytes());
            }
            for (long serial = 0; serial < 30; serial++) {
                assertFalse(trail.latest(serial, (type, epoch, buffer, offset, length) -> true), "serial " + serial);
            }
        }
    }

    @Test
    void shouldDeleteTheSparesACrashLeftBehindWhenItOpens() throws IOException {
        final Path saved = elsewhere;
        try (MappedAuditTrail trail = open()) {
            for (long serial = 0; serial < 40; serial++) {
                append(trail, serial, serial < 20 ? 0 : 1, REASSIGNMENT, 0, 200);
            }
            trail.purgeBefore(1);
            for (final Path spare : filesEndingWith(".spare")) {
                Files.copy(spare, saved.resolve(spare.getFileName()));
            }
        }
        final List<Path> spares;
        try (Stream<Path> files = Files.list(saved)) {
            spares = files.toList();
        }
        assertFalse(spares.isEmpty());
        for (final Path spare : spares) { // as a crash would have left them: a close deletes them
            Files.move(spare, directory.resolve(spare.getFileName()));
        }

        try (MappedAuditTrail trail = open()) {
            assertEquals(List.of(), filesEndingWith(".spare"));
            assertTrue(trail.recoveryReport().clean());
            assertEquals(20, trail.proofCount());
            assertFalse(trail.latest(3, (type, epoch, buffer, offset, length) -> true));
            assertArrayEquals(Proofs.bytes(33, 0, 200), Proofs.latest(trail, 33).seen.get(0).bytes());
        }
    }

    @Test
    void shouldRefuseBadAppendsAndStayUnchanged() {
        try (MappedAuditTrail trail = open()) {
            append(trail, 9, 3, REASSIGNMENT, 0, 100);
            trail.purgeBefore(2);
            final byte[] proof = new byte[10];
            final IllegalArgumentException older = assertThrows(IllegalArgumentException.class,
                () -> append(trail, 9, 2, REASSIGNMENT, 1, 10));
            assertTrue(older.getMessage().contains("epoch 2"), older.getMessage());
            assertThrows(IllegalArgumentException.class, () -> append(trail, 10, 1, REASSIGNMENT, 0, 10));
            assertThrows(IllegalArgumentException.class, () -> append(trail, 10, -1, REASSIGNMENT, 0, 10));
            assertThrows(IllegalArgumentException.class,
                () -> trail.append(10, 3, REASSIGNMENT, Proofs.buffer(proof), 5, 6));
            assertThrows(IllegalArgumentException.class,
                () -> trail.append(10, 3, null, Proofs.buffer(proof), 0, 10));
            assertThrows(IllegalArgumentException.class,
                () -> trail.append(10, 3, REASSIGNMENT, Proofs.buffer(proof), 0, 0));
            assertThrows(IllegalArgumentException.class,
                () -> append(trail, 10, 3, REASSIGNMENT, 0, trail.maxProofBytes() + 1));

            assertEquals(1, trail.proofCount());
            assertEquals(1, Proofs.history(trail, 9).seen.size());
            assertFalse(trail.latest(10, (type, epoch, buffer, offset, length) -> true));
        }
    }

    @Test
    void shouldAcceptTheLargestProofThatFitsASegment() {
        try (MappedAuditTrail trail = open()) {
            append(trail, 1, 0, REASSIGNMENT, 0, 100);
            append(trail, 2, 0, REASSIGNMENT, 0, trail.maxProofBytes());
            assertArrayEquals(Proofs.bytes(2, 0, trail.maxProofBytes()), Proofs.latest(trail, 2).seen.get(0).bytes());
        }
    }

    @Test
    void shouldRefuseUseAfterClose() {
        final MappedAuditTrail trail = open();
        trail.close();
        trail.close();
        assertThrows(IllegalStateException.class, () -> append(trail, 1, 0, REASSIGNMENT, 0, 10));
        assertThrows(IllegalStateException.class, trail::sync);
    }

    @Test
    void shouldRefuseASecondOpenOfTheSameDirectory() {
        try (MappedAuditTrail trail = open()) {
            final AuditTrailException ex = assertThrows(AuditTrailException.class, this::open);
            assertEquals(directory, ex.path());
        }
    }

    @Test
    void shouldNameAFileThatIsNotASegment() throws IOException {
        final Path stray = directory.resolve("segment-0000000000.audit");
        Files.write(stray, new byte[8192]);
        final AuditTrailException ex = assertThrows(AuditTrailException.class, this::open);
        assertEquals(stray, ex.path());
        assertTrue(ex.getMessage().contains("not an audit trail segment"), ex.getMessage());
    }

    @Test
    void shouldNameADirectoryThatCannotBeCreated() throws IOException {
        final Path file = Files.createFile(directory.resolve("plain-file"));
        final Path impossible = file.resolve("trail");
        final AuditTrailException ex = assertThrows(AuditTrailException.class,
            () -> MappedAuditTrail.open(impossible, SEGMENT_BYTES, Durability.none()));
        assertEquals(impossible, ex.path());
    }

    @Test
    void shouldRejectBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> MappedAuditTrail.open(directory, 5000, Durability.none()));
        assertThrows(IllegalArgumentException.class, () -> Durability.everyRecords(0));
        assertThrows(IllegalArgumentException.class, () -> Durability.everyMillis(-5));
    }

    @Test
    void shouldKeepProofsWithEveryDurabilityPolicy() {
        for (final Durability durability : List.of(Durability.everyRecords(3), Durability.everyMillis(1))) {
            final Path trailDirectory = directory.resolve(durability.mode().name());
            try (MappedAuditTrail trail = MappedAuditTrail.open(trailDirectory, SEGMENT_BYTES, durability)) {
                for (long serial = 0; serial < 50; serial++) {
                    append(trail, serial, 0, REASSIGNMENT, 0, 120);
                }
                trail.sync();
            }
            try (MappedAuditTrail trail = MappedAuditTrail.open(trailDirectory, SEGMENT_BYTES, durability)) {
                assertEquals(50, trail.proofCount());
                assertArrayEquals(Proofs.bytes(49, 0, 120), Proofs.latest(trail, 49).seen.get(0).bytes());
            }
        }
    }

    @Test
    void shouldForceOnlyOnSyncWithDurabilityNone() {
        try (MappedAuditTrail trail = open()) {
            append(trail, 1, 0, REASSIGNMENT, 0, 100);
            append(trail, 2, 1, REASSIGNMENT, 0, 100);
            assertEquals(2 * 144, trail.unsyncedBytes());
            trail.sync();
            assertEquals(0, trail.unsyncedBytes());
        }
    }

    @Test
    void shouldForceEveryNRecords() {
        try (MappedAuditTrail trail = MappedAuditTrail.open(directory, SEGMENT_BYTES, Durability.everyRecords(3))) {
            append(trail, 1, 0, REASSIGNMENT, 0, 100);
            append(trail, 2, 0, REASSIGNMENT, 0, 100);
            assertEquals(2 * 144, trail.unsyncedBytes());
            append(trail, 3, 0, REASSIGNMENT, 0, 100);
            assertEquals(0, trail.unsyncedBytes(), "the third append forces all three");
            append(trail, 4, 0, REASSIGNMENT, 0, 100);
            assertEquals(144, trail.unsyncedBytes());
        }
    }

    @Test
    void shouldForceOnTheFirstAppendAfterTheInterval() throws InterruptedException {
        try (MappedAuditTrail trail = MappedAuditTrail.open(directory, SEGMENT_BYTES, Durability.everyMillis(200))) {
            final long syncedNanos = System.nanoTime();
            trail.sync();
            append(trail, 1, 0, REASSIGNMENT, 0, 100);
            final boolean withinInterval = System.nanoTime() - syncedNanos < 150_000_000L; // unless the machine stalled
            if (withinInterval) {
                assertEquals(144, trail.unsyncedBytes(), "within the interval nothing is forced");
            }
            Thread.sleep(250);
            if (withinInterval) {
                assertEquals(144, trail.unsyncedBytes(), "no background thread forces");
            }
            append(trail, 2, 0, REASSIGNMENT, 0, 100);
            assertEquals(0, trail.unsyncedBytes(), "the first append after the interval forces both");
        }
    }

    private MappedAuditTrail open() {
        return MappedAuditTrail.open(directory, SEGMENT_BYTES, Durability.none());
    }

    private List<Path> segmentFiles() {
        return filesEndingWith(".audit");
    }

    private List<Path> filesEndingWith(final String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        } catch (final IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static void append(final AuditTrail trail, final long serial, final int epoch, final AuditTrail.ProofType type,
                       final int version, final int length) {
        trail.append(serial, epoch, type, Proofs.buffer(Proofs.bytes(serial, version, length)), 0, length);
    }
}
