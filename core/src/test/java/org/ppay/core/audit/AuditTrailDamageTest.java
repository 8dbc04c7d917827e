package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ppay.core.audit.AuditTrail.ProofType.REASSIGNMENT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage to records a sync acknowledged, to the segment set or to the control file makes {@code open} refuse, naming
 * the file (and offset), and leaves every file byte for byte as it was; only records after a sync mark are truncated.
 */
class AuditTrailDamageTest {

    private static final int SEGMENT_BYTES = 8192;
    private static final int PROOF_BYTES = 200;
    /** 40-byte header + 200 bytes. */
    private static final int RECORD_BYTES = 240;
    private static final int FIRST_RECORD = 64;
    /** 33 records a segment: 100 fill segments 0-2 and put one in segment 3. */
    private static final int RECORDS = 100;
    private static final int RECORDS_PER_SEGMENT = (SEGMENT_BYTES - FIRST_RECORD) / RECORD_BYTES;

    @TempDir
    Path directory;

    @TempDir
    Path writer;

    @Test
    void shouldRefuseAFlippedLengthBitInASyncedRecordMidSegment() throws IOException {
        writeSyncedRecords();
        TrailFiles.flipBit(TrailFiles.segment(directory, 1), recordOffset(10), 3);

        assertRefusedUnchanged(TrailFiles.segment(directory, 1), "offset " + recordOffset(10));
    }

    @Test
    void shouldRefuseAZeroedLengthInASyncedRecordMidSegment() throws IOException {
        writeSyncedRecords();
        TrailFiles.putInt(TrailFiles.segment(directory, 1), recordOffset(10), 0);

        assertRefusedUnchanged(TrailFiles.segment(directory, 1), "offset " + recordOffset(10));
    }

    @Test
    void shouldRefuseAZeroedPageOfSyncedRecords() throws IOException {
        writeSyncedRecords();
        TrailFiles.zero(TrailFiles.segment(directory, 1), 4096, 4096);

        // the record that straddles the page boundary is the first one damaged
        assertRefusedUnchanged(TrailFiles.segment(directory, 1), "offset " + recordOffset(16));
    }

    @Test
    void shouldRefuseAFlippedByteInTheLastRecordOfAFullSegmentThatIsNotTheLast() throws IOException {
        writeSyncedRecords();
        final int last = RECORDS_PER_SEGMENT - 1;
        TrailFiles.flipBit(TrailFiles.segment(directory, 0), recordOffset(last) + 40 + 7, 0);

        assertRefusedUnchanged(TrailFiles.segment(directory, 0), "offset " + recordOffset(last));
    }

    @Test
    void shouldRefuseADeletedMiddleSegment() throws IOException {
        writeSyncedRecords();
        Files.delete(TrailFiles.segment(directory, 1));

        assertRefusedUnchanged(TrailFiles.segment(directory, 1), "missing");
    }

    @Test
    void shouldRefuseAnOldestEpochEditedWithoutItsChecksum() throws IOException {
        writeTwoEpochs();
        TrailFiles.putInt(directory.resolve(TrailControl.FILE), TrailControl.OLDEST_EPOCH_OFFSET, 5); // 0 before

        assertRefusedUnchanged(directory.resolve(TrailControl.FILE), "CRC mismatch");
    }

    @Test
    void shouldRefuseAPlausibleOldestEpochThatDisagreesWithTheSegments() throws IOException {
        writeTwoEpochs();
        final Path file = directory.resolve(TrailControl.FILE);
        final TrailControl control = TrailControl.parse(file, Files.readAllBytes(file));
        final int[] numbers = new int[control.segmentCount()];
        final int[] epochs = new int[control.segmentCount()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = control.number(i);
            epochs[i] = control.epoch(i);
        }
        // checksummed as the trail would write it, so only the cross-check with the segments can catch it
        Files.write(file, new TrailControl(1, control.nextSegmentNumber, numbers, epochs).toBytes());

        assertRefusedUnchanged(file, "inconsistent");
    }

    @Test
    void shouldRefuseToDeleteASegmentTheControlFileNoLongerListsWithoutAPurge() throws IOException {
        writeSyncedRecords();
        final Path file = directory.resolve(TrailControl.FILE);
        final TrailControl control = TrailControl.parse(file, Files.readAllBytes(file));
        Files.write(file, new TrailControl(0, control.nextSegmentNumber, new int[] {0, 2, 3}, new int[4 - 1])
            .toBytes());

        assertRefusedUnchanged(TrailFiles.segment(directory, 1), "not listed");
    }

    @Test
    void shouldRefuseSegmentsWithoutAControlFile() throws IOException {
        writeSyncedRecords();
        Files.delete(directory.resolve(TrailControl.FILE));

        assertRefusedUnchanged(directory.resolve(TrailControl.FILE), "missing");
    }

    @Test
    void shouldRefuseATrailOfTheFormatWithoutSyncMarks() throws IOException {
        writeSyncedRecords();
        final Path first = TrailFiles.segment(directory, 0);
        TrailFiles.putInt(first, TrailLayout.SEGMENT_VERSION_OFFSET, 1);
        final byte[] header = Files.readAllBytes(first);
        final CRC32C crc = new CRC32C();
        crc.update(header, 0, TrailLayout.SEGMENT_CRC_OFFSET);
        TrailFiles.putInt(first, TrailLayout.SEGMENT_CRC_OFFSET, (int) crc.getValue());

        assertRefusedUnchanged(first, "format 1");
    }

    @Test
    void shouldRefuseADirectoryWithTheOldOldestEpochFile() throws IOException {
        writeSyncedRecords();
        final Path legacy = directory.resolve(TrailDirectory.LEGACY_OLDEST_EPOCH_FILE);
        Files.writeString(legacy, "0\n");

        assertRefusedUnchanged(legacy, "format 1");
    }

    @Test
    void shouldOpenWithEverySyncedRecordWhenTheNewerSyncMarkSlotIsDamaged() throws IOException {
        writeSyncedRecords();
        final Path last = TrailFiles.segment(directory, 2);
        final int newer = newerMarkSlot(last);
        TrailFiles.flipBit(last, TrailLayout.SYNC_MARK_OFFSET + newer * TrailLayout.SYNC_MARK_LENGTH, 3);

        try (MappedAuditTrail trail = open()) {
            assertEquals(RECORDS, trail.proofCount());
            assertTrue(trail.recoveryReport().clean());
            assertEveryRecordIntact(trail);
        }
    }

    @Test
    void shouldRefuseToTruncateWhileASyncMarkSlotIsDamaged() throws IOException {
        writeSyncedRecords();
        final Path segment = TrailFiles.segment(directory, 3);
        TrailFiles.flipBit(segment, TrailLayout.SYNC_MARK_OFFSET + newerMarkSlot(segment)
            * TrailLayout.SYNC_MARK_LENGTH, 3);
        // garbage after the last record: a torn tail, if the older mark were the last sync
        TrailFiles.write(segment, recordOffset(1), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        assertRefusedUnchanged(segment, "sync mark");
    }

    @Test
    void shouldTruncateAnUnsyncedTailAndEveryLaterRecordButKeepEverySyncedHistory() throws IOException {
        try (MappedAuditTrail trail = MappedAuditTrail.open(writer, SEGMENT_BYTES, Durability.none())) {
            for (long serial = 0; serial < 10; serial++) {
                MappedAuditTrailTest.append(trail, serial, 0, REASSIGNMENT, 0, PROOF_BYTES);
            }
            trail.sync();
            MappedAuditTrailTest.append(trail, 3, 0, REASSIGNMENT, 1, PROOF_BYTES); // segment 0, unsynced
            MappedAuditTrailTest.append(trail, 3, 1, REASSIGNMENT, 2, PROOF_BYTES); // segment 1, unsynced
            CrashImage.copy(writer, directory); // the writer dies here
        }
        // the crash tore segment 0's unsynced record; segment 1's record (a later sequence) points back to it
        TrailFiles.flipBit(TrailFiles.segment(directory, 0), recordOffset(10) + 40 + 3, 5);

        try (MappedAuditTrail trail = open()) {
            final RecoveryReport report = trail.recoveryReport();
            assertEquals(10, report.records());
            assertEquals(2, report.truncatedSegments(), "the torn record and the later one in segment 1");
            assertEquals(10, trail.proofCount());
            final List<Proofs.Seen> history = Proofs.history(trail, 3).seen;
            assertEquals(1, history.size());
            assertArrayEquals(Proofs.bytes(3, 0, PROOF_BYTES), history.get(0).bytes());
        }
    }

    @Test
    void shouldKeepIntactUnsyncedRecordsAndMarkThemAtTheNextSync() throws IOException {
        try (MappedAuditTrail trail = MappedAuditTrail.open(writer, SEGMENT_BYTES, Durability.none())) {
            MappedAuditTrailTest.append(trail, 1, 0, REASSIGNMENT, 0, PROOF_BYTES);
            trail.sync();
            MappedAuditTrailTest.append(trail, 2, 0, REASSIGNMENT, 0, PROOF_BYTES);
            CrashImage.copy(writer, directory);
        }
        try (MappedAuditTrail trail = open()) {
            assertTrue(trail.recoveryReport().clean());
            assertEquals(2, trail.proofCount());
            assertEquals(RECORD_BYTES, trail.unsyncedBytes(), "kept after the mark, not yet covered by one");
        }
        // the close synced it: damage to it is now damage to synced records
        TrailFiles.flipBit(TrailFiles.segment(directory, 0), recordOffset(1) + 40, 0);
        assertRefusedUnchanged(TrailFiles.segment(directory, 0), "offset " + recordOffset(1));
    }

    @Test
    void shouldCompleteAPurgeInterruptedAfterItsControlFile() throws IOException {
        writeTwoEpochs();
        final Path file = directory.resolve(TrailControl.FILE);
        final TrailControl control = TrailControl.parse(file, Files.readAllBytes(file));
        final List<Integer> epoch1 = new ArrayList<>();
        for (int i = 0; i < control.segmentCount(); i++) {
            if (control.epoch(i) == 1) {
                epoch1.add(control.number(i));
            }
        }
        // what purgeBefore(1) writes before it touches a file; the stop comes before the epoch-0 files go
        final int[] ones = new int[epoch1.size()];
        Arrays.fill(ones, 1);
        Files.write(file, new TrailControl(1, control.nextSegmentNumber,
            epoch1.stream().mapToInt(Integer::intValue).toArray(), ones).toBytes());

        try (MappedAuditTrail trail = open()) {
            assertEquals(RECORDS / 2, trail.proofCount());
            assertTrue(trail.recoveryReport().clean());
            assertEquals(epoch1.size(), TrailFiles.segments(directory).size(), "the epoch-0 files are deleted");
            assertThrows(IllegalArgumentException.class, () -> MappedAuditTrailTest.append(trail, 1, 0, REASSIGNMENT,
                1, 10), "epoch 0 is closed");
        }
    }

    @Test
    void shouldKeepASegmentCreatedJustBeforeTheControlFileListedIt() throws IOException {
        writeSyncedRecords();
        final Path file = directory.resolve(TrailControl.FILE);
        // the control file as it was before segment 3 was created (segment 3's file is durable, its listing is not)
        Files.write(file, new TrailControl(0, 3, new int[] {0, 1, 2}, new int[3]).toBytes());

        try (MappedAuditTrail trail = open()) {
            assertEquals(RECORDS, trail.proofCount());
            assertEveryRecordIntact(trail);
        }
        assertEquals(4, TrailControl.parse(file, Files.readAllBytes(file)).segmentCount(), "listed on open");
    }

    private void assertRefusedUnchanged(final Path expectedPath, final String expectedText) throws IOException {
        final Map<String, String> before = TrailFiles.hashes(directory);
        final AuditTrailException ex = assertThrows(AuditTrailException.class, this::open);
        assertEquals(expectedPath, ex.path(), ex.getMessage());
        assertTrue(ex.getMessage().contains(expectedText), ex.getMessage());
        assertEquals(before, TrailFiles.hashes(directory), "a refused open changes no file");
    }

    private void writeSyncedRecords() {
        try (MappedAuditTrail trail = open()) {
            for (long serial = 0; serial < RECORDS; serial++) {
                MappedAuditTrailTest.append(trail, serial, 0, REASSIGNMENT, 0, PROOF_BYTES);
            }
            trail.sync();
        }
        try (MappedAuditTrail trail = open()) {
            assertEquals(RECORDS, trail.proofCount());
        }
    }

    private void writeTwoEpochs() {
        try (MappedAuditTrail trail = open()) {
            for (long serial = 0; serial < RECORDS; serial++) {
                MappedAuditTrailTest.append(trail, serial, serial < RECORDS / 2 ? 0 : 1, REASSIGNMENT, 0, PROOF_BYTES);
            }
        }
    }

    private static void assertEveryRecordIntact(final MappedAuditTrail trail) {
        for (long serial = 0; serial < RECORDS; serial++) {
            assertArrayEquals(Proofs.bytes(serial, 0, PROOF_BYTES), Proofs.latest(trail, serial).seen.get(0).bytes());
        }
    }

    /** The slot holding the larger mark (the last sync's). */
    private static int newerMarkSlot(final Path segment) throws IOException {
        final int first = TrailFiles.getInt(segment, TrailLayout.SYNC_MARK_OFFSET);
        final int second = TrailFiles.getInt(segment, TrailLayout.SYNC_MARK_OFFSET + TrailLayout.SYNC_MARK_LENGTH);
        return second > first ? 1 : 0;
    }

    private MappedAuditTrail open() {
        return MappedAuditTrail.open(directory, SEGMENT_BYTES, Durability.none());
    }

    private static int recordOffset(final int index) {
        return FIRST_RECORD + index * RECORD_BYTES;
    }
}
