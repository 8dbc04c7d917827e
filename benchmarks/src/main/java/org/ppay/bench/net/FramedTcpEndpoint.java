package org.ppay.bench.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ppay.core.transport.FrameHeader;

/**
 * TCP as {@code ppay validate} deploys it: a blocking {@link Socket} with {@code TCP_NODELAY}, buffered streams, and
 * frames {@code [length:4][kind:1][task:1][to:8][body]} (little-endian, length = bytes after the length field). A frame
 * is written whole and flushed; it is read as the deployment reads it: the header (first byte, then the rest), then a
 * freshly allocated body of the announced length.
 */
final class FramedTcpEndpoint implements Endpoint {


    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final byte[][] frames;

    FramedTcpEndpoint(Socket socket, byte[][] bodies) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.frames = new byte[bodies.length][];
        for (int i = 0; i < bodies.length; i++) {
            frames[i] = frame(bodies[i]);
        }
    }

    /** A frame of kind 7 (reply) for task 0 to peer 1 around {@code body}. */
    static byte[] frame(byte[] body) {
        final ByteBuffer frame = ByteBuffer.allocate(FrameHeader.frameBytes(body.length)).order(ByteOrder.LITTLE_ENDIAN);
        return FrameHeader.write(frame, (byte) 7, (byte) 0, 1L, body.length).put(body).array();
    }

    @Override
    public void send(int index) throws IOException {
        out.write(frames[index]);
        out.flush();
    }

    @Override
    public int receive() throws IOException {
        final byte[] header = new byte[FrameHeader.BYTES];
        if (in.read(header, 0, 1) < 0) {
            return -1;
        }
        in.readFully(header, 1, FrameHeader.BYTES - 1);
        final int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
        final int bodyBytes = FrameHeader.bodyBytes(length);
        if (bodyBytes < 0 || length > (1 << 20)) {
            throw new EOFException("bad frame length " + length);
        }
        final byte[] body = new byte[bodyBytes];
        in.readFully(body);
        return FrameHeader.LENGTH_FIELD_BYTES + length;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
