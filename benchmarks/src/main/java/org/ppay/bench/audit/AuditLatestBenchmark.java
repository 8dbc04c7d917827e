package org.ppay.bench.audit;

import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
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
 * What an owner pays to find the newest proof of a coin (to refute a holder, section 4.1): the goal is < 100 ns.
 *
 * <p>Unit: ns/op, average time. The trail holds two 200-byte proofs for each of {@code coins} coins; each op looks up
 * a pseudo-random coin and returns a byte of its proof, so the proof itself is touched. 1 024 coins fit in cache;
 * 1 048 576 coins (about 500 MB of proofs, an 8 MiB index) measure the cache-miss case. The serials are 0 to
 * coins - 1, as an owner's are; {@link AuditLatestScatteredBenchmark} measures serials too far apart to share an
 * index block.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AuditLatestBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class AuditLatestBenchmark extends TrailState {

    @Param({"1024", "1048576"})
    public int coins;

    private final ProofReader reader = new ProofReader();
    private long random = 0x2545F4914F6CDD1DL;

    @Setup(Level.Trial)
    public void setUp() {
        requirePowerOfTwo("coins", coins);
        openTrail();
        appendTwoProofsPerCoin(coins, 0, AuditTrail.ProofType.REASSIGNMENT);
        for (int coin = 0; coin < coins; coin++) {
            if (!trail.latest(coin * serialStride, reader) || reader.coin != coin || reader.version != 1) {
                throw new IllegalStateException("coin " + coin + ": latest is not its second proof");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        closeTrail();
    }

    @Benchmark
    public int latest() {
        random = random * 6364136223846793005L + 1442695040888963407L;
        trail.latest(((random >>> 32) & (coins - 1)) * serialStride, reader);
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
