package org.ppay.validation.node;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ppay.core.transport.FrameHeader;
import org.ppay.sim.load.Task;

/**
 * The framing between processes, on TCP streams and (for GUESS) in UDP datagrams: a {@link FrameHeader}
 * {@code [length:4][kind:1][task:1][to:8]}, then the body. {@code to} is the peer id (broker 0) the body is for; {@code task} is the load-split
 * task the exchange belongs to, so both ends can attribute CPU time and bytes. The body is a wire-format message
 * (org.ppay.core.wire) or, for the few exchanges the wire format has no message for, a small documented payload
 * (docs/validation.md, "Transport and framing"). A body is at most a {@link FrameLimit}, which readers enforce from
 * the header.
 */
public record Frame(byte kind, Task task, long to, byte[] body) {

    /** Payment delivered to the payee's holder: an assignment or a layered coin. */
    public static final byte PAY = 1;
    /** A request to an owner: reassignment request, layered coin to peel, or renewal request. */
    public static final byte OWNER = 2;
    /** A request to the broker: cash request (reply: payout cents, 8 bytes), reassignment or renewal request. */
    public static final byte BROKER = 3;
    /** A peer buys a limit certificate; body: the buyer's signed order ({@link SignedOrder}) for a serial count. */
    public static final byte LIMIT_CERTIFICATE = 4;
    /**
     * An owner back online takes the requests the broker stored; body: the owner's signed order ({@link SignedOrder}).
     * The reply is streamed: a REPLY of {@code [count:4]}, then one REPLY frame per stored request, its message.
     */
    public static final byte STORED_REQUESTS = 5;
    /** A GUESS probe; body[0] is 1 when the target has a match. The reply is the GUESS response. */
    public static final byte GUESS = 6;
    public static final byte REPLY = 7;
    /** The request failed; body: the reason in UTF-8. */
    public static final byte ERROR = 8;

    /** Whether a request of {@code kind} is answered by a streamed reply (see {@link #STORED_REQUESTS}). */
    public static boolean streamsReply(byte kind) {
        return kind == STORED_REQUESTS;
    }

    public int sizeBytes() {
        return FrameHeader.frameBytes(body.length);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(toBytes());
        out.flush();
    }

    /** The frame's bytes, header and body: one datagram. */
    public byte[] toBytes() {
        final ByteBuffer frame = ByteBuffer.allocate(sizeBytes()).order(ByteOrder.LITTLE_ENDIAN);
        return FrameHeader.write(frame, kind, (byte) task.ordinal(), to, body.length).put(body).array();
    }

    /** The frame one datagram of {@code length} bytes holds; the header's length must account for every byte. */
    public static Frame fromDatagram(byte[] data, int length) throws IOException {
        if (length < FrameHeader.BYTES) {
            throw new IOException("a datagram of " + length + " bytes is shorter than a frame header");
        }
        final ByteBuffer view = ByteBuffer.wrap(data, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        final int announced = view.getInt(0);
        if (announced != length - FrameHeader.LENGTH_FIELD_BYTES) {
            throw new IOException("a datagram of " + length + " bytes announces a frame length of " + announced);
        }
        final Frame frame = headed(view, length - FrameHeader.BYTES);
        view.get(frame.body);
        return frame;
    }

    /**
     * A frame with the header at {@code view}'s position (which it passes) and a body still to be filled; a length
     * announcing a body over {@code maxBodyBytes} is refused before the body is allocated.
     */
    static Frame headed(ByteBuffer view, int maxBodyBytes) throws IOException {
        final int length = view.getInt();
        final int bodyBytes = FrameHeader.bodyBytes(length);
        if (bodyBytes < 0 || bodyBytes > maxBodyBytes) {
            throw new IOException("bad frame length " + length + ": a body is at most " + maxBodyBytes + " bytes");
        }
        final byte kind = view.get();
        final int task = view.get();
        if (kind < PAY || kind > ERROR || task < 0 || task >= Task.values().length) {
            throw new IOException("bad frame header: kind " + kind + ", task " + task);
        }
        final long to = view.getLong();
        return new Frame(kind, Task.of(task), to, new byte[bodyBytes]);
    }
}
