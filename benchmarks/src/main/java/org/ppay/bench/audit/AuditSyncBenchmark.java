package org.ppay.bench.audit;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
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
import org.ppay.core.audit.AuditTrail;
import org.ppay.core.audit.Durability;
import org.ppay.core.audit.MappedAuditTrail;

/**
 * What a group commit costs on this host's disk: append {@code batch} 200-byte proofs, then {@code sync()} (an msync
 * of the dirty range). Divide by {@code batch} for the durable cost of one proof.
 *
 * <p>Unit: us/op, average time, per batch. {@code directory} should be on the disk the owner would use (empty:
 * java.io.tmpdir). The trail advances the epoch and purges every 2^16 batches so it stays bounded.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AuditSyncBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
@State(Scope.Thread)
public class AuditSyncBenchmark {

    private static final int PROOF_BYTES = 200;
    private static final int BATCHES_PER_EPOCH = 1 << 16;

    @Param({"1", "64"})
    public int batch;

    @Param({""})
    public String directory;

    private Path trailDirectory;
    private MappedAuditTrail trail;
    private UnsafeBuffer[] proofs;
    private long batches;
    private long serial;
    private int epoch;

    @Setup(Level.Trial)
    public void setUp() {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, was " + batch);
        }
        trailDirectory = TrailDirectories.create(directory);
        trail = MappedAuditTrail.open(trailDirectory, MappedAuditTrail.DEFAULT_SEGMENT_BYTES, Durability.none());
        final byte[][] messages = Inputs.randomMessages(4, PROOF_BYTES);
        proofs = new UnsafeBuffer[Inputs.COUNT];
        for (int i = 0; i < Inputs.COUNT; i++) {
            proofs[i] = new UnsafeBuffer(messages[i]);
        }
        appendAndSync();
        if (trail.proofCount() != batch) {
            throw new IllegalStateException("expected " + batch + " proofs, the trail holds " + trail.proofCount());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trail.close();
        TrailDirectories.delete(trailDirectory);
    }

    @Benchmark
    public long appendAndSync() {
        for (int i = 0; i < batch; i++) {
            final long n = serial++;
            trail.append(n & 0xFFFF, epoch, AuditTrail.ProofType.REASSIGNMENT, proofs[(int) n & Inputs.MASK], 0,
                PROOF_BYTES);
        }
        trail.sync();
        if ((++batches & (BATCHES_PER_EPOCH - 1)) == 0) {
            epoch++;
            trail.purgeBefore(epoch - 1);
        }
        return serial;
    }
}
