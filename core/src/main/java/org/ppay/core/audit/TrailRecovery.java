package org.ppay.core.audit;

import static org.ppay.core.audit.TrailLayout.RECORD_CRC_OFFSET;
import static org.ppay.core.audit.TrailLayout.RECORD_EPOCH_OFFSET;
import static org.ppay.core.audit.TrailLayout.RECORD_HEADER_LENGTH;
import static org.ppay.core.audit.TrailLayout.RECORD_LENGTH_OFFSET;
import static org.ppay.core.audit.TrailLayout.RECORD_SEQUENCE_OFFSET;
import static org.ppay.core.audit.TrailLayout.RECORD_TYPE_OFFSET;
import static org.ppay.core.audit.TrailLayout.SEGMENT_HEADER_LENGTH;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Recovers a trail directory in two phases. The first only reads: it checks the control file, checks the segment
 * files against it, and walks every record. The records before a segment's sync mark were covered by a sync (and
 * acknowledged, unless a power loss interrupted it): each must be intact and they must end exactly at the mark, or
 * the open is refused. Only records after a sync mark (never acknowledged) may be truncated: from a segment's first bad record after its mark, and, since a
 * completed sync covers every record appended before it, every record of any segment with a later sequence. Any other
 * damage, and any truncation while a sync mark slot is damaged (the mark may then be older than the last sync),
 * refuses with an {@link AuditTrailException} naming the file and offset. The second phase runs only when nothing was
 * refused: it removes interrupted creations, spares and the leftovers of an interrupted purge, and zeroes the
 * truncated tails. So a refused open changes no byte on disk.
 */
final class TrailRecovery {

    /** Receives every kept record, segment by segment in number order, in file order within a segment. */
    @FunctionalInterface
    interface RecordSink {
        void record(Segment segment, int offset);
    }

    private final TrailDirectory directory;
    private final CRC32C crc;
    private final List<Segment> segments = new ArrayList<>();
    private TrailControl control;

    TrailRecovery(final TrailDirectory directory, final CRC32C crc) {
        this.directory = directory;
        this.crc = crc;
    }

    RecoveryReport run(final RecordSink sink) {
        final List<Segment> opened = new ArrayList<>();
        try {
            final TrailControl found = directory.readControl();
            final List<Path> temporaryFiles = directory.temporaryFiles();
            final List<Path> spareFiles = directory.spareFiles();
            final List<Path> segmentFiles = directory.segmentFiles();
            for (final Path file : segmentFiles) {
                opened.add(Segment.open(file));
            }
            if (found == null && !segmentFiles.isEmpty()) {
                throw new AuditTrailException(directory.path().resolve(TrailControl.FILE), "audit trail control file"
                    + " is missing beside " + segmentFiles.size() + " segment files; refusing to guess which segments"
                    + " and epochs are live");
            }
            control = found != null ? found : TrailControl.empty();
            final List<Segment> leftovers = new ArrayList<>();
            boolean controlStale = found == null;
            controlStale |= checkAgainstControl(opened, leftovers);

            final Scan[] scans = new Scan[segments.size()];
            long syncedSequence = 0;
            for (int i = 0; i < scans.length; i++) {
                scans[i] = scan(segments.get(i));
                syncedSequence = Math.max(syncedSequence, scans[i].syncedSequence);
            }
            long cut = Long.MAX_VALUE;
            for (final Scan scan : scans) {
                if (scan.tailEnd > scan.intactEnd) {
                    cut = Math.min(cut, Math.max(scan.lastSequence, syncedSequence));
                }
            }
            Scan firstTruncated = null;
            for (final Scan scan : scans) {
                scan.keepUpTo(cut);
                if (firstTruncated == null && scan.truncates()) {
                    firstTruncated = scan;
                }
            }
            if (firstTruncated != null) {
                for (final Segment segment : segments) {
                    if (segment.markSlotDamaged()) {
                        throw new AuditTrailException(segment.path, "audit segment's sync mark slot at header offset "
                            + TrailLayout.SYNC_MARK_OFFSET + " is damaged, so its last sync is unknown; refusing to "
                            + "truncate " + firstTruncated.segment.path.getFileName() + " at offset "
                            + firstTruncated.keptEnd);
                    }
                }
            }
            return apply(sink, scans, temporaryFiles, spareFiles, leftovers, segmentFiles.size(), controlStale);
        } catch (final RuntimeException ex) {
            for (final Segment segment : opened) {
                segment.unmap();
            }
            throw ex;
        }
    }

    /** Segments kept, in number order. */
    List<Segment> segments() {
        return segments;
    }

    /** The purge horizon: epochs before it are closed. */
    int oldestEpoch() {
        return control.oldestEpoch;
    }

    /** The number the next new segment gets. */
    int nextSegmentNumber() {
        int next = control.nextSegmentNumber;
        for (final Segment segment : segments) {
            next = Math.max(next, segment.number + 1);
        }
        return next;
    }

    /**
     * Sorts the opened segments into kept and leftovers of an interrupted purge; refuses any other disagreement
     * with the control file. Returns whether the control file must be rewritten (a segment created after it).
     */
    private boolean checkAgainstControl(final List<Segment> opened, final List<Segment> leftovers) {
        final TrailControl control = this.control;
        for (int i = 0; i < control.segmentCount(); i++) {
            final int number = control.number(i);
            final Segment segment = find(opened, number);
            if (segment == null) {
                throw new AuditTrailException(directory.path().resolve(TrailLayout.segmentFileName(number)),
                    "audit segment " + number + " of epoch " + control.epoch(i) + " is listed in "
                        + TrailControl.FILE + " but missing; refusing to open without its records");
            }
            if (segment.epoch != control.epoch(i)) {
                throw new AuditTrailException(segment.path, "audit segment has epoch " + segment.epoch + " but "
                    + TrailControl.FILE + " lists it with epoch " + control.epoch(i));
            }
        }
        boolean stale = false;
        for (final Segment segment : opened) {
            if (control.epochOf(segment.number) >= 0) {
                segments.add(segment);
            } else if (segment.number < control.nextSegmentNumber && segment.epoch < control.oldestEpoch) {
                leftovers.add(segment); // a purge was interrupted before it removed this file
            } else if (segment.number == control.nextSegmentNumber) {
                segments.add(segment); // created just before a stop, before the control file listed it
                stale = true;
            } else {
                throw new AuditTrailException(segment.path, "audit segment " + segment.number + " of epoch "
                    + segment.epoch + " is not listed in " + TrailControl.FILE + " (next segment "
                    + control.nextSegmentNumber + ", oldest epoch " + control.oldestEpoch + ")");
            }
        }
        return stale;
    }

    private static Segment find(final List<Segment> opened, final int number) {
        for (final Segment segment : opened) {
            if (segment.number == number) {
                return segment;
            }
        }
        return null;
    }

    /** Walks one segment without writing: the synced records must all be intact; finds where the intact ones end. */
    private Scan scan(final Segment segment) {
        final int mark = segment.syncedEnd;
        int at = SEGMENT_HEADER_LENGTH;
        long previousSequence = 0;
        while (at < mark) {
            if (!intact(segment, at, previousSequence, mark)) {
                throw new AuditTrailException(segment.path, "audit segment is damaged at offset " + at + ", before its"
                    + " sync mark at " + mark + " (records a sync covered: damaged since, or a power loss interrupted"
                    + " that sync); refusing to open");
            }
            previousSequence = segment.buffer.getLong(at + RECORD_SEQUENCE_OFFSET);
            at += TrailLayout.alignedLength(segment.buffer.getInt(at + RECORD_LENGTH_OFFSET));
        }
        final long syncedSequence = previousSequence;
        while (intact(segment, at, previousSequence, segment.capacityBytes)) {
            previousSequence = segment.buffer.getLong(at + RECORD_SEQUENCE_OFFSET);
            at += TrailLayout.alignedLength(segment.buffer.getInt(at + RECORD_LENGTH_OFFSET));
        }
        return new Scan(segment, syncedSequence, previousSequence, at, nonZeroEnd(segment, at));
    }

    private RecoveryReport apply(final RecordSink sink, final Scan[] scans, final List<Path> temporaryFiles,
                                 final List<Path> spareFiles, final List<Segment> leftovers, final int segmentFiles,
                                 final boolean controlStale) {
        for (final Path temporary : temporaryFiles) {
            directory.delete(temporary);
        }
        for (final Path spare : spareFiles) {
            directory.delete(spare); // purged records, kept only to reuse the file
        }
        for (final Segment leftover : leftovers) {
            leftover.unmap();
            directory.delete(leftover.path);
        }
        long records = 0;
        long recordBytes = 0;
        long truncatedBytes = 0;
        int truncatedSegments = 0;
        for (final Scan scan : scans) {
            final Segment segment = scan.segment;
            if (scan.truncates()) {
                segment.zeroAndForce(scan.keptEnd, scan.truncatedEnd());
                truncatedBytes += scan.truncatedEnd() - scan.keptEnd;
                truncatedSegments++;
            }
            int at = SEGMENT_HEADER_LENGTH;
            while (at < scan.keptEnd) {
                sink.record(segment, at);
                segment.recordCount++;
                at += TrailLayout.alignedLength(segment.buffer.getInt(at + RECORD_LENGTH_OFFSET));
            }
            segment.writeOffset = scan.keptEnd; // records after the mark may not be on disk yet: the next sync forces them
            records += segment.recordCount;
            recordBytes += scan.keptEnd - SEGMENT_HEADER_LENGTH;
        }
        if (!temporaryFiles.isEmpty() || !spareFiles.isEmpty() || !leftovers.isEmpty()) {
            directory.force();
        }
        if (controlStale) {
            directory.writeControl(TrailControl.of(control.oldestEpoch, nextSegmentNumber(), segments));
        }
        return new RecoveryReport(segmentFiles, records, recordBytes, truncatedBytes, truncatedSegments,
            temporaryFiles.size());
    }

    /** Whether a whole, well-formed record of the segment's epoch, ending at or before {@code limit}, is at {@code at}. */
    private boolean intact(final Segment segment, final int at, final long previousSequence, final int limit) {
        if (at > limit - RECORD_HEADER_LENGTH) {
            return false;
        }
        final int length = segment.buffer.getInt(at + RECORD_LENGTH_OFFSET);
        if (length < RECORD_HEADER_LENGTH || length > limit - at
            || TrailLayout.alignedLength(length) > limit - at) {
            return false;
        }
        final byte type = segment.buffer.getByte(at + RECORD_TYPE_OFFSET);
        if (type < 1 || type > AuditTrail.ProofType.values().length
            || segment.buffer.getInt(at + RECORD_EPOCH_OFFSET) != segment.epoch
            || segment.buffer.getLong(at + RECORD_SEQUENCE_OFFSET) <= previousSequence) {
            return false;
        }
        crc.reset();
        segment.crcView.limit(at + length).position(at + RECORD_TYPE_OFFSET);
        crc.update(segment.crcView);
        return (int) crc.getValue() == segment.buffer.getInt(at + RECORD_CRC_OFFSET);
    }

    /** The end of the last non-zero 8-byte word from {@code from} on, or {@code from} when all are zero. */
    private static int nonZeroEnd(final Segment segment, final int from) {
        int end = from;
        for (int at = from; at < segment.capacityBytes; at += Long.BYTES) {
            if (segment.buffer.getLong(at) != 0) {
                end = at + Long.BYTES;
            }
        }
        return end;
    }

    /** What the read-only walk of one segment found, and where it is cut. */
    private static final class Scan {
        final Segment segment;
        /** Sequence of the last record before the sync mark, 0 when none. */
        final long syncedSequence;
        /** Sequence of the last intact record, 0 when none. */
        final long lastSequence;
        /** Where the intact records end. */
        final int intactEnd;
        /** Where the non-zero bytes end: beyond {@link #intactEnd} when the segment has a torn or damaged tail. */
        final int tailEnd;
        /** Where the kept records end. */
        int keptEnd;

        Scan(final Segment segment, final long syncedSequence, final long lastSequence, final int intactEnd,
             final int tailEnd) {
            this.segment = segment;
            this.syncedSequence = syncedSequence;
            this.lastSequence = lastSequence;
            this.intactEnd = intactEnd;
            this.tailEnd = tailEnd;
            this.keptEnd = intactEnd;
        }

        /** Keeps the intact records whose sequence is at most {@code cut}. */
        void keepUpTo(final long cut) {
            int at = SEGMENT_HEADER_LENGTH;
            while (at < intactEnd && segment.buffer.getLong(at + RECORD_SEQUENCE_OFFSET) <= cut) {
                at += TrailLayout.alignedLength(segment.buffer.getInt(at + RECORD_LENGTH_OFFSET));
            }
            if (at < segment.syncedEnd) {
                throw new IllegalStateException("recovery would cut synced records of " + segment.path);
            }
            keptEnd = at;
        }

        boolean truncates() {
            return truncatedEnd() > keptEnd;
        }

        int truncatedEnd() {
            return Math.max(tailEnd, intactEnd);
        }
    }
}
