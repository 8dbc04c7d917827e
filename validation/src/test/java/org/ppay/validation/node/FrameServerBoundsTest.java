package org.ppay.validation.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ppay.core.transport.FrameHeader;
import org.ppay.sim.load.Task;

/**
 * A frame server holds what a connection can make it hold within bounds, on real loopback sockets: stalled,
 * trickling, oversized and silent connections are closed or evicted, its threads stay at most its connections, and
 * an honest call is still answered. Every loop here is bounded in count and time.
 */
class FrameServerBoundsTest {

    private static final FrameLimit LIMIT = FrameLimit.of(64, 2);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

    /** Answers every request with its own body, counting them. */
    private static final class Echo implements FrameServer.Handler {
        final AtomicInteger handled = new AtomicInteger();

        @Override
        public byte[] handle(Frame request) {
            handled.incrementAndGet();
            return request.body();
        }

        @Override
        public String operation(Frame request) {
            return "echo";
        }
    }

    private static Socket open(int port) throws IOException {
        final Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        return socket;
    }

    /** A header announcing a body of {@code bodyBytes}. */
    private static byte[] header(int bodyBytes) {
        return FrameHeader.write(ByteBuffer.allocate(FrameHeader.BYTES).order(ByteOrder.LITTLE_ENDIAN), Frame.BROKER,
                (byte) 0, 0, bodyBytes).array();
    }

    /** Whether the server closed {@code socket} within {@code millis}: a read ends or fails rather than times out. */
    private static boolean closedWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        final InputStream in = socket.getInputStream();
        try {
            for (int i = 0; i < 1_000; i++) {
                if (in.read() < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;   // reset: closed with unread bytes
        }
    }

    private static long threadsOf(FrameServer server) {
        final String prefix = "conn-" + server.port() + "-";
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    private static long usedHeapAfterGc() {
        final Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void shouldAnswerAnHonestCallWhileStalledAndOversizedFramesPileUp() throws Exception {
        final int connections = 16;
        final int attackers = 100;
        final Echo echo = new Echo();
        final List<Socket> sockets = new ArrayList<>();
        try (FrameServer server = new FrameServer(echo, new Meter(), LIMIT,
                new FrameServer.Bounds(connections, 30_000, 30_000));
             Link honest = new Link(server.port(), new Meter(), LIMIT)) {
            final long heapBefore = usedHeapAfterGc();
            for (int i = 0; i < attackers; i++) {
                final Socket oversized = open(server.port());
                sockets.add(oversized);
                oversized.getOutputStream().write(header(1 << 20));
                final Socket stalled = open(server.port());
                sockets.add(stalled);
                final OutputStream out = stalled.getOutputStream();
                out.write(header(LIMIT.maxBodyBytes()));
                out.write(new byte[LIMIT.maxBodyBytes() / 2]);
            }
            final byte[] body = {9, 1, 2, 3};
            final byte[] reply = assertTimeoutPreemptively(ANSWER_WITHIN,
                    () -> honest.call(Frame.BROKER, Task.MISC, 0, body));

            assertArrayEquals(body, reply);
            assertEquals(1, echo.handled.get(), "no stalled or oversized frame was handled");
            assertTrue(server.connections() <= connections, server.connections() + " connections open");
            assertTrue(threadsOf(server) <= connections + 4, threadsOf(server) + " connection threads");
            assertTrue(closedWithin(sockets.get(0), 5_000), "an oversized announcement is refused, not waited for");
            final long grown = usedHeapAfterGc() - heapBefore;
            assertTrue(grown < 32L << 20, "the heap grew by " + grown + " bytes under " + attackers
                    + " announcements of 1 MiB and " + attackers + " stalled frames");
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void shouldCloseAFrameThatTricklesInSlowerThanItsDeadline() throws Exception {
        try (FrameServer server = new FrameServer(new Echo(), new Meter(), LIMIT,
                new FrameServer.Bounds(4, 30_000, 300));
             Socket slow = open(server.port())) {
            final OutputStream out = slow.getOutputStream();
            out.write(header(100));
            final long start = System.nanoTime();
            boolean refused = false;
            // one byte every 50 ms: each read gets a byte, but the frame would take 5 s
            for (int i = 0; i < 40 && !refused; i++) {
                try {
                    out.write(1);
                    out.flush();
                    Thread.sleep(50);
                } catch (IOException e) {
                    refused = true;
                }
            }
            assertTrue(refused || closedWithin(slow, 5_000), "a trickling frame must be cut off");
            assertTrue((System.nanoTime() - start) / 1e9 < 10, "cut off within its deadline");
        }
    }

    @Test
    void shouldCloseAConnectionSilentLongerThanItsIdleBound() throws Exception {
        try (FrameServer server = new FrameServer(new Echo(), new Meter(), LIMIT,
                new FrameServer.Bounds(4, 300, 300));
             Socket silent = open(server.port())) {
            final long start = System.nanoTime();
            assertTrue(closedWithin(silent, 10_000), "an idle connection is closed");
            final double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds >= 0.2 && seconds < 10, "closed after " + seconds + " s");
            final long end = System.nanoTime() + 5_000_000_000L;
            while (server.connections() > 0 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(0, server.connections());
        }
    }

    @Test
    void shouldResendOnceOnANewConnectionWhenItsIdleConnectionWasEvicted() throws Exception {
        final Echo echo = new Echo();
        try (FrameServer server = new FrameServer(echo, new Meter(), LIMIT, new FrameServer.Bounds(2, 30_000, 2_000));
             Link link = new Link(server.port(), new Meter(), LIMIT)) {
            assertArrayEquals(new byte[] {1}, link.call(Frame.BROKER, Task.MISC, 0, new byte[] {1}));
            try (Socket first = open(server.port()); Socket second = open(server.port())) {
                // the second silent connection evicts the least recently active: the link's, idle since its reply
                final long end = System.nanoTime() + 5_000_000_000L;
                while (server.evictions() < 1 && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                assertEquals(1, server.evictions());
                final byte[] again = assertTimeoutPreemptively(ANSWER_WITHIN,
                        () -> link.call(Frame.BROKER, Task.MISC, 0, new byte[] {2}));
                assertArrayEquals(new byte[] {2}, again);
                assertEquals(2, server.evictions(), "the link's new connection evicted the first silent one");
                assertTrue(closedWithin(first, 5_000));
            }
            assertEquals(2, echo.handled.get(), "each request handled once");
        }
    }
}
