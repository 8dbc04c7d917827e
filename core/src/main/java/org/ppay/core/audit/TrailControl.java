package org.ppay.core.audit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The trail's control state, in the file {@code trail.control}: the purge horizon (oldest epoch kept), the next
 * segment number, and the live segments (number and epoch). Recovery checks the segment files against it: a listed
 * segment that is missing, or a segment that is neither listed nor explained by a purge or a creation in progress,
 * makes the open refuse. It is checksummed, so a damaged file is refused rather than believed.
 *
 * <pre>
 *   0            8         12             16            20      24
 *   +------------+---------+--------------+-------------+-------+-----------------------------+--------+
 *   | "PPAYCTRL" | version | oldest epoch | next number | count | count x (number:4, epoch:4) | crc32c |
 *   +------------+---------+--------------+-------------+-------+-----------------------------+--------+
 *   little-endian; crc32c covers every byte before it; segments in increasing number.
 * </pre>
 */
final class TrailControl {

    static final String FILE = "trail.control";
    static final long MAGIC = 0x4C52544359415050L; // "PPAYCTRL" read little-endian
    static final int VERSION = 2;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 8;
    static final int OLDEST_EPOCH_OFFSET = 12;
    static final int NEXT_SEGMENT_OFFSET = 16;
    static final int COUNT_OFFSET = 20;
    /** Bytes before the first segment entry. */
    static final int FIXED_BYTES = 24;
    /** One entry: number, epoch. */
    static final int ENTRY_BYTES = 8;
    /** Far more live segments than a trail holds (16 TiB of 1 GiB segments); bounds what a damaged count can ask. */
    static final int MAX_SEGMENTS = 1 << 14;

    final int oldestEpoch;
    final int nextSegmentNumber;
    private final int[] numbers;
    private final int[] epochs;

    TrailControl(final int oldestEpoch, final int nextSegmentNumber, final int[] numbers, final int[] epochs) {
        this.oldestEpoch = oldestEpoch;
        this.nextSegmentNumber = nextSegmentNumber;
        this.numbers = numbers;
        this.epochs = epochs;
    }

    static TrailControl empty() {
        return new TrailControl(0, 0, new int[0], new int[0]);
    }

    /** The control state listing {@code segments} (any order). */
    static TrailControl of(final int oldestEpoch, final int nextSegmentNumber, final List<Segment> segments) {
        final Segment[] sorted = segments.toArray(new Segment[0]);
        Arrays.sort(sorted, (a, b) -> Integer.compare(a.number, b.number));
        final int[] numbers = new int[sorted.length];
        final int[] epochs = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            numbers[i] = sorted[i].number;
            epochs[i] = sorted[i].epoch;
        }
        return new TrailControl(oldestEpoch, nextSegmentNumber, numbers, epochs);
    }

    int segmentCount() {
        return numbers.length;
    }

    int number(final int index) {
        return numbers[index];
    }

    int epoch(final int index) {
        return epochs[index];
    }

    /** The epoch of live segment {@code number}, or -1 when it is not listed. */
    int epochOf(final int number) {
        final int index = Arrays.binarySearch(numbers, number);
        return index >= 0 ? epochs[index] : -1;
    }

    byte[] toBytes() {
        final ByteBuffer bytes = ByteBuffer.allocate(FIXED_BYTES + numbers.length * ENTRY_BYTES + Integer.BYTES)
            .order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(MAGIC_OFFSET, MAGIC).putInt(VERSION_OFFSET, VERSION).putInt(OLDEST_EPOCH_OFFSET, oldestEpoch)
            .putInt(NEXT_SEGMENT_OFFSET, nextSegmentNumber).putInt(COUNT_OFFSET, numbers.length);
        for (int i = 0; i < numbers.length; i++) {
            bytes.putInt(FIXED_BYTES + i * ENTRY_BYTES, numbers[i]);
            bytes.putInt(FIXED_BYTES + i * ENTRY_BYTES + Integer.BYTES, epochs[i]);
        }
        final int crcOffset = FIXED_BYTES + numbers.length * ENTRY_BYTES;
        bytes.putInt(crcOffset, crc(bytes.array(), crcOffset));
        return bytes.array();
    }

    /**
     * Parses the file's bytes.
     *
     * @throws AuditTrailException naming {@code file} when they are not a control file of this version
     */
    static TrailControl parse(final Path file, final byte[] content) {
        if (content.length < FIXED_BYTES + Integer.BYTES) {
            throw new AuditTrailException(file, "audit trail control file is damaged (" + content.length + " bytes)");
        }
        final ByteBuffer bytes = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.getLong(MAGIC_OFFSET) != MAGIC) {
            throw new AuditTrailException(file, "audit trail control file is damaged (bad magic)");
        }
        final int count = bytes.getInt(COUNT_OFFSET);
        if (count < 0 || count > MAX_SEGMENTS
            || content.length != FIXED_BYTES + count * ENTRY_BYTES + Integer.BYTES) {
            throw new AuditTrailException(file, "audit trail control file is damaged (" + content.length
                + " bytes for " + count + " segments)");
        }
        if (bytes.getInt(content.length - Integer.BYTES) != crc(content, content.length - Integer.BYTES)) {
            throw new AuditTrailException(file, "audit trail control file is damaged (CRC mismatch)");
        }
        if (bytes.getInt(VERSION_OFFSET) != VERSION) {
            throw new AuditTrailException(file, "audit trail control file has unsupported version "
                + bytes.getInt(VERSION_OFFSET));
        }
        final int oldestEpoch = bytes.getInt(OLDEST_EPOCH_OFFSET);
        final int nextSegmentNumber = bytes.getInt(NEXT_SEGMENT_OFFSET);
        if (oldestEpoch < 0 || nextSegmentNumber < 0) {
            throw new AuditTrailException(file, "audit trail control file is inconsistent (oldest epoch "
                + oldestEpoch + ", next segment " + nextSegmentNumber + ")");
        }
        final int[] numbers = new int[count];
        final int[] epochs = new int[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = bytes.getInt(FIXED_BYTES + i * ENTRY_BYTES);
            epochs[i] = bytes.getInt(FIXED_BYTES + i * ENTRY_BYTES + Integer.BYTES);
            if (numbers[i] < 0 || numbers[i] >= nextSegmentNumber || (i > 0 && numbers[i] <= numbers[i - 1])
                || epochs[i] < oldestEpoch) {
                throw new AuditTrailException(file, "audit trail control file is inconsistent (segment " + numbers[i]
                    + " of epoch " + epochs[i] + ", oldest epoch " + oldestEpoch + ", next segment "
                    + nextSegmentNumber + ")");
            }
        }
        return new TrailControl(oldestEpoch, nextSegmentNumber, numbers, epochs);
    }

    private static int crc(final byte[] bytes, final int length) {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
