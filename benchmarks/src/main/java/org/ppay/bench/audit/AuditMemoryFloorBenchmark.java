package org.ppay.bench.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.agrona.IoUtil;
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

/**
 * The floor the audit goals sit on: what random reads cost on this machine in memory the size of the trail's parts at
 * a million coins, so that the lookup and append figures can be read against it.
 *
 * <p>Unit: ns/op, average time. The index is a direct buffer of {@code indexMebibytes} (8: the serial index at a
 * million dense serials, 8 bytes each; 32: the hash table it replaced), the trail a mapped file of
 * {@code trailMebibytes} (512: a million coins x two 200-byte proofs). Reads go to pseudo-random cache lines (the LCG
 * of {@code AuditLatestBenchmark}). {@code indexDependent} and {@code trailDependent}: one read whose address depends
 * on the previous read, so reads cannot overlap: the full latency of one miss (cache and TLB).
 * {@code trailIndependent}: one trail read per op at an address no read decides, as consecutive lookups are, so the
 * processor overlaps several misses. {@code indexThenTrail}: a read of the index, then a trail read whose address
 * depends on it, ops independent of each other: the shape of {@code latest}, without its bookkeeping.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AuditMemoryFloorBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class AuditMemoryFloorBenchmark {

    private static final int LINE_SHIFT = 6;
    private static final int PAGE_BYTES = 4096;

    @Param({"8", "32"})
    public int indexMebibytes;

    @Param({"512"})
    public int trailMebibytes;

    /** Where the trail file goes; empty: java.io.tmpdir. */
    @Param({""})
    public String directory;

    private final UnsafeBuffer index = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer trail = new UnsafeBuffer(0, 0);
    private MappedByteBuffer trailMemory;
    private Path file;
    private long indexLineMask;
    private long trailLineMask;
    private long random = 0x2545F4914F6CDD1DL;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        index.wrap(ByteBuffer.allocateDirect(bytes("indexMebibytes", indexMebibytes))); // zeroed: pages touched
        final Path parent = directory.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(directory);
        file = Files.createTempFile(parent, "ppay-audit-floor-", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            trailMemory = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes("trailMebibytes", trailMebibytes));
        }
        trail.wrap(trailMemory);
        for (int at = 0; at < trail.capacity(); at += PAGE_BYTES) {
            trail.putLong(at, 0L); // map every page, as the trail's pages are
        }
        indexLineMask = (index.capacity() >>> LINE_SHIFT) - 1;
        trailLineMask = (trail.capacity() >>> LINE_SHIFT) - 1;
        for (int i = 0; i < 1000; i++) {
            if (indexDependent() != 0 || trailDependent() != 0 || indexThenTrail() != 0) {
                throw new IllegalStateException("the regions must read as zeros");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        trail.wrap(0, 0);
        IoUtil.unmap(trailMemory);
        Files.delete(file);
        index.wrap(0, 0); // the direct buffer goes with the next GC
    }

    @Benchmark
    public long indexDependent() {
        final long value = index.getLong(line(random, indexLineMask));
        random = next(random + value);
        return value;
    }

    @Benchmark
    public long trailDependent() {
        final long value = trail.getLong(line(random, trailLineMask));
        random = next(random + value);
        return value;
    }

    @Benchmark
    public long trailIndependent() {
        random = next(random);
        return trail.getLong(line(random, trailLineMask));
    }

    @Benchmark
    public long indexThenTrail() {
        random = next(random);
        final long position = index.getLong(line(random, indexLineMask));
        return trail.getLong(line(random * 31 + position, trailLineMask));
    }

    private static long next(final long random) {
        return random * 6364136223846793005L + 1442695040888963407L;
    }

    private static int line(final long random, final long lineMask) {
        return (int) (((random >>> 32) & lineMask) << LINE_SHIFT);
    }

    private static int bytes(final String name, final int mebibytes) {
        if (mebibytes < 1 || mebibytes > 1024 || Integer.bitCount(mebibytes) != 1) {
            throw new IllegalArgumentException(name + " must be a power of two up to 1024, was " + mebibytes);
        }
        return mebibytes << 20;
    }
}
