package org.ppay.validation.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads frames from one stream into a buffer of one largest frame ({@link FrameLimit}): a frame announcing a larger
 * body is refused from its header, before anything is allocated for it. Two clocks bound the waits: between frames
 * the stream may stay silent for {@code idleMillis}, and once a frame's first byte has come the whole frame must come
 * within {@code frameMillis}, however slowly its bytes trickle in (the socket's timeout is set to what is left before
 * every read). Bytes that arrive beyond the frame in hand are kept for the next one.
 */
final class FrameReader {

    /** Sets the wait of the next blocking read (a socket's {@code SO_TIMEOUT}). */
    interface Timeout {
        void set(int millis) throws IOException;
    }

    /** A wait ran out: between frames ({@link #idle()}) or inside one. */
    static final class TimedOut extends SocketTimeoutException {
        private final boolean idle;

        TimedOut(String message, boolean idle) {
            super(message);
            this.idle = idle;
        }

        boolean idle() {
            return idle;
        }
    }

    private final InputStream in;
    private final Timeout timeout;
    private final FrameLimit limit;
    private final int idleMillis;
    private final int frameMillis;
    private final byte[] buffer;
    private int start;
    private int end;
    private int timeoutSet = -1;

    FrameReader(Socket socket, FrameLimit limit, int idleMillis, int frameMillis) throws IOException {
        this(socket.getInputStream(), socket::setSoTimeout, limit, idleMillis, frameMillis);
    }

    FrameReader(InputStream in, Timeout timeout, FrameLimit limit, int idleMillis, int frameMillis) {
        if (idleMillis < 1 || frameMillis < 1) {
            throw new IllegalArgumentException("waits must be positive: idle " + idleMillis + " ms, frame "
                    + frameMillis + " ms");
        }
        this.in = in;
        this.timeout = timeout;
        this.limit = limit;
        this.idleMillis = idleMillis;
        this.frameMillis = frameMillis;
        this.buffer = new byte[limit.maxFrameBytes()];
    }

    /** Whether bytes of a frame not yet whole have been read. */
    boolean insideFrame() {
        return end > start;
    }

    /** The next frame; null at a clean end of stream between frames. */
    Frame next() throws IOException {
        long deadline = 0;
        if (end - start < Frame.HEADER_BYTES) {
            if (start == end) {
                start = 0;
                end = 0;
                if (!fill(idleMillis, true)) {
                    return null;
                }
            }
            deadline = System.nanoTime() + frameMillis * 1_000_000L;
            while (end - start < Frame.HEADER_BYTES) {
                fillBefore(deadline, "inside a frame header");
            }
        }
        final ByteBuffer view = ByteBuffer.wrap(buffer, start, end - start).order(ByteOrder.LITTLE_ENDIAN);
        final Frame frame = Frame.headed(view, limit.maxBodyBytes());
        final int frameBytes = Frame.HEADER_BYTES + frame.body().length;
        if (end - start < frameBytes) {
            if (deadline == 0) {
                deadline = System.nanoTime() + frameMillis * 1_000_000L;
            }
            if (buffer.length - start < frameBytes) {
                compact();
            }
            while (end - start < frameBytes) {
                fillBefore(deadline, "inside a frame of " + frameBytes + " bytes");
            }
        }
        System.arraycopy(buffer, start + Frame.HEADER_BYTES, frame.body(), 0, frame.body().length);
        start += frameBytes;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return frame;
    }

    private void fillBefore(long deadlineNanos, String where) throws IOException {
        final long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new TimedOut("a frame's bytes did not all come within " + frameMillis + " ms", false);
        }
        if (!fill((int) Math.max(1, Math.min(frameMillis, left / 1_000_000L)), false)) {
            throw new IOException("connection closed " + where);
        }
    }

    /** Reads what is there, waiting at most {@code millis}; false at end of stream. */
    private boolean fill(int millis, boolean idle) throws IOException {
        if (end == buffer.length) {
            compact();
        }
        if (millis != timeoutSet) {
            timeout.set(millis);
            timeoutSet = millis;
        }
        final int read;
        try {
            read = in.read(buffer, end, buffer.length - end);
        } catch (SocketTimeoutException e) {
            throw idle ? new TimedOut("no frame within " + idleMillis + " ms", true)
                    : new TimedOut("a frame's bytes did not all come within " + frameMillis + " ms", false);
        }
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
