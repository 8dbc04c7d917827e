package org.ppay.validation.node;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Listens on 127.0.0.1 at a free port; one thread per connection reads request frames, hands each to the handler and
 * writes its reply. The handling thread's CPU time, from the read of the request (its wake-up included) to the reply
 * written, and the frames' bytes are charged to the request's task.
 */
final class FrameServer implements Closeable {

    private final ServerSocket server;
    private final Handler handler;
    private final Meter meter;

    FrameServer(Handler handler, Meter meter) throws IOException {
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        this.handler = handler;
        this.meter = meter;
        final Thread acceptor = new Thread(this::acceptLoop, "accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                final Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                final Thread thread = new Thread(() -> serve(socket), "conn-" + socket.getPort());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            final DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            final OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (true) {
                // the clock starts before the blocking read: time blocked is no CPU time, but the wake-up and the
                // read of the frame are the receiving end's transport cost, which the model prices
                meter.takeSetAside();
                final long start = Meter.threadCpuNanos();
                final Frame request = Frame.readFrom(in);
                if (request == null) {
                    break;
                }
                meter.handling();
                try {
                    answer(request, out, start);
                } finally {
                    meter.handled();
                }
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                System.err.println("connection on port " + server.getLocalPort() + " failed: " + e.getMessage());
            }
        }
    }

    private void answer(Frame request, OutputStream out, long startCpuNanos) throws IOException {
        meter.in(request.task(), request.sizeBytes());
        final Frame reply = reply(handler, request);
        reply.writeTo(out);
        meter.answered(request, reply, startCpuNanos, handler.operation(request));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** The handler's reply to {@code request}, or an error frame naming why it refused. */
    static Frame reply(Handler handler, Frame request) {
        try {
            return new Frame(Frame.REPLY, request.task(), request.to(), handler.handle(request));
        } catch (RuntimeException e) {
            final String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Frame(Frame.ERROR, request.task(), request.to(), reason.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Answers one request frame with the reply body; throws to send an error frame. */
    interface Handler {
        byte[] handle(Frame request);

        /** The name the frame's handling is measured under, e.g. {@code owner.reassign}. */
        String operation(Frame request);
    }
}
