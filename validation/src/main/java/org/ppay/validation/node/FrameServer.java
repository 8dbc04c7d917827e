package org.ppay.validation.node;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listens on 127.0.0.1 at a free port; one thread per connection reads request frames, hands each to the handler and
 * writes its reply. The handling thread's CPU time, from the read of the request (its wake-up included) to the reply
 * written, and the frames' bytes are charged to the request's task.
 *
 * <p>What a connection can hold is bounded ({@link Bounds}): a frame is at most the {@link FrameLimit} (refused from
 * its header), its bytes must all come within {@code frameMillis} of its first, a connection silent between frames
 * is closed after {@code idleMillis}, and at most {@code maxConnections} connections (so as many threads, and one
 * largest frame of buffer each) are open. A connection beyond that evicts the one least recently active, unless every
 * other is being answered. The two clocks are kept by one watchdog thread, which looks every quarter of the shorter
 * one, so that reads stay plain blocking reads ({@link FrameReader}). A connection is closed only while it waits for
 * a request (or after {@code frameMillis} stuck writing a reply nobody reads): a request read whole is answered
 * before its connection can be closed, so a caller whose connection closed before any byte of a reply knows its
 * request was not handled ({@link Link} resends it then).
 */
final class FrameServer implements Closeable {

    /** What one server allows its connections. */
    record Bounds(int maxConnections, int idleMillis, int frameMillis) {

        /**
         * 64 connections: a process gets one from every peer process, and the largest documented run has 16; an idle
         * minute, which a link between passes of a run may sit out (the caller reconnects after half of it); two
         * seconds for a frame, which on loopback comes in one write within microseconds.
         */
        static final Bounds DEPLOYMENT = new Bounds(64, 60_000, 2_000);

        Bounds {
            if (maxConnections < 1 || idleMillis < 1 || frameMillis < 1) {
                throw new IllegalArgumentException("bounds must be positive: " + maxConnections + " connections, "
                        + idleMillis + " ms idle, " + frameMillis + " ms a frame");
            }
        }
    }

    /** How long an arriving connection may wait for an evicted one's thread to end. */
    private static final long SLOT_WAIT_MILLIS = 1_000;
    /** Failed connections printed at most, so that a flood of bad frames does not flood stderr. */
    private static final int FAILURES_PRINTED = 10;

    private final ServerSocket server;
    private final Handler handler;
    private final Meter meter;
    private final FrameLimit limit;
    private final Bounds bounds;
    /** The open connections, each with its thread; guarded by itself. */
    private final Set<Connection> connections = new HashSet<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger evictions = new AtomicInteger();
    private final Thread watchdog;

    FrameServer(Handler handler, Meter meter, FrameLimit limit) throws IOException {
        this(handler, meter, limit, Bounds.DEPLOYMENT);
    }

    FrameServer(Handler handler, Meter meter, FrameLimit limit, Bounds bounds) throws IOException {
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        this.handler = handler;
        this.meter = meter;
        this.limit = limit;
        this.bounds = bounds;
        final Thread acceptor = new Thread(this::acceptLoop, "accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        this.watchdog = new Thread(this::watch, "watch-" + server.getLocalPort());
        watchdog.setDaemon(true);
        watchdog.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many connections are open now. */
    int connections() {
        synchronized (connections) {
            return connections.size();
        }
    }

    /** How many connections were closed to make room for another. */
    int evictions() {
        return evictions.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            final Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            final FrameReader reader;
            try {
                socket.setTcpNoDelay(true);
                reader = new FrameReader(socket.getInputStream(), limit);
            } catch (IOException e) {
                closeQuietly(socket);
                continue;
            }
            final Connection connection = admit(socket, reader);
            if (connection == null) {
                closeQuietly(socket);
                continue;
            }
            final Thread thread = new Thread(() -> serve(connection), "conn-" + port() + "-" + socket.getPort());
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * A slot for {@code socket}: a free one, or one freed by evicting the connection least recently active among
     * those waiting for a request; null if none frees within {@link #SLOT_WAIT_MILLIS}.
     */
    private Connection admit(Socket socket, FrameReader reader) {
        synchronized (connections) {
            final long end = System.nanoTime() + SLOT_WAIT_MILLIS * 1_000_000L;
            while (connections.size() >= bounds.maxConnections()) {
                final Connection victim = leastRecentlyActive();
                if (victim != null) {
                    victim.close();
                    evictions.incrementAndGet();
                }
                final long left = end - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                try {
                    connections.wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            final Connection connection = new Connection(socket, reader, System.nanoTime());
            connections.add(connection);
            return connection;
        }
    }

    /** Called holding the connections' lock. */
    private Connection leastRecentlyActive() {
        final long now = System.nanoTime();
        Connection victim = null;
        for (Connection c : connections) {
            final boolean evictable = !c.closed && (c.state == State.READING
                    || c.state == State.WRITING && now - c.sinceNanos > bounds.frameMillis() * 1_000_000L);
            if (evictable && (victim == null || c.sinceNanos - victim.sinceNanos < 0)) {
                victim = c;
            }
        }
        return victim;
    }

    /** Closes, every quarter of the shorter bound, each connection whose frame, silence or stuck reply is too long. */
    private void watch() {
        final long frameNanos = bounds.frameMillis() * 1_000_000L;
        final long idleNanos = bounds.idleMillis() * 1_000_000L;
        final long periodMillis = Math.max(1, Math.min(bounds.frameMillis(), bounds.idleMillis()) / 4);
        while (!server.isClosed()) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            final long now = System.nanoTime();
            synchronized (connections) {
                for (Connection c : connections) {
                    final long frameStart = c.reader.frameStartNanos();
                    if (c.closed) {
                        continue;
                    }
                    if (c.state == State.READING && frameStart != 0 && now - frameStart > frameNanos) {
                        c.close();
                        failed("a frame's bytes did not all come within " + bounds.frameMillis() + " ms");
                    } else if (c.state == State.READING && frameStart == 0 && now - c.sinceNanos > idleNanos) {
                        c.close();
                    } else if (c.state == State.WRITING && now - c.sinceNanos > frameNanos) {
                        c.close();
                        failed("a reply was not taken within " + bounds.frameMillis() + " ms");
                    }
                }
            }
        }
    }

    private void serve(Connection connection) {
        final FrameReader reader = connection.reader;
        try (Socket socket = connection.socket) {
            final OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (true) {
                // the clock starts before the blocking read: time blocked is no CPU time, but the wake-up and the
                // read of the frame are the receiving end's transport cost, which the model prices
                meter.takeSetAside();
                final long start = Meter.threadCpuNanos();
                final Frame request = reader.next();
                if (request == null || !move(connection, State.HANDLING)) {
                    break;
                }
                meter.handling();
                try {
                    answer(connection, request, out, start);
                } finally {
                    meter.handled();
                }
            }
        } catch (IOException e) {
            if (!server.isClosed() && !connection.closed) {
                failed(e.getMessage());
            }
        } finally {
            synchronized (connections) {
                connection.closed = true;
                connections.remove(connection);
                connections.notifyAll();
            }
        }
    }

    private void failed(String reason) {
        final int count = failures.incrementAndGet();
        if (count <= FAILURES_PRINTED) {
            System.err.println("connection on port " + server.getLocalPort() + " failed: " + reason
                    + (count == FAILURES_PRINTED ? " (further failures on this port are not printed)" : ""));
        }
    }

    /** Moves {@code connection} to {@code state}; false if it was closed meanwhile (its request is not handled). */
    private boolean move(Connection connection, State state) {
        synchronized (connections) {
            if (connection.closed) {
                return false;
            }
            connection.state = state;
            connection.sinceNanos = System.nanoTime();
            return true;
        }
    }

    private void answer(Connection connection, Frame request, OutputStream out, long startCpuNanos)
            throws IOException {
        meter.in(request.task(), request.sizeBytes());
        final List<Frame> replies = Frame.streamsReply(request.kind()) ? streamed(handler, request, limit)
                : List.of(reply(handler, request, limit));
        move(connection, State.WRITING);
        long replyBytes = 0;
        for (Frame reply : replies) {
            out.write(reply.toBytes());
            replyBytes += reply.sizeBytes();
        }
        out.flush();
        move(connection, State.READING);
        meter.answered(request, replyBytes, startCpuNanos, handler.operation(request));
    }

    @Override
    public void close() throws IOException {
        server.close();
        watchdog.interrupt();
        synchronized (connections) {
            connections.forEach(Connection::close);
        }
    }

    /** The handler's reply to {@code request}, or an error frame naming why it refused. */
    static Frame reply(Handler handler, Frame request, FrameLimit limit) {
        try {
            final byte[] body = handler.handle(request);
            limit.check(body.length, "a reply");
            return new Frame(Frame.REPLY, request.task(), request.to(), body);
        } catch (RuntimeException e) {
            return error(request, e, limit);
        }
    }

    /** A streamed reply: {@code [count:4]}, then one frame per body; or an error frame naming why it refused. */
    static List<Frame> streamed(Handler handler, Frame request, FrameLimit limit) {
        try {
            final List<byte[]> bodies = handler.handleStreamed(request);
            final List<Frame> frames = new ArrayList<>(bodies.size() + 1);
            frames.add(new Frame(Frame.REPLY, request.task(), request.to(), ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN).putInt(bodies.size()).array()));
            for (byte[] body : bodies) {
                limit.check(body.length, "a streamed reply");
                frames.add(new Frame(Frame.REPLY, request.task(), request.to(), body));
            }
            return frames;
        } catch (RuntimeException e) {
            return List.of(error(request, e, limit));
        }
    }

    private static Frame error(Frame request, RuntimeException e, FrameLimit limit) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        byte[] body = reason.getBytes(StandardCharsets.UTF_8);
        while (body.length > limit.maxBodyBytes()) {
            reason = reason.substring(0, Math.max(0, reason.length() * limit.maxBodyBytes() / body.length - 1));
            body = reason.getBytes(StandardCharsets.UTF_8);
        }
        return new Frame(Frame.ERROR, request.task(), request.to(), body);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // refused: nothing to tell the caller
        }
    }

    private enum State { READING, HANDLING, WRITING }

    /** One accepted connection; every field but the socket is guarded by the server's connections lock. */
    private static final class Connection {
        final Socket socket;
        final FrameReader reader;
        State state = State.READING;
        /** When it entered its state, or (reading) last finished a reply: its last activity. */
        long sinceNanos;
        /** Volatile besides: the connection's thread reads it unlocked to tell an eviction from a failure. */
        volatile boolean closed;

        Connection(Socket socket, FrameReader reader, long nowNanos) {
            this.socket = socket;
            this.reader = reader;
            this.sinceNanos = nowNanos;
        }

        void close() {
            closed = true;
            closeQuietly(socket);
        }
    }

    /** Answers one request frame with the reply body; throws to send an error frame. */
    interface Handler {
        byte[] handle(Frame request);

        /** The bodies of a streamed reply ({@link Frame#streamsReply}), one frame each; throws to send an error. */
        default List<byte[]> handleStreamed(Frame request) {
            throw new IllegalArgumentException("no streamed replies here, asked for kind " + request.kind());
        }

        /** The name the frame's handling is measured under, e.g. {@code owner.reassign}. */
        String operation(Frame request);
    }
}
