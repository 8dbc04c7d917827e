package org.ppay.bench.audit;

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
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class AuditSyncBenchmark extends TrailState {

    private static final int BATCHES_PER_EPOCH = 1 << 16;

    @Param({"1", "64"})
    public int batch;

    private UnsafeBuffer[] proofs;
    private long batches;
    private long serial;

    @Setup(Level.Trial)
    public void setUp() {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, was " + batch);
        }
        openTrail();
        proofs = randomProofs(4, PROOF_BYTES);
        appendAndSync();
        if (trail.proofCount() != batch) {
            throw new IllegalStateException("expected " + batch + " proofs, the trail holds " + trail.proofCount());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        closeTrail();
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
            nextEpoch();
        }
        return serial;
    }
}
