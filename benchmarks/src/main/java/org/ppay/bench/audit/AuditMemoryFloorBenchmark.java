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
 * depends on it, ops independent of each other: the shape of {@code latest}, without its bookkeeping. The trail
 * methods take no {@code indexMebibytes}.
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

    private long random = 0x2545F4914F6CDD1DL;

    /** The index: a direct buffer of zeros, every page touched. */
    @State(Scope.Thread)
    public static class Index {
        @Param({"8", "32"})
        public int indexMebibytes;

        final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
        long lineMask;

        @Setup(Level.Trial)
        public void setUp() {
            buffer.wrap(ByteBuffer.allocateDirect(bytes("indexMebibytes", indexMebibytes))); // zeroed
            lineMask = (buffer.capacity() >>> LINE_SHIFT) - 1;
            requireZeros(buffer);
        }
    }

    /** The trail: a mapped file of zeros, every page mapped, as the trail's pages are. */
    @State(Scope.Thread)
    public static class Trail {
        @Param({"512"})
        public int trailMebibytes;

        /** Where the file goes; empty: java.io.tmpdir. */
        @Param({""})
        public String directory;

        final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
        long lineMask;
        private MappedByteBuffer memory;
        private Path file;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            final Path parent = directory.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"))
                : Path.of(directory);
            file = Files.createTempFile(parent, "ppay-audit-floor-", ".bin");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes("trailMebibytes", trailMebibytes));
            }
            buffer.wrap(memory);
            for (int at = 0; at < buffer.capacity(); at += PAGE_BYTES) {
                buffer.putLong(at, 0L);
            }
            lineMask = (buffer.capacity() >>> LINE_SHIFT) - 1;
            requireZeros(buffer);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            buffer.wrap(0, 0);
            IoUtil.unmap(memory);
            Files.delete(file);
        }
    }

    @Benchmark
    public long indexDependent(final Index index) {
        final long value = index.buffer.getLong(line(random, index.lineMask));
        random = next(random + value);
        return value;
    }

    @Benchmark
    public long trailDependent(final Trail trail) {
        final long value = trail.buffer.getLong(line(random, trail.lineMask));
        random = next(random + value);
        return value;
    }

    @Benchmark
    public long trailIndependent(final Trail trail) {
        random = next(random);
        return trail.buffer.getLong(line(random, trail.lineMask));
    }

    @Benchmark
    public long indexThenTrail(final Index index, final Trail trail) {
        random = next(random);
        final long position = index.buffer.getLong(line(random, index.lineMask));
        return trail.buffer.getLong(line(random * 31 + position, trail.lineMask));
    }

    private static long next(final long random) {
        return random * 6364136223846793005L + 1442695040888963407L;
    }

    private static int line(final long random, final long lineMask) {
        return (int) (((random >>> 32) & lineMask) << LINE_SHIFT);
    }

    /** The loops feed what they read back into the addresses: it must be 0, or they measure something else. */
    private static void requireZeros(final UnsafeBuffer buffer) {
        long random = 1;
        for (int i = 0; i < 10_000; i++) {
            random = next(random);
            if (buffer.getLong(line(random, (buffer.capacity() >>> LINE_SHIFT) - 1)) != 0) {
                throw new IllegalStateException("the region must read as zeros");
            }
        }
    }

    private static int bytes(final String name, final int mebibytes) {
        if (mebibytes < 1 || mebibytes > 1024 || Integer.bitCount(mebibytes) != 1) {
            throw new IllegalArgumentException(name + " must be a power of two up to 1024, was " + mebibytes);
        }
        return mebibytes << 20;
    }
}
