package org.ppay.validation.node;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.ppay.sim.load.Task;

/** A client connection to one process: one request, one reply, in turn; counts its bytes under the request's task. */
final class Link implements Closeable {

    private final int port;
    private final Meter meter;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;

    Link(int port, Meter meter) {
        this.port = port;
        this.meter = meter;
    }

    synchronized byte[] call(byte kind, Task task, long to, byte[] body) {
        try {
            if (socket == null) {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setTcpNoDelay(true);
                in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                out = new BufferedOutputStream(socket.getOutputStream());
            }
            final Frame request = new Frame(kind, task, to, body);
            request.writeTo(out);
            meter.out(task, request.sizeBytes());
            final Frame reply = Frame.readFrom(in);
            if (reply == null) {
                throw new IOException("port " + port + " closed the connection before replying");
            }
            meter.in(task, reply.sizeBytes());
            if (reply.kind() == Frame.ERROR) {
                throw new RemoteFailure("peer " + to + " refused: " + new String(reply.body(), StandardCharsets.UTF_8));
            }
            return reply.body();
        } catch (IOException e) {
            throw new UncheckedIOException("link to port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }

    /** The other process answered with an error frame. */
    static final class RemoteFailure extends RuntimeException {
        RemoteFailure(String message) {
            super(message);
        }
    }
}
