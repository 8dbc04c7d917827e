package org.ppay.validation.node;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ppay.sim.load.Task;

/**
 * A client connection to one process: one request, one reply (or one streamed reply), in turn; counts its bytes under
 * the request's task. Replies are read within the same {@link FrameLimit} as requests, with plain blocking reads as
 * the server's (a deployment's processes answer, or die and close their sockets). The server closes a connection idle
 * for
 * {@link FrameServer.Bounds#idleMillis()}, so a link idle for half of that connects afresh; and since a server closes
 * a connection only while it waits for a request, a reused connection that closes before any byte of the reply
 * carried a request that was not handled: the link sends it once more on a new connection. Connecting is a one-time
 * cost of this transport, set aside from the operation that meets it ({@link Meter#setAside}, as
 * {@code link.connect}).
 */
final class Link implements Closeable {

    private final int port;
    private final Meter meter;
    private final FrameLimit limit;
    private final long reconnectAfterNanos;
    private Socket socket;
    private FrameReader reader;
    private OutputStream out;
    private long lastUsedNanos;

    Link(int port, Meter meter, FrameLimit limit) {
        this(port, meter, limit, FrameServer.Bounds.DEPLOYMENT);
    }

    /** A link to a server with {@code bounds}. */
    Link(int port, Meter meter, FrameLimit limit, FrameServer.Bounds bounds) {
        this.port = port;
        this.meter = meter;
        this.limit = limit;
        this.reconnectAfterNanos = bounds.idleMillis() * 1_000_000L / 2;
    }

    /** Sends one request and returns the reply's body; an error frame throws {@link RemoteFailure}. */
    synchronized byte[] call(byte kind, Task task, long to, byte[] body) {
        return exchange(new Frame(kind, task, to, body), false).get(0);
    }

    /** Sends one request whose reply is streamed ({@link Frame#streamsReply}) and returns the bodies it streamed. */
    synchronized List<byte[]> callStreamed(byte kind, Task task, long to, byte[] body) {
        if (!Frame.streamsReply(kind)) {
            throw new IllegalArgumentException("a request of kind " + kind + " has no streamed reply");
        }
        return exchange(new Frame(kind, task, to, body), true);
    }

    private List<byte[]> exchange(Frame request, boolean streamed) {
        limit.check(request.body().length, "a request");
        try {
            if (socket != null && System.nanoTime() - lastUsedNanos > reconnectAfterNanos) {
                disconnect();
            }
            final boolean reused = socket != null;
            List<byte[]> replies;
            try {
                replies = attempt(request, streamed);
            } catch (NotAnswered e) {
                disconnect();
                if (!reused) {
                    throw e;
                }
                replies = attempt(request, streamed);
            }
            lastUsedNanos = System.nanoTime();
            return replies;
        } catch (IOException e) {
            disconnect();
            throw new UncheckedIOException("link to port " + port + ": " + e.getMessage(), e);
        }
    }

    private List<byte[]> attempt(Frame request, boolean streamed) throws IOException {
        if (socket == null) {
            connect();
        }
        final Frame first;
        try {
            request.writeTo(out);
            meter.out(request.task(), request.sizeBytes());
            first = reader.next();
        } catch (SocketException e) {
            if (reader.insideFrame()) {
                throw e;
            }
            throw new NotAnswered("port " + port + " closed the connection before replying: " + e.getMessage());
        }
        if (first == null) {
            throw new NotAnswered("port " + port + " closed the connection before replying");
        }
        meter.in(request.task(), first.sizeBytes());
        if (first.kind() == Frame.ERROR) {
            throw new RemoteFailure("peer " + request.to() + " refused: "
                    + new String(first.body(), StandardCharsets.UTF_8));
        }
        if (!streamed) {
            return List.of(first.body());
        }
        if (first.body().length != 4) {
            throw new IOException("a streamed reply starts with a 4-byte count, got " + first.body().length
                    + " bytes");
        }
        final int count = ByteBuffer.wrap(first.body()).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (count < 0) {
            throw new IOException("a streamed reply of " + count + " frames");
        }
        final List<byte[]> bodies = new ArrayList<>(Math.min(count, 1_024));
        for (int i = 0; i < count; i++) {
            final Frame next = reader.next();
            if (next == null) {
                throw new IOException("port " + port + " closed the connection after " + i + " of " + count
                        + " streamed frames");
            }
            meter.in(request.task(), next.sizeBytes());
            bodies.add(next.body());
        }
        return bodies;
    }

    private void connect() throws IOException {
        final long before = Meter.threadCpuNanos();
        final Socket opened = new Socket(InetAddress.getLoopbackAddress(), port);
        try {
            opened.setTcpNoDelay(true);
            reader = new FrameReader(opened.getInputStream(), limit);
            out = new BufferedOutputStream(opened.getOutputStream());
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
        lastUsedNanos = System.nanoTime();
        meter.setAside("link.connect", Meter.cpuNanosSince(before));
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // a connection given up: nothing more to read from it
            }
            socket = null;
            reader = null;
            out = null;
        }
    }

    @Override
    public synchronized void close() {
        disconnect();
    }

    /** The other process answered with an error frame. */
    static final class RemoteFailure extends RuntimeException {
        RemoteFailure(String message) {
            super(message);
        }
    }

    /** The connection closed before any byte of the reply: the request was not handled. */
    private static final class NotAnswered extends IOException {
        NotAnswered(String message) {
            super(message);
        }
    }
}
