package org.ppay.core.transport;

import java.nio.ByteBuffer;

/**
 * The header of a frame that carries one message between two processes (a TCP stream or a UDP datagram), as the
 * validation deployment frames them and the transport benchmarks measure them:
 *
 * <pre>
 *   0        4      5      6                 14
 *   +--------+------+------+-----------------+----------
 *   | length | kind | task | to              | body ...
 *   +--------+------+------+-----------------+----------
 * </pre>
 *
 * Little-endian. {@code length} counts every byte after itself (header rest and body); {@code kind} says what the body
 * is, {@code task} which load-split task the exchange belongs to, {@code to} the peer the body is for. The kinds and
 * tasks are the deployment's; the header only carries them as bytes.
 */
public final class FrameHeader {

    public static final int LENGTH_OFFSET = 0;
    public static final int LENGTH_FIELD_BYTES = 4;
    public static final int KIND_OFFSET = 4;
    public static final int TASK_OFFSET = 5;
    public static final int TO_OFFSET = 6;
    /** The header's size: a frame is this plus its body. */
    public static final int BYTES = 14;

    private FrameHeader() {
    }

    /** The whole frame's size around a body of {@code bodyBytes}. */
    public static int frameBytes(int bodyBytes) {
        return BYTES + bodyBytes;
    }

    /** The length field of a frame around a body of {@code bodyBytes}. */
    public static int lengthField(int bodyBytes) {
        return BYTES - LENGTH_FIELD_BYTES + bodyBytes;
    }

    /** The body's size a length field announces; negative when the field is shorter than the header's rest. */
    public static int bodyBytes(int lengthField) {
        return lengthField - (BYTES - LENGTH_FIELD_BYTES);
    }

    /** Writes the header at {@code out}'s position (little-endian), which it advances past the header. */
    public static ByteBuffer write(ByteBuffer out, byte kind, byte task, long to, int bodyBytes) {
        return out.putInt(lengthField(bodyBytes)).put(kind).put(task).putLong(to);
    }
}
