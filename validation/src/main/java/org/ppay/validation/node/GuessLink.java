package org.ppay.validation.node;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.ppay.sim.load.Task;

/**
 * The querying end of GUESS over UDP (see {@link GuessServer}): one datagram out, the response back. Loopback does not
 * drop datagrams at this rate, so a response that does not come within {@link #TIMEOUT_MILLIS} fails the step, naming
 * the port, rather than counting a probe whose bytes never moved.
 */
final class GuessLink implements Closeable {

    static final int TIMEOUT_MILLIS = 5_000;

    private final DatagramSocket socket;
    private final Meter meter;
    private final int timeoutMillis;
    private final DatagramPacket response = new DatagramPacket(new byte[GuessServer.MAX_DATAGRAM_BYTES],
            GuessServer.MAX_DATAGRAM_BYTES);

    GuessLink(Meter meter) {
        this(meter, TIMEOUT_MILLIS);
    }

    GuessLink(Meter meter, int timeoutMillis) {
        this.meter = meter;
        this.timeoutMillis = timeoutMillis;
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(timeoutMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket for GUESS: " + e.getMessage(), e);
        }
    }

    /** Sends a GUESS query for peer {@code to} to the GUESS port {@code port} and returns the response's body. */
    synchronized byte[] probe(Task task, long to, byte[] query, int port) {
        final Frame request = new Frame(Frame.GUESS, task, to, query);
        final byte[] bytes = request.toBytes();
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            meter.out(task, request.sizeBytes());
            response.setLength(GuessServer.MAX_DATAGRAM_BYTES);
            socket.receive(response);
            if (response.getPort() != port) {
                throw new IOException("a datagram from port " + response.getPort() + " while waiting for " + port);
            }
            final Frame reply = Frame.fromDatagram(response.getData(), response.getLength());
            meter.in(task, reply.sizeBytes());
            if (reply.kind() == Frame.ERROR) {
                throw new Link.RemoteFailure("peer " + to + " refused a GUESS query: "
                        + new String(reply.body(), StandardCharsets.UTF_8));
            }
            return reply.body();
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("no GUESS response from port " + port + " within " + timeoutMillis
                    + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException("GUESS to port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
