package org.ppay.bench.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
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

/**
 * What one GUESS probe costs the two peers: the prober sends a query datagram, the probed peer receives it and sends
 * its response, the prober receives the response. Both ends run in the benchmark thread over a pair of connected
 * blocking {@link DatagramChannel}s on 127.0.0.1, so the figure is the CPU cost of four socket calls plus the loopback
 * stack, without a thread hand-off.
 *
 * <p>Unit: ns/op, average time, one round trip per op. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar GuessProbeBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class GuessProbeBenchmark {

    /** A Gnutella query of a typical keyword search with its GUESS header. */
    @Param({"94"})
    public int queryBytes;

    /** The probed peer's answer; same order of size as the query. */
    @Param({"94"})
    public int responseBytes;

    private DatagramChannel prober;
    private DatagramChannel probed;
    private ByteBuffer[] queries;
    private ByteBuffer[] responses;
    private ByteBuffer proberIn;
    private ByteBuffer probedIn;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        prober = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(loopback, 0));
        probed = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(loopback, 0));
        prober.connect(probed.getLocalAddress());
        probed.connect(prober.getLocalAddress());
        queries = buffers(Inputs.randomMessages(3, queryBytes));
        responses = buffers(Inputs.randomMessages(4, responseBytes));
        proberIn = ByteBuffer.allocateDirect(Math.max(queryBytes, responseBytes) + 1);
        probedIn = ByteBuffer.allocateDirect(Math.max(queryBytes, responseBytes) + 1);
        if (probe() != responseBytes) {
            throw new IllegalStateException("a probe over loopback did not return the " + responseBytes + "-byte response");
        }
    }

    private static ByteBuffer[] buffers(byte[][] contents) {
        ByteBuffer[] buffers = new ByteBuffer[contents.length];
        for (int i = 0; i < contents.length; i++) {
            buffers[i] = ByteBuffer.allocateDirect(contents[i].length).put(contents[i]).flip();
        }
        return buffers;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        prober.close();
        probed.close();
    }

    /** One probe: query out, query in, response out, response in; returns the response length. */
    @Benchmark
    public int probe() {
        int i = next++ & Inputs.MASK;
        ByteBuffer query = queries[i].rewind();
        ByteBuffer response = responses[i].rewind();
        try {
            prober.write(query);
            probedIn.clear();
            probed.read(probedIn);
            probed.write(response);
            proberIn.clear();
            return prober.read(proberIn);
        } catch (IOException e) {
            throw new UncheckedIOException("GUESS probe over loopback failed", e);
        }
    }
}
