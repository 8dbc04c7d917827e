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
 * Recovers a trail directory: opens every segment, checks every record's frame and CRC, and truncates each segment at
 * its first bad record (the torn tail of a crash). A bad record followed by an intact one is not a torn tail but
 * damage to acknowledged data: recovery then refuses to open rather than silently drop records.
 */
final class TrailRecovery {

    /** Receives every intact record, segment by segment in number order, in file order within a segment. */
    @FunctionalInterface
    interface RecordSink {
        void record(Segment segment, int offset);
    }

    private final TrailDirectory directory;
    private final int oldestEpoch;
    private final CRC32C crc;
    private final List<Segment> segments = new ArrayList<>();

    TrailRecovery(final TrailDirectory directory, final int oldestEpoch, final CRC32C crc) {
        this.directory = directory;
        this.oldestEpoch = oldestEpoch;
        this.crc = crc;
    }

    RecoveryReport run(final RecordSink sink) {
        try {
            final List<Path> temporaryFiles = directory.temporaryFiles();
            for (final Path temporary : temporaryFiles) {
                directory.delete(temporary);
            }
            final List<Path> spareFiles = directory.spareFiles();
            for (final Path spare : spareFiles) {
                directory.delete(spare); // purged records, kept only to reuse the file
            }
            long records = 0;
            long recordBytes = 0;
            long truncatedBytes = 0;
            int truncatedSegments = 0;
            int segmentFiles = 0;
            for (final Path file : directory.segmentFiles()) {
                final Segment segment = Segment.open(file);
                segmentFiles++;
                if (segment.epoch < oldestEpoch) {
                    segment.unmap(); // a purge was interrupted before it deleted this file
                    directory.delete(file);
                    continue;
                }
                segments.add(segment);
                final long truncated = scan(segment, sink);
                records += segment.recordCount;
                recordBytes += segment.writeOffset - SEGMENT_HEADER_LENGTH;
                truncatedBytes += truncated;
                truncatedSegments += truncated > 0 ? 1 : 0;
            }
            if (!temporaryFiles.isEmpty() || !spareFiles.isEmpty()) {
                directory.force();
            }
            return new RecoveryReport(segmentFiles, records, recordBytes, truncatedBytes, truncatedSegments,
                temporaryFiles.size());
        } catch (final RuntimeException ex) {
            for (final Segment segment : segments) {
                segment.unmap();
            }
            throw ex;
        }
    }

    /** Segments kept, in number order. */
    List<Segment> segments() {
        return segments;
    }

    /** Scans one segment, sets its write offset and record count; returns the bytes truncated. */
    private long scan(final Segment segment, final RecordSink sink) {
        int at = SEGMENT_HEADER_LENGTH;
        long previousSequence = 0;
        while (at <= segment.capacityBytes - RECORD_HEADER_LENGTH
            && segment.buffer.getIntVolatile(at + RECORD_LENGTH_OFFSET) != 0) {
            if (!intact(segment, at, previousSequence)) {
                final int next = nextIfFramed(segment, at);
                if (next > 0 && intact(segment, next, 0)) {
                    throw new AuditTrailException(segment.path, "audit segment is corrupt at offset " + at
                        + " with intact records after it; refusing to truncate");
                }
                break;
            }
            previousSequence = segment.buffer.getLong(at + RECORD_SEQUENCE_OFFSET);
            sink.record(segment, at);
            segment.recordCount++;
            at += TrailLayout.alignedLength(segment.buffer.getInt(at + RECORD_LENGTH_OFFSET));
        }
        segment.writeOffset = at;
        segment.forcedOffset = at;
        return zeroTail(segment, at);
    }

    private boolean intact(final Segment segment, final int at, final long previousSequence) {
        if (nextIfFramed(segment, at) < 0) {
            return false;
        }
        final int length = segment.buffer.getInt(at + RECORD_LENGTH_OFFSET);
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

    /** The offset after the record at {@code at} if its length is plausible, else -1. */
    private static int nextIfFramed(final Segment segment, final int at) {
        if (at > segment.capacityBytes - RECORD_HEADER_LENGTH) {
            return -1;
        }
        final int length = segment.buffer.getInt(at + RECORD_LENGTH_OFFSET);
        if (length < RECORD_HEADER_LENGTH || length > segment.capacityBytes - at) {
            return -1;
        }
        final int next = at + TrailLayout.alignedLength(length);
        return next <= segment.capacityBytes ? next : -1;
    }

    /** Zeroes everything non-zero from {@code from} to the end of the segment; returns the bytes zeroed. */
    private static long zeroTail(final Segment segment, final int from) {
        int end = from;
        for (int at = from; at < segment.capacityBytes; at += Long.BYTES) {
            if (segment.buffer.getLong(at) != 0) {
                end = at + Long.BYTES;
            }
        }
        if (end == from) {
            return 0;
        }
        segment.buffer.setMemory(from, end - from, (byte) 0);
        segment.writeOffset = end; // so force() covers the zeroed range
        segment.forcedOffset = from;
        segment.force();
        segment.writeOffset = from;
        return end - from;
    }
}
