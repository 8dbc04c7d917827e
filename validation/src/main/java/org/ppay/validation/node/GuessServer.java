package org.ppay.validation.node;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.ppay.core.transport.FrameHeader;

/**
 * GUESS over UDP, as GUESS peers probe one another: a query is one datagram and its response another, each a whole
 * {@link Frame} (header and body, the sizes the simulator counts). One thread answers every probe addressed to the
 * peers of this process. As {@link FrameServer} does, it charges the request's task with its CPU time from before the
 * blocking receive (the wake-up included) to the reply sent, and with the datagrams' bytes.
 */
final class GuessServer implements Closeable {

    /** The largest datagram either end reads: a GUESS response is 184 bytes. */
    static final int MAX_DATAGRAM_BYTES = 2048;
    /** A reply's body must fit the querier's datagram buffer. */
    private static final FrameLimit REPLY_LIMIT = new FrameLimit(MAX_DATAGRAM_BYTES - FrameHeader.BYTES);

    private final DatagramSocket socket;
    private final FrameServer.Handler handler;
    private final Meter meter;

    GuessServer(FrameServer.Handler handler, Meter meter) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.handler = handler;
        this.meter = meter;
        final Thread thread = new Thread(this::serve, "guess-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        final byte[] buffer = new byte[MAX_DATAGRAM_BYTES];
        final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            meter.takeSetAside();
            final long start = Meter.threadCpuNanos();
            packet.setLength(buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    System.err.println("GUESS port " + socket.getLocalPort() + " failed: " + e.getMessage());
                }
                return;
            }
            meter.handling();
            try {
                answer(packet, start);
            } finally {
                meter.handled();
            }
        }
    }

    private void answer(DatagramPacket packet, long startCpuNanos) {
        final Frame request;
        try {
            request = Frame.fromDatagram(packet.getData(), packet.getLength());
        } catch (IOException e) {
            System.err.println("GUESS port " + socket.getLocalPort() + " dropped a datagram from "
                    + packet.getSocketAddress() + ": " + e.getMessage());
            return;
        }
        meter.in(request.task(), request.sizeBytes());
        final Frame reply = FrameServer.reply(handler, request, REPLY_LIMIT);
        final byte[] bytes = reply.toBytes();
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
        } catch (IOException e) {
            System.err.println("GUESS port " + socket.getLocalPort() + " could not answer "
                    + packet.getSocketAddress() + ": " + e.getMessage());
            return;
        }
        meter.answered(request, reply, startCpuNanos, handler.operation(request));
    }

    @Override
    public void close() {
        socket.close();
    }
}
