package org.ppay.validation.measure;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The CPU times of one operation: count, total and their distribution (an HdrHistogram in nanoseconds, 3 significant
 * digits). A mean alone cannot tell a uniformly dear operation from a cheap one with a few outliers (a page fault, a
 * safepoint, code compiled late); the median and the 90th percentile can. Text form, one token without spaces:
 * {@code count:nanos:histogram}, the histogram compressed and in URL-safe Base64.
 */
public final class OperationTimes {

    private long count;
    private long nanos;
    private final Histogram histogram = new Histogram(3);

    public synchronized void record(long operationNanos) {
        count++;
        nanos += operationNanos;
        histogram.recordValue(Math.max(0, operationNanos));
    }

    public synchronized long count() {
        return count;
    }

    public synchronized long nanos() {
        return nanos;
    }

    /** The time at {@code percentile} (0-100) in ns, or NaN before any was recorded. */
    public synchronized double percentileNanos(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile);
    }

    public synchronized String encode() {
        final ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        final int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return count + ":" + nanos + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** Adds one process's {@code count:nanos:histogram}; a malformed one is refused and adds nothing. */
    public synchronized void add(String text) {
        final String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("operation times are count:nanos:histogram, got '" + text + "'");
        }
        final long addedCount = Long.parseLong(parts[0]);
        final long addedNanos = Long.parseLong(parts[1]);
        final Histogram added = decode(parts[2]);
        if (added.getTotalCount() != addedCount) {
            throw new IllegalArgumentException("operation times count " + addedCount + " operations but their"
                    + " histogram holds " + added.getTotalCount());
        }
        histogram.add(added);
        count += addedCount;
        nanos += addedNanos;
    }

    /** Adds another's times, its distribution to this one's. */
    public void add(OperationTimes other) {
        final long otherCount;
        final long otherNanos;
        final Histogram otherHistogram;
        synchronized (other) {
            otherCount = other.count;
            otherNanos = other.nanos;
            otherHistogram = other.histogram.copy();
        }
        synchronized (this) {
            histogram.add(otherHistogram);
            count += otherCount;
            nanos += otherNanos;
        }
    }

    private static Histogram decode(String text) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getUrlDecoder().decode(text)), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("a malformed operation histogram: " + e.getMessage(), e);
        }
    }
}
