package org.ppay.bench.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.ppay.core.audit.AuditTrail.ProofType;
import org.ppay.core.audit.Durability;
import org.ppay.core.audit.MappedAuditTrail;

/**
 * What purging one renewal epoch of {@code proofsPerEpoch} proofs of {@code proofBytes} costs an owner: dropping the
 * epoch's segment files and their entries in the serial index. One purge per iteration (single-shot time), the epoch
 * filled before each iteration, outside the measurement.
 *
 * <p>Unit: ns/op. Run: {@code java -jar benchmarks/target/benchmarks.jar AuditPurgeBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class AuditPurgeBenchmark {

    @Param({"200"})
    public int proofBytes;

    @Param({"10000"})
    public int proofsPerEpoch;

    private Path directory;
    private MappedAuditTrail trail;
    private UnsafeBuffer[] proofs;
    private int epoch;

    @Setup(Level.Trial)
    public void openTrail() throws IOException {
        directory = Files.createTempDirectory("ppay-audit-purge-bench");
        trail = MappedAuditTrail.open(directory.resolve("trail"), 4 << 20, Durability.none());
        byte[][] contents = Inputs.randomMessages(8, proofBytes);
        proofs = new UnsafeBuffer[contents.length];
        for (int i = 0; i < contents.length; i++) {
            proofs[i] = new UnsafeBuffer(contents[i]);
        }
    }

    /** Fills the next epoch, so the measured call has exactly one epoch to drop. */
    @Setup(Level.Iteration)
    public void fillEpoch() {
        epoch++;
        for (int i = 0; i < proofsPerEpoch; i++) {
            trail.append((long) epoch * proofsPerEpoch + i, epoch, ProofType.RENEWAL, proofs[i & Inputs.MASK], 0,
                    proofBytes);
        }
        if (trail.proofCount() != proofsPerEpoch) {
            throw new IllegalStateException("expected " + proofsPerEpoch + " proofs before the purge, found "
                    + trail.proofCount());
        }
    }

    @TearDown(Level.Trial)
    public void closeTrail() throws IOException {
        trail.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Drops the epoch just filled; returns the proofs left (0). */
    @Benchmark
    public long purgeEpoch() {
        trail.purgeBefore(epoch + 1);
        return trail.proofCount();
    }
}
