package org.ppay.core.audit;

import static org.ppay.core.audit.TrailLayout.SEGMENT_CAPACITY_OFFSET;
import static org.ppay.core.audit.TrailLayout.SEGMENT_CRC_OFFSET;
import static org.ppay.core.audit.TrailLayout.SEGMENT_EPOCH_OFFSET;
import static org.ppay.core.audit.TrailLayout.SEGMENT_HEADER_LENGTH;
import static org.ppay.core.audit.TrailLayout.SEGMENT_HEADER_LENGTH_OFFSET;
import static org.ppay.core.audit.TrailLayout.SEGMENT_MAGIC;
import static org.ppay.core.audit.TrailLayout.SEGMENT_MAGIC_OFFSET;
import static org.ppay.core.audit.TrailLayout.SEGMENT_NUMBER_OFFSET;
import static org.ppay.core.audit.TrailLayout.SEGMENT_VERSION;
import static org.ppay.core.audit.TrailLayout.SEGMENT_VERSION_OFFSET;
import static org.ppay.core.audit.TrailLayout.SEGMENT_VERSION_WITHOUT_SYNC_MARKS;
import static org.ppay.core.audit.TrailLayout.SYNC_MARK_LENGTH;
import static org.ppay.core.audit.TrailLayout.SYNC_MARK_OFFSET;
import static org.ppay.core.audit.TrailLayout.SYNC_MARK_SLOTS;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One fixed-size, preallocated segment file of one renewal epoch, mapped into memory. Holds the append offset and
 * the sync mark (the end of the records the last sync forced, kept in the header); the records themselves are read
 * and written by {@link MappedAuditTrail}.
 */
final class Segment {

    private static final int ZERO_CHUNK_BYTES = 1 << 20;

    final Path path;
    final int number;
    final int epoch;
    final int capacityBytes;
    final UnsafeBuffer buffer;
    /** The mapping's address, for reads at offsets known to lie inside it. */
    final long address;
    /** A private view of the mapping for CRC32C, whose position and limit the trail moves freely. */
    final ByteBuffer crcView;
    private final MappedByteBuffer mapped;

    private final CRC32C markCrc = new CRC32C();

    int writeOffset = SEGMENT_HEADER_LENGTH;
    long recordCount;
    boolean awaitingForce;
    /** The sync mark: the records before it were forced by the last sync (and the mark with them). */
    int syncedEnd = SEGMENT_HEADER_LENGTH;
    /** The slot holding {@link #syncedEnd}; the next mark goes into the other one. */
    private int markSlot;
    /** Whether a slot failed its check when the segment was opened (a torn mark write, or damage). */
    private boolean markSlotDamaged;

    private Segment(final Path path, final int number, final int epoch, final MappedByteBuffer mapped) {
        this.path = path;
        this.number = number;
        this.epoch = epoch;
        this.capacityBytes = mapped.capacity();
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
        this.address = buffer.addressOffset();
        this.crcView = mapped.duplicate();
    }

    /**
     * Creates a segment: the file is written in full under a temporary name (so a full disk is an exception here, not
     * a SIGBUS on a later store into a sparse mapping), gets its header, is forced, then renamed into place.
     */
    static Segment create(final Path directory, final int number, final int epoch, final int capacityBytes) {
        final Path path = directory.resolve(TrailLayout.segmentFileName(number));
        final Path temporary = directory.resolve(path.getFileName() + TrailLayout.TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                writeZeros(channel, capacityBytes);
                final ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_LENGTH);
                writeHeader(header, number, epoch, capacityBytes);
                channel.write(header, 0);
                channel.force(true);
            }
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException ex) {
            deleteQuietly(temporary);
            throw new AuditTrailException(temporary, "cannot create audit segment", ex);
        }
        return new Segment(path, number, epoch, map(path, capacityBytes));
    }

    /**
     * Opens an existing segment file, checking that it is one, and reads its sync mark. Writes nothing.
     *
     * @throws AuditTrailException when the file is not a segment of this format or neither sync mark slot is valid
     */
    static Segment open(final Path path) {
        final long sizeBytes;
        try {
            sizeBytes = Files.size(path);
        } catch (final IOException ex) {
            throw new AuditTrailException(path, "cannot read audit segment", ex);
        }
        if (sizeBytes < TrailLayout.MIN_SEGMENT_BYTES || sizeBytes > TrailLayout.MAX_SEGMENT_BYTES
            || sizeBytes % TrailLayout.MIN_SEGMENT_BYTES != 0) {
            throw new AuditTrailException(path, "not an audit trail segment (size " + sizeBytes + " bytes)");
        }
        final MappedByteBuffer mapped = map(path, (int) sizeBytes);
        final UnsafeBuffer header = new UnsafeBuffer(mapped);
        final String problem = headerProblem(header, mapped, path, (int) sizeBytes);
        if (problem != null) {
            IoUtil.unmap(mapped);
            throw new AuditTrailException(path, problem);
        }
        final Segment segment = new Segment(path, header.getInt(SEGMENT_NUMBER_OFFSET),
            header.getInt(SEGMENT_EPOCH_OFFSET), mapped);
        if (!segment.readSyncMark()) {
            segment.unmap();
            throw new AuditTrailException(path, "audit segment's sync mark is damaged in both slots (header offset "
                + SYNC_MARK_OFFSET + "); refusing to guess which records were synced");
        }
        return segment;
    }

    /**
     * Sets this purged segment aside for {@link #reuse}: renames its file to a spare name, which recovery deletes, so a
     * crash never leaves it looking like a segment. Returns the spare; this object must no longer be used.
     */
    Segment toSpare() {
        final Path spare = path.resolveSibling(path.getFileName() + TrailLayout.SPARE_SUFFIX);
        try {
            Files.move(path, spare, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException ex) {
            throw new AuditTrailException(path, "cannot set aside purged audit segment", ex);
        }
        final Segment renamed = new Segment(spare, number, epoch, mapped);
        renamed.writeOffset = writeOffset;
        return renamed;
    }

    /**
     * Makes this spare the new segment {@code newNumber} of {@code newEpoch}: zeroes the records it held (its pages
     * are mapped already, so no page faults and no zero-filled file write as {@link #create} pays), writes and forces
     * its new header, then renames it into place. Its old records may still be on disk until the kernel writes the
     * zeroes back; after a power loss recovery drops them as a torn tail, since every record carries its segment's
     * epoch and theirs is a purged one. On failure the spare is unmapped and deleted.
     */
    Segment reuse(final int newNumber, final int newEpoch) {
        final Path target = path.resolveSibling(TrailLayout.segmentFileName(newNumber));
        try {
            buffer.setMemory(SEGMENT_HEADER_LENGTH, writeOffset - SEGMENT_HEADER_LENGTH, (byte) 0);
            writeHeader(mapped.duplicate(), newNumber, newEpoch, capacityBytes);
            mapped.force(0, SEGMENT_HEADER_LENGTH);
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException | RuntimeException ex) {
            unmap();
            deleteQuietly(path);
            throw new AuditTrailException(path, "cannot reuse spare audit segment", ex);
        }
        return new Segment(target, newNumber, newEpoch, mapped);
    }

    /**
     * Forces the records appended since the last sync together with a sync mark at their end: the mark goes into the
     * slot not holding the current one, and one force covers the header page and the records (one msync, one disk
     * flush). The mark reaches the disk with the records it covers, in no guaranteed order: a power loss during this
     * call can leave the new mark ahead of records that did not reach the disk, which recovery refuses as damage
     * before a mark, never truncates.
     */
    void syncWithMark() {
        final int end = writeOffset;
        if (end == syncedEnd) {
            return;
        }
        final int slot = markSlot ^ 1;
        putMark(slot, end);
        try {
            mapped.force(0, end); // the pages in between are clean: the kernel writes only the dirty ones
        } catch (final RuntimeException ex) {
            throw new AuditTrailException(path, "cannot force audit segment to disk", ex);
        }
        syncedEnd = end;
        markSlot = slot;
    }

    /** Whether a sync mark slot failed its check on open: then recovery may not guess, so it truncates nothing. */
    boolean markSlotDamaged() {
        return markSlotDamaged;
    }

    boolean fits(final int alignedRecordBytes) {
        return alignedRecordBytes <= capacityBytes - writeOffset;
    }

    /** Zeroes bytes {@code from..to} and forces them; for recovery's truncation of an unsynced tail. */
    void zeroAndForce(final int from, final int to) {
        buffer.setMemory(from, to - from, (byte) 0);
        try {
            mapped.force(from, to - from);
        } catch (final RuntimeException ex) {
            throw new AuditTrailException(path, "cannot force truncated audit segment to disk", ex);
        }
    }

    void unmap() {
        IoUtil.unmap(mapped);
    }

    /** Reads both mark slots; false when neither is valid. */
    private boolean readSyncMark() {
        int best = -1;
        for (int slot = 0; slot < SYNC_MARK_SLOTS; slot++) {
            final int at = SYNC_MARK_OFFSET + slot * SYNC_MARK_LENGTH;
            final int end = buffer.getInt(at);
            final boolean valid = end >= SEGMENT_HEADER_LENGTH && end <= capacityBytes
                && end % TrailLayout.RECORD_ALIGNMENT == 0 && buffer.getInt(at + Integer.BYTES) == markCrc(end);
            if (!valid) {
                markSlotDamaged = true;
            } else if (best < 0 || end > syncedEnd) {
                best = slot;
                syncedEnd = end;
            }
        }
        markSlot = Math.max(best, 0);
        return best >= 0;
    }

    private void putMark(final int slot, final int end) {
        final int at = SYNC_MARK_OFFSET + slot * SYNC_MARK_LENGTH;
        buffer.putInt(at, end);
        buffer.putInt(at + Integer.BYTES, markCrc(end));
    }

    private int markCrc(final int end) {
        return markCrc(markCrc, number, epoch, end);
    }

    /** CRC32C of the segment's number, epoch and the mark's end, little-endian: a mark copied elsewhere fails it. */
    private static int markCrc(final CRC32C crc, final int number, final int epoch, final int end) {
        crc.reset();
        updateInt(crc, number);
        updateInt(crc, epoch);
        updateInt(crc, end);
        return (int) crc.getValue();
    }

    private static void updateInt(final CRC32C crc, final int value) {
        crc.update(value);
        crc.update(value >>> 8);
        crc.update(value >>> 16);
        crc.update(value >>> 24);
    }

    private static String headerProblem(final UnsafeBuffer header, final MappedByteBuffer mapped, final Path path,
                                        final int sizeBytes) {
        if (header.getLong(SEGMENT_MAGIC_OFFSET) != SEGMENT_MAGIC) {
            return "not an audit trail segment (bad magic)";
        }
        if (header.getInt(SEGMENT_CRC_OFFSET) != headerCrc(mapped.duplicate())) {
            return "not an audit trail segment (header CRC mismatch)";
        }
        final int version = header.getInt(SEGMENT_VERSION_OFFSET);
        if (version == SEGMENT_VERSION_WITHOUT_SYNC_MARKS) {
            return "audit segment has format " + version + ", which records no sync marks; this build opens format "
                + SEGMENT_VERSION + " only (open the trail with the build that wrote it and copy its proofs out)";
        }
        if (version != SEGMENT_VERSION) {
            return "not an audit trail segment (unsupported version " + version + ")";
        }
        if (header.getInt(SEGMENT_HEADER_LENGTH_OFFSET) != SEGMENT_HEADER_LENGTH) {
            return "not an audit trail segment (bad header length " + header.getInt(SEGMENT_HEADER_LENGTH_OFFSET) + ")";
        }
        if (header.getInt(SEGMENT_CAPACITY_OFFSET) != sizeBytes) {
            return "not an audit trail segment (header says " + header.getInt(SEGMENT_CAPACITY_OFFSET)
                + " bytes, file has " + sizeBytes + ")";
        }
        final int number = header.getInt(SEGMENT_NUMBER_OFFSET);
        if (number < 0 || !path.getFileName().toString().equals(TrailLayout.segmentFileName(number))) {
            return "not an audit trail segment (header says segment " + number + ")";
        }
        if (header.getInt(SEGMENT_EPOCH_OFFSET) < 0) {
            return "not an audit trail segment (negative epoch " + header.getInt(SEGMENT_EPOCH_OFFSET) + ")";
        }
        return null;
    }

    private static void writeHeader(final ByteBuffer headerBytes, final int number, final int epoch,
                                    final int capacityBytes) {
        final UnsafeBuffer header = new UnsafeBuffer(headerBytes);
        header.putLong(SEGMENT_MAGIC_OFFSET, SEGMENT_MAGIC);
        header.putInt(SEGMENT_VERSION_OFFSET, SEGMENT_VERSION);
        header.putInt(SEGMENT_HEADER_LENGTH_OFFSET, SEGMENT_HEADER_LENGTH);
        header.putInt(SEGMENT_NUMBER_OFFSET, number);
        header.putInt(SEGMENT_EPOCH_OFFSET, epoch);
        header.putInt(SEGMENT_CAPACITY_OFFSET, capacityBytes);
        header.putInt(SEGMENT_CRC_OFFSET, headerCrc(headerBytes));
        final int emptyMarkCrc = markCrc(new CRC32C(), number, epoch, SEGMENT_HEADER_LENGTH);
        for (int slot = 0; slot < SYNC_MARK_SLOTS; slot++) {
            header.putInt(SYNC_MARK_OFFSET + slot * SYNC_MARK_LENGTH, SEGMENT_HEADER_LENGTH);
            header.putInt(SYNC_MARK_OFFSET + slot * SYNC_MARK_LENGTH + Integer.BYTES, emptyMarkCrc);
        }
    }

    private static int headerCrc(final ByteBuffer headerBytes) {
        final CRC32C crc = new CRC32C();
        crc.update(headerBytes.duplicate().position(0).limit(SEGMENT_CRC_OFFSET));
        return (int) crc.getValue();
    }

    private static MappedByteBuffer map(final Path path, final int sizeBytes) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, sizeBytes);
        } catch (final IOException ex) {
            throw new AuditTrailException(path, "cannot map audit segment", ex);
        }
    }

    private static void writeZeros(final FileChannel channel, final int sizeBytes) throws IOException {
        final ByteBuffer zeros = ByteBuffer.allocateDirect(Math.min(ZERO_CHUNK_BYTES, sizeBytes));
        long written = 0;
        while (written < sizeBytes) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), sizeBytes - written));
            written += channel.write(zeros, written);
        }
    }

    private static void deleteQuietly(final Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (final IOException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
