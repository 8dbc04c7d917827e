package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ppay.core.audit.AuditTrail.ProofType.REASSIGNMENT;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailRecoveryTest {

    private static final int SEGMENT_BYTES = 16384;
    private static final int PROOF_BYTES = 100;
    /** 40-byte header + 100 bytes, aligned to 8. */
    private static final int RECORD_BYTES = 144;
    private static final int FIRST_RECORD = 64;
    private static final int RECORDS = 5;

    @TempDir
    Path directory;

    /** Where {@link #writeFourSyncedAndOneUnsynced} writes before the crash image is copied into the directory. */
    @TempDir
    Path writer;

    @Test
    void shouldDropAnUnsyncedLastRecordWhoseLengthWasNeverCommitted() throws IOException {
        writeFourSyncedAndOneUnsynced();
        putInt(recordOffset(4), 0);

        try (MappedAuditTrail trail = open()) {
            final RecoveryReport report = trail.recoveryReport();
            assertEquals(4, report.records());
            assertEquals(RECORD_BYTES, report.truncatedBytes(), "the whole uncommitted record is zeroed");
            assertEquals(1, report.truncatedSegments());
            assertFirstFourIntact(trail);
            assertFalse(trail.latest(4, (type, epoch, buffer, offset, length) -> true));
        }
    }

    @Test
    void shouldDropAnUnsyncedLastRecordWithAFlippedCrcByte() throws IOException {
        writeFourSyncedAndOneUnsynced();
        flipByte(recordOffset(4) + 5);

        try (MappedAuditTrail trail = open()) {
            assertEquals(4, trail.recoveryReport().records());
            assertEquals(RECORD_BYTES, trail.recoveryReport().truncatedBytes());
            assertFirstFourIntact(trail);
        }
    }

    @Test
    void shouldDropAnUnsyncedLastRecordWithAFlippedProofByte() throws IOException {
        writeFourSyncedAndOneUnsynced();
        flipByte(recordOffset(4) + 40 + 17);

        try (MappedAuditTrail trail = open()) {
            assertEquals(4, trail.recoveryReport().records());
            assertFirstFourIntact(trail);
        }
    }

    @Test
    void shouldTruncateGarbageAfterTheLastRecord() throws IOException {
        writeFiveRecords();
        final byte[] garbage = new byte[300];
        new SplittableRandom(7).nextBytes(garbage);
        garbage[0] |= 1; // a non-zero length word, so it looks like the start of a record
        write(recordOffset(5), garbage);

        try (MappedAuditTrail trail = open()) {
            final RecoveryReport report = trail.recoveryReport();
            assertEquals(5, report.records());
            assertEquals(5 * RECORD_BYTES, report.recordBytes());
            assertTrue(report.truncatedBytes() >= 300 && report.truncatedBytes() < 308, "" + report.truncatedBytes());
            assertFalse(report.clean());
            assertFirstFourIntact(trail);
            MappedAuditTrailTest.append(trail, 99, 0, REASSIGNMENT, 1, PROOF_BYTES);
        }
        try (MappedAuditTrail trail = open()) {
            assertTrue(trail.recoveryReport().clean(), "a recovered trail reopens clean");
            assertEquals(6, trail.proofCount());
            assertArrayEquals(Proofs.bytes(99, 1, PROOF_BYTES), Proofs.latest(trail, 99).seen.get(0).bytes());
        }
    }

    @Test
    void shouldRefuseToOpenWhenARecordBeforeIntactOnesIsCorrupt() throws IOException {
        writeFiveRecords();
        flipByte(recordOffset(2) + 5);

        final AuditTrailException ex = assertThrows(AuditTrailException.class, this::open);
        assertEquals(segment(), ex.path());
        assertTrue(ex.getMessage().contains("offset " + recordOffset(2)), ex.getMessage());
        assertArrayEquals(Proofs.bytes(0, 0, PROOF_BYTES), readProof(0), "the refused trail is left untouched");
    }

    @Test
    void shouldRemoveASegmentWhoseCreationWasInterrupted() throws IOException {
        writeFiveRecords();
        Files.write(directory.resolve("segment-0000000001.audit.tmp"), new byte[100]);

        try (MappedAuditTrail trail = open()) {
            assertEquals(1, trail.recoveryReport().temporaryFiles());
            assertEquals(5, trail.proofCount());
        }
        assertFalse(Files.exists(directory.resolve("segment-0000000001.audit.tmp")));
    }

    @Test
    void shouldNameASegmentWithADamagedHeader() throws IOException {
        writeFiveRecords();
        flipByte(20); // the epoch, covered by the header CRC

        final AuditTrailException ex = assertThrows(AuditTrailException.class, this::open);
        assertEquals(segment(), ex.path());
        assertTrue(ex.getMessage().contains("header CRC"), ex.getMessage());
    }

    private void writeFiveRecords() {
        try (MappedAuditTrail trail = open()) {
            for (long serial = 0; serial < RECORDS; serial++) {
                MappedAuditTrailTest.append(trail, serial, 0, REASSIGNMENT, 0, PROOF_BYTES);
            }
        }
    }

    /** A crash image: four records synced, the fifth appended but not synced when the writer died. */
    private void writeFourSyncedAndOneUnsynced() throws IOException {
        try (MappedAuditTrail trail = MappedAuditTrail.open(writer, SEGMENT_BYTES, Durability.none())) {
            for (long serial = 0; serial < RECORDS; serial++) {
                if (serial == RECORDS - 1) {
                    trail.sync();
                }
                MappedAuditTrailTest.append(trail, serial, 0, REASSIGNMENT, 0, PROOF_BYTES);
            }
            CrashImage.copy(writer, directory);
        }
    }

    private void assertFirstFourIntact(final MappedAuditTrail trail) {
        for (long serial = 0; serial < 4; serial++) {
            assertArrayEquals(Proofs.bytes(serial, 0, PROOF_BYTES), Proofs.latest(trail, serial).seen.get(0).bytes());
        }
    }

    private MappedAuditTrail open() {
        return MappedAuditTrail.open(directory, SEGMENT_BYTES, Durability.none());
    }

    private Path segment() {
        return directory.resolve("segment-0000000000.audit");
    }

    private static int recordOffset(final int index) {
        return FIRST_RECORD + index * RECORD_BYTES;
    }

    private byte[] readProof(final int index) throws IOException {
        final byte[] bytes = Files.readAllBytes(segment());
        final byte[] proof = new byte[PROOF_BYTES];
        System.arraycopy(bytes, recordOffset(index) + 40, proof, 0, PROOF_BYTES);
        return proof;
    }

    private void putInt(final int offset, final int value) throws IOException {
        write(offset, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value).array());
    }

    private void flipByte(final int offset) throws IOException {
        final byte[] bytes = Files.readAllBytes(segment());
        write(offset, new byte[] {(byte) (bytes[offset] ^ 0x5A)});
    }

    private void write(final int offset, final byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(segment(), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
    }
}
