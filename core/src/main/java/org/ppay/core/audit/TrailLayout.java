package org.ppay.core.audit;

/**
 * Byte layout of the audit trail's segment files. Little-endian throughout.
 *
 * <pre>
 * Segment file (fixed size, preallocated, named segment-NNNNNNNNNN.audit):
 *   0                   8         12        16        20       24        28       32          40          48     64
 *   +-------------------+---------+---------+---------+--------+---------+--------+-----------+-----------+------+-----
 *   | magic "PPAYAUDT"  | version | hdr len | number  | epoch  | capacity| crc32c | sync mark | sync mark | 0    | rec.
 *   |                   |   (2)   |  (64)   |         |        |         |        |  slot 0   |  slot 1   |      |
 *   +-------------------+---------+---------+---------+--------+---------+--------+-----------+-----------+------+-----
 *   crc32c covers bytes 0..28 of the header.
 *   sync mark slot: synced end:4, crc32c:4 of (number, epoch, synced end). The synced end is the offset up to which
 *   the last sync forced the records; a sync writes it into the slot not holding the current mark and forces it in
 *   the same force as the records. The valid slot with the larger end is the segment's mark.
 *
 * Record (starts 8-byte aligned; occupies align8(length) bytes):
 *   0        4        8      9          12       16         24           32          40
 *   +--------+--------+------+----------+--------+----------+------------+-----------+----------------
 *   | length | crc32c | type | reserved | epoch  | serial   | sequence   | previous  | signed proof bytes
 *   +--------+--------+------+----------+--------+----------+------------+-----------+----------------
 *   length  = 40 + proof length, written last with a release store: 0 means "no record here".
 *   crc32c  covers bytes 8..length.
 *   type    = 1 reassignment, 2 renewal.
 *   sequence: strictly increasing over the whole trail (orders records across segments).
 *   previous: position of the previous record of the same serial, 0 when none.
 * </pre>
 *
 * A position is {@code segmentNumber << 32 | offsetInSegment}; an offset is never below the segment header, so the
 * position 0 means "none".
 */
final class TrailLayout {

    static final long SEGMENT_MAGIC = 0x5444554159415050L; // "PPAYAUDT" read little-endian
    static final int SEGMENT_VERSION = 2;
    /** The format before sync marks: its bytes 32..64 are zero, so it cannot say which records were synced. */
    static final int SEGMENT_VERSION_WITHOUT_SYNC_MARKS = 1;
    static final int SEGMENT_MAGIC_OFFSET = 0;
    static final int SEGMENT_VERSION_OFFSET = 8;
    static final int SEGMENT_HEADER_LENGTH_OFFSET = 12;
    static final int SEGMENT_NUMBER_OFFSET = 16;
    static final int SEGMENT_EPOCH_OFFSET = 20;
    static final int SEGMENT_CAPACITY_OFFSET = 24;
    static final int SEGMENT_CRC_OFFSET = 28;
    static final int SYNC_MARK_OFFSET = 32;
    static final int SYNC_MARK_LENGTH = 8;
    static final int SYNC_MARK_SLOTS = 2;
    static final int SEGMENT_HEADER_LENGTH = 64;

    static final int RECORD_LENGTH_OFFSET = 0;
    static final int RECORD_CRC_OFFSET = 4;
    static final int RECORD_TYPE_OFFSET = 8;
    static final int RECORD_EPOCH_OFFSET = 12;
    static final int RECORD_SERIAL_OFFSET = 16;
    static final int RECORD_SEQUENCE_OFFSET = 24;
    static final int RECORD_PREVIOUS_OFFSET = 32;
    static final int RECORD_HEADER_LENGTH = 40;
    static final int RECORD_ALIGNMENT = 8;

    static final int MIN_SEGMENT_BYTES = 4096;
    static final int MAX_SEGMENT_BYTES = 1 << 30;

    static final String SEGMENT_SUFFIX = ".audit";
    static final String SEGMENT_PREFIX = "segment-";
    static final String TEMPORARY_SUFFIX = ".tmp";
    /** A purged segment kept for reuse: recovery deletes it, whatever it holds. */
    static final String SPARE_SUFFIX = ".spare";

    private TrailLayout() {
    }

    static int alignedLength(final int recordLength) {
        return (recordLength + RECORD_ALIGNMENT - 1) & -RECORD_ALIGNMENT;
    }

    static long position(final int segmentNumber, final int offset) {
        return ((long) segmentNumber << 32) | (offset & 0xFFFF_FFFFL);
    }

    static int segmentNumber(final long position) {
        return (int) (position >>> 32);
    }

    static int offset(final long position) {
        return (int) position;
    }

    static String segmentFileName(final int segmentNumber) {
        return SEGMENT_PREFIX + String.format("%010d", segmentNumber) + SEGMENT_SUFFIX;
    }

    static byte typeCode(final AuditTrail.ProofType type) {
        return (byte) (type.ordinal() + 1);
    }
}
