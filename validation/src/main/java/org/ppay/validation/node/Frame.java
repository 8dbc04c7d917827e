package org.ppay.validation.node;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ppay.sim.load.Task;

/**
 * The TCP framing between processes: {@code [length:4][kind:1][task:1][to:8][body]}, little-endian, where length
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
        final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(HEADER_BYTES - 4 + body.length).put(kind).put((byte) task.ordinal()).putLong(to);
        out.write(header.array());
        out.write(body);
        out.flush();
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
        final ByteBuffer view = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
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
        final byte[] body = new byte[length - (HEADER_BYTES - 4)];
        in.readFully(body);
        return new Frame(kind, Task.of(task), to, body);
    }
}
