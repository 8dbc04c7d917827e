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
 * One fixed-size, preallocated segment file of one renewal epoch, mapped into memory. Holds the append and force
 * offsets; the records themselves are read and written by {@link MappedAuditTrail}.
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

    int writeOffset = SEGMENT_HEADER_LENGTH;
    int forcedOffset = SEGMENT_HEADER_LENGTH;
    long recordCount;
    boolean awaitingForce;

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

    /** Opens an existing segment file, checking that it is one. */
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
            throw new AuditTrailException(path, "not an audit trail segment (" + problem + ")");
        }
        return new Segment(path, header.getInt(SEGMENT_NUMBER_OFFSET), header.getInt(SEGMENT_EPOCH_OFFSET), mapped);
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

    boolean fits(final int alignedRecordBytes) {
        return alignedRecordBytes <= capacityBytes - writeOffset;
    }

    /** Forces the bytes appended since the last force. */
    void force() {
        final int end = writeOffset;
        if (end > forcedOffset) {
            try {
                mapped.force(forcedOffset, end - forcedOffset);
            } catch (final RuntimeException ex) {
                throw new AuditTrailException(path, "cannot force audit segment to disk", ex);
            }
            forcedOffset = end;
        }
    }

    void unmap() {
        IoUtil.unmap(mapped);
    }

    private static String headerProblem(final UnsafeBuffer header, final MappedByteBuffer mapped, final Path path,
                                        final int sizeBytes) {
        if (header.getLong(SEGMENT_MAGIC_OFFSET) != SEGMENT_MAGIC) {
            return "bad magic";
        }
        if (header.getInt(SEGMENT_CRC_OFFSET) != headerCrc(mapped.duplicate())) {
            return "header CRC mismatch";
        }
        if (header.getInt(SEGMENT_VERSION_OFFSET) != SEGMENT_VERSION) {
            return "unsupported version " + header.getInt(SEGMENT_VERSION_OFFSET);
        }
        if (header.getInt(SEGMENT_HEADER_LENGTH_OFFSET) != SEGMENT_HEADER_LENGTH) {
            return "bad header length " + header.getInt(SEGMENT_HEADER_LENGTH_OFFSET);
        }
        if (header.getInt(SEGMENT_CAPACITY_OFFSET) != sizeBytes) {
            return "header says " + header.getInt(SEGMENT_CAPACITY_OFFSET) + " bytes, file has " + sizeBytes;
        }
        final int number = header.getInt(SEGMENT_NUMBER_OFFSET);
        if (number < 0 || !path.getFileName().toString().equals(TrailLayout.segmentFileName(number))) {
            return "header says segment " + number;
        }
        if (header.getInt(SEGMENT_EPOCH_OFFSET) < 0) {
            return "negative epoch " + header.getInt(SEGMENT_EPOCH_OFFSET);
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
