package org.ppay.bench.audit;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
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
import org.ppay.core.audit.AuditTrail;
import org.ppay.core.audit.Durability;
import org.ppay.core.audit.MappedAuditTrail;

/**
 * What an owner pays to find the newest proof of a coin (to refute a holder, section 4.1): the goal is < 100 ns.
 *
 * <p>Unit: ns/op, average time. The trail holds two 200-byte proofs for each of {@code coins} coins; each op looks up
 * a pseudo-random coin and returns a byte of its proof, so the proof itself is touched. 1 024 coins fit in cache;
 * 1 048 576 coins (about 500 MB of proofs) measure the cache-miss case.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AuditLatestBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
@State(Scope.Thread)
public class AuditLatestBenchmark {

    private static final int PROOF_BYTES = 200;

    @Param({"1024", "1048576"})
    public int coins;

    @Param({""})
    public String directory;

    private Path trailDirectory;
    private MappedAuditTrail trail;
    private final ProofReader reader = new ProofReader();
    private long random = 0x2545F4914F6CDD1DL;

    @Setup(Level.Trial)
    public void setUp() {
        if (Integer.bitCount(coins) != 1) {
            throw new IllegalArgumentException("coins must be a power of two, was " + coins);
        }
        trailDirectory = TrailDirectories.create(directory);
        trail = MappedAuditTrail.open(trailDirectory, MappedAuditTrail.DEFAULT_SEGMENT_BYTES, Durability.none());
        final UnsafeBuffer proof = new UnsafeBuffer(new byte[PROOF_BYTES]);
        for (int version = 0; version < 2; version++) {
            for (int coin = 0; coin < coins; coin++) {
                proof.putInt(0, coin);
                proof.putByte(4, (byte) version);
                trail.append(coin, 0, AuditTrail.ProofType.REASSIGNMENT, proof, 0, PROOF_BYTES);
            }
        }
        for (int coin = 0; coin < coins; coin++) {
            if (!trail.latest(coin, reader) || reader.coin != coin || reader.version != 1) {
                throw new IllegalStateException("coin " + coin + ": latest is not its second proof");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trail.close();
        TrailDirectories.delete(trailDirectory);
    }

    @Benchmark
    public int latest() {
        random = random * 6364136223846793005L + 1442695040888963407L;
        trail.latest((random >>> 32) & (coins - 1), reader);
        return reader.coin;
    }

    /** Reads the coin number and version the set-up wrote into each proof. */
    private static final class ProofReader implements AuditTrail.ProofVisitor {
        int coin;
        int version;

        @Override
        public boolean visit(final AuditTrail.ProofType type, final int epoch, final DirectBuffer buffer,
                             final int offset, final int length) {
            coin = buffer.getInt(offset);
            version = buffer.getByte(offset + 4);
            return true;
        }
    }
}
