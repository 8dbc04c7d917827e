package org.ppay.bench.protocol;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ppay.bench.Inputs;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.peer.PeerKeys;
import org.ppay.bench.crypto.SuiteChoice;

/**
 * What building and signing each request costs the peer that sends it, with the core's {@link MessageWriter} (the
 * code the holder and the payer run): a reassignment request (3), a layer (8), a renewal request (10), a cash request
 * and a Payword commitment, each over a real assignment of a self-printed coin.
 *
 * <p>Unit: ns/op, average time. Run: {@code java -jar benchmarks/target/benchmarks.jar protocol.MessageBenchmark
 * -p suite=ed25519-accp}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class MessageBenchmark {

    private ProtocolWorld world;
    private MessageWriter writer;
    private PeerKeys holder;
    private byte[][] assignments;
    private byte[][] roots;
    private int next;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice) {
        world = new ProtocolWorld(choice.resolve());
        writer = new MessageWriter(world.suite);
        holder = world.holderVKeys;
        world.owner.addLimitCertificate(world.broker.buyLimitCertificate(ProtocolWorld.OWNER, Inputs.COUNT));
        assignments = new byte[Inputs.COUNT][];
        for (int i = 0; i < Inputs.COUNT; i++) {
            assignments[i] = world.freshAssignment();
            world.holderV.receive(assignments[i]);
        }
        roots = Inputs.randomMessages(12, 32);
        byte[] request = requestReassignment();
        if (world.owner.reassign(request).length != assignments[0].length) {
            throw new IllegalStateException("the owner did not accept a reassignment request built here");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** HOLDER_REQUEST_REASSIGNMENT. */
    @Benchmark
    public byte[] requestReassignment() {
        byte[] a = assignments[next++ & Inputs.MASK];
        return writer.reassignmentRequest(holder, ProtocolWorld.HOLDER_X, a, 0, a.length);
    }

    /** HOLDER_ADD_LAYER: one layer over an assignment. */
    @Benchmark
    public byte[] addLayer() {
        byte[] a = assignments[next++ & Inputs.MASK];
        return writer.layer(holder, ProtocolWorld.HOLDER_X, 1, a, 0, a.length);
    }

    /** HOLDER_REQUEST_RENEWAL. */
    @Benchmark
    public byte[] requestRenewal() {
        byte[] a = assignments[next++ & Inputs.MASK];
        return writer.renewalRequest(holder, a, 0, a.length);
    }

    /** HOLDER_REQUEST_CASH: a cash request carrying an assignment. */
    @Benchmark
    public byte[] requestCash() {
        byte[] a = assignments[next++ & Inputs.MASK];
        return writer.cashRequest(holder, world.clock.nowSeconds(), a, 0, a.length);
    }

    /** PAYWORD_COMMIT: a commitment to a chain of 100 paywords for a vendor. */
    @Benchmark
    public byte[] paywordCommit() {
        return writer.paywordCommitment(holder, ProtocolWorld.HOLDER_X, roots[next++ & Inputs.MASK], 100,
                world.clock.nowSeconds() + 86_400);
    }
}
