package org.ppay.validation.node;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ppay.sim.load.Task;

/**
 * The framing between processes, on TCP streams and (for GUESS) in UDP datagrams:
 * {@code [length:4][kind:1][task:1][to:8][body]}, little-endian, where length
 * counts every byte after itself. {@code to} is the peer id (broker 0) the body is for; {@code task} is the load-split
 * task the exchange belongs to, so both ends can attribute CPU time and bytes. The body is a wire-format message
 * (org.ppay.core.wire) or, for the few exchanges the wire format has no message for, a small documented payload.
 */
public record Frame(byte kind, Task task, long to, byte[] body) {

    public static final int HEADER_BYTES = 14;
    public static final int MAX_BODY_BYTES = 1 << 20;

    /** Payment delivered to the payee's holder: an assignment or a layered coin. */
    public static final byte PAY = 1;
    /** A request to an owner: reassignment request, layered coin to peel, or renewal request. */
    public static final byte OWNER = 2;
    /** A request to the broker: cash request (reply: payout cents, 8 bytes), reassignment or renewal request. */
    public static final byte BROKER = 3;
    /** A peer asks the broker for a limit certificate; body: serial count, 4 bytes. */
    public static final byte LIMIT_CERTIFICATE = 4;
    /** An owner back online takes the requests the broker stored; reply: [count:4] then [length:4][message]... */
    public static final byte STORED_REQUESTS = 5;
    /** A GUESS probe; body[0] is 1 when the target has a match. The reply is the GUESS response. */
    public static final byte GUESS = 6;
    public static final byte REPLY = 7;
    /** The request failed; body: the reason in UTF-8. */
    public static final byte ERROR = 8;

    public Frame {
        if (body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("frame body of " + body.length + " bytes exceeds " + MAX_BODY_BYTES);
        }
    }

    public int sizeBytes() {
        return HEADER_BYTES + body.length;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(toBytes());
        out.flush();
    }

    /** The frame's bytes, header and body: one datagram. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(sizeBytes()).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(HEADER_BYTES - 4 + body.length).put(kind).put((byte) task.ordinal()).putLong(to).put(body)
                .array();
    }

    /** The frame one datagram of {@code length} bytes holds; the header's length must account for every byte. */
    public static Frame fromDatagram(byte[] data, int length) throws IOException {
        if (length < HEADER_BYTES) {
            throw new IOException("a datagram of " + length + " bytes is shorter than a frame header");
        }
        final ByteBuffer view = ByteBuffer.wrap(data, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        final int announced = view.getInt(0);
        if (announced != length - 4) {
            throw new IOException("a datagram of " + length + " bytes announces a frame length of " + announced);
        }
        final Frame frame = headed(view);
        view.get(frame.body);
        return frame;
    }

    /** Reads one frame; returns null at a clean end of stream between frames. */
    public static Frame readFrom(DataInputStream in) throws IOException {
        final byte[] header = new byte[HEADER_BYTES];
        final int first = in.read(header, 0, 1);
        if (first < 0) {
            return null;
        }
        try {
            in.readFully(header, 1, HEADER_BYTES - 1);
        } catch (EOFException e) {
            throw new IOException("connection closed inside a frame header", e);
        }
        final Frame frame = headed(ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN));
        in.readFully(frame.body);
        return frame;
    }

    /** A frame with the header at {@code view}'s position (which it passes) and a body still to be filled. */
    private static Frame headed(ByteBuffer view) throws IOException {
        final int length = view.getInt();
        if (length < HEADER_BYTES - 4 || length - (HEADER_BYTES - 4) > MAX_BODY_BYTES) {
            throw new IOException("bad frame length " + length);
        }
        final byte kind = view.get();
        final int task = view.get();
        if (kind < PAY || kind > ERROR || task < 0 || task >= Task.values().length) {
            throw new IOException("bad frame header: kind " + kind + ", task " + task);
        }
        final long to = view.getLong();
        return new Frame(kind, Task.of(task), to, new byte[length - (HEADER_BYTES - 4)]);
    }
}
