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
import org.ppay.core.audit.AuditTrail;
import org.ppay.core.audit.AuditTrail.ProofType;
import org.ppay.core.audit.Durability;
import org.ppay.core.audit.MappedAuditTrail;

/**
 * What an owner's audit trail costs per proof: appending a {@code proofBytes} proof (a reassignment request is about
 * 330 bytes with Ed25519, a layer about 200), and looking up the newest proof of a coin among {@code coins}.
 * The trail is the core's memory-mapped one in a temporary directory, forced only by the OS (no fsync per record).
 *
 * <p>Appends move to a new renewal epoch every 65536 proofs and purge the epoch before it, as an owner does, so the
 * files stay small; that purge is amortised into {@code append}. Unit: ns/op, average time.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar AuditTrailBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class AuditTrailBenchmark {

    private static final int PROOFS_PER_EPOCH = 1 << 16;

    @Param({"200"})
    public int proofBytes;

    /** Distinct coins with proofs in the trail when lookups run. */
    @Param({"65536"})
    public int coins;

    private Path directory;
    private MappedAuditTrail trail;
    private UnsafeBuffer[] proofs;
    private long appended;
    private int epoch;
    private long lookupSeed;
    private final AuditTrail.ProofVisitor lengthOf = (type, proofEpoch, buffer, offset, length) -> {
        lastLength = length;
        return true;
    };
    private int lastLength;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("ppay-audit-bench");
        trail = MappedAuditTrail.open(directory.resolve("trail"), 64 << 20, Durability.none());
        byte[][] contents = Inputs.randomMessages(7, proofBytes);
        proofs = new UnsafeBuffer[contents.length];
        for (int i = 0; i < contents.length; i++) {
            proofs[i] = new UnsafeBuffer(contents[i]);
        }
        epoch = 1;
        for (int serial = 0; serial < coins; serial++) {
            trail.append(serial, 0, ProofType.REASSIGNMENT, proofs[serial & Inputs.MASK], 0, proofBytes);
        }
        if (!trail.latest(coins - 1, lengthOf) || lastLength != proofBytes) {
            throw new IllegalStateException("the newest proof of a coin just appended is not found");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        trail.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Appends one proof for a coin (coins cycle), in the current epoch. */
    @Benchmark
    public long append() {
        long serial = appended % coins;
        trail.append(serial, epoch, ProofType.REASSIGNMENT, proofs[(int) appended & Inputs.MASK], 0, proofBytes);
        if (++appended % PROOFS_PER_EPOCH == 0) {
            trail.purgeBefore(epoch);
            epoch++;
        }
        return appended;
    }

    /** Finds the newest proof of a coin and reads its length. */
    @Benchmark
    public int latest() {
        lookupSeed = lookupSeed * 6364136223846793005L + 1442695040888963407L;
        long serial = (lookupSeed >>> 33) % coins;
        return trail.latest(serial, lengthOf) ? lastLength : -1;
    }
}
