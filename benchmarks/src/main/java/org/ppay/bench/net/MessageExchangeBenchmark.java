package org.ppay.bench.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ppay.bench.Inputs;
import org.ppay.core.transport.FrameHeader;
import org.ppay.core.transport.Placement;

/**
 * What one request/response exchange between two threads over loopback costs in CPU, at both ends: the client (the
 * benchmark thread) sends a message and blocks for the reply; the echo thread blocks for the message and sends a reply
 * of the same size. Every message wakes a thread blocked on the other side, as between the processes of
 * {@code ppay validate}; that hand-off is CPU time at both ends which wall time does not show.
 *
 * <p>{@code transport}: {@code tcp} is the deployment's transport (TCP_NODELAY, blocking streams, the 14-byte
 * length-prefixed frame header, {@code frameBytes} including it); {@code udp} is GUESS's (the Gnutella UDP Extension
 * for Scalable Searches the paper evaluates PPay in: one datagram per query and per response, {@code frameBytes} each).
 * 94 bytes is a GUESS query; 268 a coin message (an Ed25519 assignment of a self-printed coin, 254 bytes, in a frame).
 *
 * <p>{@code placement}: where the two threads run, each pinned to one CPU ({@link Placement}). {@code same-cpu} puts
 * both on one CPU, so a message makes its reader runnable on a busy CPU (a queue switch); {@code spread} puts them on
 * two, so every message wakes an idle CPU. Unpinned, the scheduler settles a pair in either arrangement, once per
 * JVM: on a 2-vCPU VM that made the price a coin toss between forks (13 or 45-60 us a TCP exchange, wall).
 *
 * <p>The primary score is wall time per exchange (avgt, ns). The costs are the secondary metrics, totals over the
 * measurement iterations (JMH sums {@code EVENTS} counters), to be divided by {@code exchanges}: thread CPU nanoseconds
 * of the client ({@code clientCpuNanos}: one send and one receive), of the echo thread receiving
 * ({@code echoReceiveCpuNanos}) and sending ({@code echoSendCpuNanos}). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar MessageExchangeBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
public class MessageExchangeBenchmark {

    /** One exchange: the request out, the echo thread's reply back; returns the reply's size in bytes. */
    @Benchmark
    public int exchange(Connection connection, CpuCounters cpu) {
        return connection.exchange();
    }

    /**
     * The two ends and the echo thread, for one transport and message size. Scope.Benchmark (one benchmark thread, so
     * one connection either way) because JMH injects a Scope.Thread state into another state's fixture methods as a
     * separate instance.
     */
    @State(Scope.Benchmark)
    public static class Connection {

        @Param({"tcp", "udp"})
        public String transport;

        /** Bytes of each message on the socket (request and reply alike), frame header included for tcp. */
        @Param({"94", "268"})
        public int frameBytes;

        @Param({"same-cpu", "spread"})
        public String placement;

        private Endpoint client;
        private EchoThread echo;
        private long exchanges;
        private long clockReadNanos;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            final int[] cpus = CpuAffinity.cpus(Placement.of(placement), CpuAffinity.allowedCpus());
            CpuAffinity.pinCurrentThread(cpus[0]); // JMH runs a trial's set-up on the benchmark thread
            clockReadNanos = EchoThread.clockReadNanos();
            final Endpoint server;
            switch (transport) {
                case "tcp" -> {
                    if (frameBytes < FrameHeader.BYTES) {
                        throw new IllegalArgumentException("frameBytes " + frameBytes + " is less than the "
                                + FrameHeader.BYTES + "-byte frame header");
                    }
                    final int bodyBytes = frameBytes - FrameHeader.BYTES;
                    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                        final Socket clientSocket = new Socket(InetAddress.getLoopbackAddress(),
                                listener.getLocalPort());
                        client = new FramedTcpEndpoint(clientSocket, bodies(5, bodyBytes));
                        server = new FramedTcpEndpoint(listener.accept(), bodies(6, bodyBytes));
                    }
                }
                case "udp" -> {
                    final InetAddress loopback = InetAddress.getLoopbackAddress();
                    final DatagramChannel a = DatagramChannel.open(StandardProtocolFamily.INET)
                            .bind(new InetSocketAddress(loopback, 0));
                    final DatagramChannel b = DatagramChannel.open(StandardProtocolFamily.INET)
                            .bind(new InetSocketAddress(loopback, 0));
                    a.connect(b.getLocalAddress());
                    b.connect(a.getLocalAddress());
                    client = new UdpEndpoint(a, Inputs.randomMessages(5, frameBytes));
                    server = new UdpEndpoint(b, Inputs.randomMessages(6, frameBytes));
                }
                default -> throw new IllegalArgumentException("transport must be tcp or udp, was " + transport);
            }
            echo = new EchoThread(server, clockReadNanos, cpus[1]).start();
            final int received = exchange();
            echo.awaitCompleted(exchanges);
            if (received != frameBytes || !(echo.receiveCpuNanos() > 0)) {
                throw new IllegalStateException(transport + " exchange of " + frameBytes + " bytes returned " + received
                        + " bytes, echo receive CPU " + echo.receiveCpuNanos() + " ns");
            }
        }

        private static byte[][] bodies(long seed, int bodyBytes) {
            return bodyBytes == 0 ? new byte[Inputs.COUNT][0] : Inputs.randomMessages(seed, bodyBytes);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException, InterruptedException {
            client.close();
            echo.stop();
        }

        int exchange() {
            try {
                client.send((int) (exchanges++ & Inputs.MASK));
                return client.receive();
            } catch (IOException e) {
                throw new UncheckedIOException(transport + " exchange over loopback failed", e);
            }
        }
    }

    /**
     * CPU time of both ends over one iteration, as JMH secondary metrics. Each clock read bounding an interval is left
     * out (measured once per trial); the client's two reads per iteration are negligible.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuCounters {
        public long exchanges;
        public long clientCpuNanos;
        public long echoReceiveCpuNanos;
        public long echoSendCpuNanos;

        private long clientStart;
        private long exchangesStart;
        private long echoReceiveStart;
        private long echoSendStart;

        @Setup(Level.Iteration)
        public void start(Connection bench) {
            bench.echo.awaitCompleted(bench.exchanges);
            exchangesStart = bench.exchanges;
            echoReceiveStart = bench.echo.receiveCpuNanos();
            echoSendStart = bench.echo.sendCpuNanos();
            exchanges = 0;
            clientCpuNanos = 0;
            echoReceiveCpuNanos = 0;
            echoSendCpuNanos = 0;
            clientStart = EchoThread.threadCpuNanos();
        }

        @TearDown(Level.Iteration)
        public void stop(Connection bench) {
            clientCpuNanos = EchoThread.threadCpuNanos() - clientStart;
            bench.echo.awaitCompleted(bench.exchanges);
            exchanges = bench.exchanges - exchangesStart;
            echoReceiveCpuNanos = bench.echo.receiveCpuNanos() - echoReceiveStart;
            echoSendCpuNanos = bench.echo.sendCpuNanos() - echoSendStart;
        }
    }
}
