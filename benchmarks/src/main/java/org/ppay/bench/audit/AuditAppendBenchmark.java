package org.ppay.bench.audit;

import java.util.Arrays;
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
 * What an owner pays to record one proof (a signed reassignment request) in its memory-mapped audit trail, without
 * sync: the goal is >= 5 million appends/s on one thread (<= 200 ns/op) and 0 B/op ({@code -prof gc}).
 *
 * <p>Unit: ns/op, average time. Every 2^20 appends the epoch advances and the one before the previous is purged, so
 * the trail stays bounded and new segments (a fresh 64 MiB file at first, then the reuse of a purged one: zeroing
 * what it held) and purges are charged at their amortized rate, as an owner that has run for a few renewal windows
 * pays them. {@code coins} distinct serials, 0 to coins - 1 as an owner's are, are cycled: 1 024 keeps the index in
 * L1/L2, 1 048 576 makes it 8 MiB of blocks (an L3 access). {@link AuditAppendScatteredBenchmark} measures serials
 * too far apart to share a block.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AuditAppendBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class AuditAppendBenchmark extends TrailState {

    private static final int APPENDS_PER_EPOCH = 1 << 20;

    @Param({"200"})
    public int proofBytes;

    @Param({"1024", "1048576"})
    public int coins;

    private UnsafeBuffer[] proofs;
    private long appended;

    @Setup(Level.Trial)
    public void setUp() {
        requirePowerOfTwo("coins", coins);
        openTrail();
        proofs = randomProofs(3, proofBytes);
        append();
        final byte[] stored = new byte[proofBytes];
        trail.latest(0, (type, proofEpoch, buffer, offset, length) -> { // coin 0 has serial 0 whatever the stride
            buffer.getBytes(offset, stored, 0, Math.min(length, proofBytes));
            return length == proofBytes;
        });
        if (!Arrays.equals(stored, proofs[0].byteArray())) {
            throw new IllegalStateException("the trail does not return the proof appended");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        closeTrail();
    }

    @Benchmark
    public long append() {
        final long n = appended++;
        trail.append((n & (coins - 1)) * serialStride, epoch, AuditTrail.ProofType.REASSIGNMENT,
            proofs[(int) n & Inputs.MASK], 0, proofBytes);
        if ((n & (APPENDS_PER_EPOCH - 1)) == APPENDS_PER_EPOCH - 1) {
            nextEpoch();
        }
        return n;
    }
}
