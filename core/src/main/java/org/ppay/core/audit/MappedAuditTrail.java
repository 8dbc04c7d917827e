package org.ppay.core.audit;

import static org.ppay.core.audit.TrailLayout.RECORD_CRC_OFFSET;
import static org.ppay.core.audit.TrailLayout.RECORD_EPOCH_OFFSET;
import static org.ppay.core.audit.TrailLayout.RECORD_HEADER_LENGTH;
import static org.ppay.core.audit.TrailLayout.RECORD_LENGTH_OFFSET;
import static org.ppay.core.audit.TrailLayout.RECORD_PREVIOUS_OFFSET;
import static org.ppay.core.audit.TrailLayout.RECORD_SEQUENCE_OFFSET;
import static org.ppay.core.audit.TrailLayout.RECORD_SERIAL_OFFSET;
import static org.ppay.core.audit.TrailLayout.RECORD_TYPE_OFFSET;
import static org.ppay.core.audit.TrailLayout.SEGMENT_HEADER_LENGTH;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An audit trail kept in memory-mapped, append-only segment files under one directory; see {@link TrailLayout} for
 * the bytes. Each renewal epoch has its own chain of fixed-size segments, so purging an epoch drops whole files.
 * An off-heap {@link SerialIndex} maps each serial to its newest record; each record points to the previous record
 * of its serial, which gives the history. The files of purged segments (up to {@link #MAX_SPARE_SEGMENTS}) are kept
 * mapped and reused for new segments, which saves the zero fill and page faults of a fresh file.
 *
 * <p>Not thread-safe: one thread (the owner's) appends, reads, syncs and purges. Appends and lookups allocate nothing.
 * Opening a directory that holds a trail recovers it (see {@link #recoveryReport()}): it truncates only records that no
 * completed {@link #sync()} covered, and refuses to open, changing nothing, on any other damage; a trail directory is
 * locked against a second process while open.
 */
public final class MappedAuditTrail implements AuditTrail {

    /** Segment size used by {@link #open(Path)}. */
    public static final int DEFAULT_SEGMENT_BYTES = 64 << 20;

    /** Purged segment files kept for reuse at most; more are deleted at the purge. */
    public static final int MAX_SPARE_SEGMENTS = 16;

    private static final ProofType[] TYPES = ProofType.values();

    private final TrailDirectory directory;
    private final int segmentBytes;
    private final long forceEveryRecords;
    private final long forceIntervalNanos;
    private final SegmentTable segments = new SegmentTable();
    private final Int2ObjectHashMap<Segment> activeByEpoch = new Int2ObjectHashMap<>();
    private final ArrayList<Segment> awaitingForce = new ArrayList<>();
    private final ArrayDeque<Segment> spares = new ArrayDeque<>();
    private final SerialIndex index = new SerialIndex(this::isLive);
    private final CRC32C crc = new CRC32C();
    private final RecoveryReport recoveryReport;

    private Segment lastSegment;
    private int nextSegmentNumber;
    private long nextSequence = 1;
    private long proofCount;
    private int oldestEpoch;
    private long recordsSinceForce;
    private long lastForceNanos = System.nanoTime();
    private boolean closed;

    private MappedAuditTrail(final TrailDirectory directory, final int segmentBytes, final Durability durability) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.forceEveryRecords = durability.mode() == Durability.Mode.EVERY_N_RECORDS ? durability.interval() : 0;
        this.forceIntervalNanos = durability.mode() == Durability.Mode.EVERY_T_MILLIS
            ? TimeUnit.MILLISECONDS.toNanos(durability.interval()) : 0;
        try {
            this.recoveryReport = recover();
        } catch (final RuntimeException ex) {
            releaseAll();
            throw ex;
        }
    }

    /** Opens (creating or recovering) the trail in {@code directory} with 64 MiB segments and no automatic force. */
    public static MappedAuditTrail open(final Path directory) {
        return open(directory, DEFAULT_SEGMENT_BYTES, Durability.none());
    }

    /**
     * Opens the trail in {@code directory}, creating the directory if needed or recovering the trail it holds.
     *
     * @param segmentBytes size of new segment files: a multiple of 4096 between 4 KiB and 1 GiB; existing segments
     *                     keep their size
     * @throws AuditTrailException when the directory cannot be used, or holds a file that is not a segment of this
     *                             format, damage to synced records, a missing or unlisted segment or a damaged
     *                             control file; the exception names the file (and offset) and nothing on disk is changed
     */
    public static MappedAuditTrail open(final Path directory, final int segmentBytes, final Durability durability) {
        if (segmentBytes < TrailLayout.MIN_SEGMENT_BYTES || segmentBytes > TrailLayout.MAX_SEGMENT_BYTES
            || segmentBytes % TrailLayout.MIN_SEGMENT_BYTES != 0) {
            throw new IllegalArgumentException("segmentBytes must be a multiple of 4096 between 4 KiB and 1 GiB, got "
                + segmentBytes);
        }
        if (durability == null) {
            throw new IllegalArgumentException("durability must not be null");
        }
        return new MappedAuditTrail(TrailDirectory.lock(directory), segmentBytes, durability);
    }

    /** What opening found on disk. */
    public RecoveryReport recoveryReport() {
        return recoveryReport;
    }

    /** The largest proof one record can hold. */
    public int maxProofBytes() {
        return segmentBytes - SEGMENT_HEADER_LENGTH - RECORD_HEADER_LENGTH;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the epoch is negative, already purged, or older than the newest proof of
     *                                  the same serial, or the proof does not fit; the trail is then unchanged
     */
    @Override
    public void append(final long serial, final int epoch, final ProofType type, final DirectBuffer proof,
                       final int offset, final int length) {
        checkOpen();
        checkAppend(serial, epoch, type, proof, offset, length);
        final SerialIndex index = this.index;
        index.reserveOne(); // a full index fails here, before anything is written
        final long slot = index.slotOf(serial); // one probe serves the read here and the write below
        long previous = index.positionAt(slot);
        if (previous != 0) {
            // every record of a segment has the segment's epoch: no need to touch the (likely cold) record
            final Segment previousSegment = segments.get(TrailLayout.segmentNumber(previous));
            if (previousSegment == null) {
                previous = 0; // purged: the coin's history starts again here
            } else if (epoch < previousSegment.epoch) {
                throw new IllegalArgumentException("proof for serial " + serial + " in epoch " + epoch
                    + " is older than its latest proof, in epoch " + previousSegment.epoch);
            }
        }
        final int recordLength = RECORD_HEADER_LENGTH + length;
        final Segment segment = segmentFor(epoch, TrailLayout.alignedLength(recordLength));
        final UnsafeBuffer buffer = segment.buffer;
        final int at = segment.writeOffset;
        buffer.putInt(at + TrailLayout.RECORD_TYPE_OFFSET, TrailLayout.typeCode(type));
        buffer.putInt(at + RECORD_EPOCH_OFFSET, epoch);
        buffer.putLong(at + RECORD_SERIAL_OFFSET, serial);
        buffer.putLong(at + RECORD_SEQUENCE_OFFSET, nextSequence);
        buffer.putLong(at + RECORD_PREVIOUS_OFFSET, previous);
        buffer.putBytes(at + RECORD_HEADER_LENGTH, proof, offset, length);
        buffer.putInt(at + RECORD_CRC_OFFSET, crcOf(segment, at, recordLength));
        buffer.putIntRelease(at + RECORD_LENGTH_OFFSET, recordLength);

        segment.writeOffset = at + TrailLayout.alignedLength(recordLength);
        segment.recordCount++;
        nextSequence++;
        proofCount++;
        index.store(slot, serial, TrailLayout.position(segment.number, at));
        if (!segment.awaitingForce) {
            segment.awaitingForce = true;
            awaitingForce.add(segment);
        }
        forceIfDue();
    }

    @Override
    public boolean latest(final long serial, final ProofVisitor visitor) {
        checkOpen();
        final long position = index.get(serial);
        if (position == 0) {
            return false;
        }
        final Segment segment = segments.get(TrailLayout.segmentNumber(position));
        if (segment == null) {
            return false; // purged
        }
        visit(segment, TrailLayout.offset(position), visitor);
        return true;
    }

    @Override
    public void history(final long serial, final ProofVisitor visitor) {
        checkOpen();
        long position = index.get(serial);
        long newerSequence = Long.MAX_VALUE;
        while (position != 0) {
            final Segment segment = segments.get(TrailLayout.segmentNumber(position));
            final int at = TrailLayout.offset(position);
            // the chain ends at a purged segment, or at a record lost in a crash whose place now holds another; the
            // offset is checked to lie among the records before visit reads the header unchecked
            if (segment == null || at < SEGMENT_HEADER_LENGTH || at >= segment.writeOffset
                || segment.buffer.getLong(at + RECORD_SERIAL_OFFSET) != serial
                || segment.buffer.getLong(at + RECORD_SEQUENCE_OFFSET) >= newerSequence) {
                return;
            }
            if (!visit(segment, at, visitor)) {
                return;
            }
            newerSequence = segment.buffer.getLong(at + RECORD_SEQUENCE_OFFSET);
            position = segment.buffer.getLong(at + RECORD_PREVIOUS_OFFSET);
        }
    }

    /**
     * {@inheritDoc} Drops the segment files of those epochs: up to {@link #MAX_SPARE_SEGMENTS} are renamed to spares
     * for new segments to reuse, the others deleted. Later appends to those epochs are refused. The index is left
     * alone: its entries for purged records read as absent and are dropped when it next rebuilds.
     */
    @Override
    public void purgeBefore(final int epoch) {
        checkOpen();
        if (epoch <= oldestEpoch) {
            return;
        }
        final List<Segment> doomed = new ArrayList<>();
        final List<Segment> kept = new ArrayList<>();
        for (final Segment segment : segments.all()) {
            (segment.epoch < epoch ? doomed : kept).add(segment);
        }
        // first: from here on, recovery deletes the doomed files the loop below has not (the control file no longer
        // lists them and their epoch is before its horizon)
        directory.writeControl(TrailControl.of(epoch, nextSegmentNumber, kept));
        oldestEpoch = epoch;
        if (doomed.isEmpty()) {
            return;
        }
        doomed.sort((a, b) -> Integer.compare(a.number, b.number));
        for (final Segment segment : doomed) {
            segments.remove(segment);
            activeByEpoch.remove(segment.epoch);
            awaitingForce.remove(segment);
            proofCount -= segment.recordCount;
            if (segment.capacityBytes == segmentBytes && spares.size() < MAX_SPARE_SEGMENTS) {
                spares.addLast(segment.toSpare());
            } else {
                segment.unmap();
                directory.delete(segment.path);
            }
        }
        lastSegment = null;
        directory.force();
    }

    @Override
    public long proofCount() {
        return proofCount;
    }

    /**
     * {@inheritDoc} Forces, for every segment written since the last sync, its new records and its sync mark (the end
     * of its synced records, in its header) in one force. Recovery truncates only records after a segment's mark.
     */
    @Override
    public void sync() {
        checkOpen();
        final ArrayList<Segment> dirty = awaitingForce;
        for (int i = 0, n = dirty.size(); i < n; i++) {
            final Segment segment = dirty.get(i);
            segment.syncWithMark();
            segment.awaitingForce = false;
        }
        dirty.clear();
        recordsSinceForce = 0;
        lastForceNanos = System.nanoTime();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            sync();
        } finally {
            closed = true;
            releaseAll();
        }
    }

    /** Bytes appended but not yet forced to disk: what a crash of the machine (not just the JVM) could lose. */
    public long unsyncedBytes() {
        long bytes = 0;
        for (int i = 0, n = awaitingForce.size(); i < n; i++) {
            final Segment segment = awaitingForce.get(i);
            bytes += segment.writeOffset - segment.syncedEnd;
        }
        return bytes;
    }

    /** Purged segment files kept for reuse by new segments. */
    public int spareSegments() {
        return spares.size();
    }

    /** Off-heap bytes held by the serial index (the segments are file mappings). */
    public long indexBytes() {
        return index.capacityBytes();
    }

    private void checkAppend(final long serial, final int epoch, final ProofType type, final DirectBuffer proof,
                             final int offset, final int length) {
        if (type == null || proof == null) {
            throw new IllegalArgumentException("proof type and bytes must not be null (serial " + serial + ")");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must not be negative, got " + epoch);
        }
        if (epoch < oldestEpoch) {
            throw new IllegalArgumentException("epoch " + epoch + " was purged; the trail keeps epochs from "
                + oldestEpoch);
        }
        if (length < 1 || length > maxProofBytes()) {
            throw new IllegalArgumentException("proof length " + length + " is outside 1.." + maxProofBytes());
        }
        if (offset < 0 || offset > proof.capacity() - length) {
            throw new IllegalArgumentException("proof bytes [" + offset + ", " + offset + "+" + length
                + ") lie outside a buffer of " + proof.capacity() + " bytes");
        }
    }

    private Segment segmentFor(final int epoch, final int alignedRecordBytes) {
        Segment segment = lastSegment;
        if (segment == null || segment.epoch != epoch) {
            segment = activeByEpoch.get(epoch);
        }
        if (segment == null || !segment.fits(alignedRecordBytes)) {
            // the latest purged: its pages are the likeliest to be still dirty in the page cache
            final Segment spare = spares.pollLast();
            segment = spare != null ? spare.reuse(nextSegmentNumber, epoch)
                : Segment.create(directory.path(), nextSegmentNumber, epoch, segmentBytes);
            list(segment);
            nextSegmentNumber++;
            segments.put(segment);
            activeByEpoch.put(epoch, segment);
        }
        lastSegment = segment;
        return segment;
    }

    /**
     * Makes a new segment's file durable and lists it in the control file, so that recovery refuses to open without
     * it. On failure the segment is removed again and the trail is unchanged.
     */
    private void list(final Segment segment) {
        try {
            directory.force();
            final List<Segment> live = segments.all();
            live.add(segment);
            directory.writeControl(TrailControl.of(oldestEpoch, segment.number + 1, live));
        } catch (final RuntimeException ex) {
            segment.unmap();
            try {
                directory.delete(segment.path);
            } catch (final RuntimeException suppressed) {
                ex.addSuppressed(suppressed); // recovery accepts an unlisted segment numbered next
            }
            throw ex;
        }
    }

    private void forceIfDue() {
        if (forceEveryRecords != 0) {
            if (++recordsSinceForce >= forceEveryRecords) {
                sync();
            }
        } else if (forceIntervalNanos != 0 && System.nanoTime() - lastForceNanos >= forceIntervalNanos) {
            sync();
        }
    }

    /**
     * Hands the record at {@code at} to the visitor. Its header is read at raw addresses: {@code at} comes from the
     * index or a checked history link, so it lies among the segment's records (bounds checks here cost a lookup at a
     * million coins about a tenth of its CPU time: a longer lookup overlaps fewer of its cache misses with the next).
     */
    private boolean visit(final Segment segment, final int at, final ProofVisitor visitor) {
        final long record = segment.address + at;
        final int recordLength = UnsafeApi.getInt(record + RECORD_LENGTH_OFFSET);
        final ProofType type = TYPES[UnsafeApi.getByte(record + RECORD_TYPE_OFFSET) - 1];
        return visitor.visit(type, UnsafeApi.getInt(record + RECORD_EPOCH_OFFSET), segment.buffer,
            at + RECORD_HEADER_LENGTH, recordLength - RECORD_HEADER_LENGTH);
    }

    private int crcOf(final Segment segment, final int at, final int recordLength) {
        final CRC32C crc = this.crc;
        crc.reset();
        segment.crcView.limit(at + recordLength).position(at + RECORD_TYPE_OFFSET);
        crc.update(segment.crcView);
        return (int) crc.getValue();
    }

    private RecoveryReport recover() {
        final TrailRecovery recovery = new TrailRecovery(directory, crc);
        final RecoveryReport report = recovery.run(this::recovered);
        oldestEpoch = recovery.oldestEpoch();
        nextSegmentNumber = recovery.nextSegmentNumber();
        for (final Segment segment : recovery.segments()) {
            segments.put(segment);
            final Segment active = activeByEpoch.get(segment.epoch);
            if (active == null || active.number < segment.number) {
                activeByEpoch.put(segment.epoch, segment);
            }
            proofCount += segment.recordCount;
            if (segment.writeOffset > segment.syncedEnd) {
                segment.awaitingForce = true; // kept records after the sync mark: the next sync forces and marks them
                awaitingForce.add(segment);
            }
        }
        return report;
    }

    /** Called by recovery for every intact record, in file order. */
    private void recovered(final Segment segment, final int at) {
        final long serial = segment.buffer.getLong(at + RECORD_SERIAL_OFFSET);
        final long sequence = segment.buffer.getLong(at + RECORD_SEQUENCE_OFFSET);
        nextSequence = Math.max(nextSequence, sequence + 1);
        segments.put(segment);
        final long existing = index.get(serial);
        if (existing == 0 || sequenceAt(existing) < sequence) {
            index.put(serial, TrailLayout.position(segment.number, at));
        }
    }

    private long sequenceAt(final long position) {
        final Segment segment = segments.get(TrailLayout.segmentNumber(position));
        return segment.buffer.getLong(TrailLayout.offset(position) + RECORD_SEQUENCE_OFFSET);
    }

    private boolean isLive(final long position) {
        return segments.get(TrailLayout.segmentNumber(position)) != null;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("audit trail is closed: " + directory.path());
        }
    }

    private void releaseAll() {
        try {
            for (final Segment segment : segments.all()) {
                segment.unmap();
            }
            for (final Segment spare : spares) {
                spare.unmap();
            }
            for (final Segment spare : spares) {
                directory.delete(spare.path); // purged records: recovery would delete them anyway
            }
        } finally {
            spares.clear();
            releaseIndexAndLock();
        }
    }

    private void releaseIndexAndLock() {
        segments.clear();
        activeByEpoch.clear();
        awaitingForce.clear();
        lastSegment = null;
        index.close();
        directory.close();
    }
}
