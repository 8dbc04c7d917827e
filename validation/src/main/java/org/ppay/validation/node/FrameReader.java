package org.ppay.validation.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ppay.core.transport.FrameHeader;

/**
 * Reads frames from one stream into a buffer of one largest frame ({@link FrameLimit}): a frame announcing a larger
 * body is refused from its header, before anything is allocated for it. Bytes that arrive beyond the frame in hand
 * are kept for the next one. Reads block without a timeout, each one read system call as a buffered stream makes
 * (a socket timeout would turn every wake-up into a non-blocking read, a poll and a read again, inside every
 * measured receive); instead the reader tells when the frame in hand began ({@link #frameStartNanos()}), and the
 * server's watchdog closes a connection whose frame takes too long ({@link FrameServer}).
 */
final class FrameReader {

    private final InputStream in;
    private final FrameLimit limit;
    private final byte[] buffer;
    private int start;
    private int end;
    /** When the first byte of the frame in hand came ({@link System#nanoTime()}); 0 between frames. */
    private volatile long frameStartNanos;

    FrameReader(InputStream in, FrameLimit limit) {
        this.in = in;
        this.limit = limit;
        this.buffer = new byte[limit.maxFrameBytes()];
    }

    /** Whether bytes of a frame not yet whole have been read. */
    boolean insideFrame() {
        return end > start;
    }

    /** When the first byte of the frame being read came, by {@link System#nanoTime()}; 0 between frames. */
    long frameStartNanos() {
        return frameStartNanos;
    }

    /** The next frame; null at a clean end of stream between frames. */
    Frame next() throws IOException {
        if (start == end) {
            start = 0;
            end = 0;
            if (!fill()) {
                return null;
            }
            frameStartNanos = System.nanoTime();
        }
        while (end - start < FrameHeader.BYTES) {
            if (!fill()) {
                throw new IOException("connection closed inside a frame header");
            }
        }
        final ByteBuffer view = ByteBuffer.wrap(buffer, start, end - start).order(ByteOrder.LITTLE_ENDIAN);
        final Frame frame = Frame.headed(view, limit.maxBodyBytes());
        final int frameBytes = FrameHeader.BYTES + frame.body().length;
        if (buffer.length - start < frameBytes) {
            compact();
        }
        while (end - start < frameBytes) {
            if (!fill()) {
                throw new IOException("connection closed inside a frame of " + frameBytes + " bytes");
            }
        }
        System.arraycopy(buffer, start + FrameHeader.BYTES, frame.body(), 0, frame.body().length);
        start += frameBytes;
        frameStartNanos = start < end ? System.nanoTime() : 0;
        return frame;
    }

    /** Reads what is there, blocking until something is; false at end of stream. */
    private boolean fill() throws IOException {
        if (end == buffer.length) {
            compact();
        }
        final int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            return false;
        }
        end += read;
        return true;
    }

    private void compact() {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
    }
}
