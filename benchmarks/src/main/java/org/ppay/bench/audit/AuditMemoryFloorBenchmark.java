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
 * The floor the audit goals sit on: what one random 8-byte read costs on this machine in memory the size of the
 * trail's parts at a million coins, so that the lookup and append figures can be read against it.
 *
 * <p>Unit: ns/op, average time. Each op reads 8 bytes at a pseudo-random cache line (the LCG of
 * {@code AuditLatestBenchmark}) of a region of {@code mebibytes}: {@code DIRECT} a direct buffer (the serial index
 * lives in one: 8 MiB is a two-level index at a million dense serials, 32 MiB the hash table), {@code MAPPED} a
 * mapped file (512 MiB: the trail's segments at a million coins x two 200-byte proofs). {@code dependent}: the next
 * address depends on the value read, so the reads cannot overlap: the full latency of one miss (cache and TLB).
 * {@code independent}: the addresses do not depend on the reads, as consecutive {@code latest} calls do not, so the
 * processor overlaps several misses: what a stream of lookups can reach.
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

    /** Where the region lives. */
    public enum Memory { DIRECT, MAPPED }

    private static final int LINE_SHIFT = 6;
    private static final int PAGE_BYTES = 4096;

    @Param({"DIRECT", "MAPPED"})
    public Memory memory;

    @Param({"8", "32", "512"})
    public int mebibytes;

    /** Where the MAPPED file goes; empty: java.io.tmpdir. */
    @Param({""})
    public String directory;

    private final UnsafeBuffer region = new UnsafeBuffer(0, 0);
    private ByteBuffer memoryBuffer;
    private Path file;
    private long lineMask;
    private long random = 0x2545F4914F6CDD1DL;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        final long bytes = (long) mebibytes << 20;
        if (mebibytes < 1 || Long.bitCount(bytes) != 1 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mebibytes must be a power of two below 2048, was " + mebibytes);
        }
        if (memory == Memory.DIRECT) {
            memoryBuffer = ByteBuffer.allocateDirect((int) bytes); // zeroed: every page touched
        } else {
            final Path parent = directory.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(directory);
            file = Files.createTempFile(parent, "ppay-audit-floor-", ".bin");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                memoryBuffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
            }
        }
        region.wrap(memoryBuffer);
        for (int at = 0; at < region.capacity(); at += PAGE_BYTES) {
            region.putLong(at, 0L); // map every page, as the trail's pages are
        }
        lineMask = (bytes >>> LINE_SHIFT) - 1;
        for (int i = 0; i < 1000; i++) {
            if (dependent() != 0) {
                throw new IllegalStateException("the region must read as zeros");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        region.wrap(0, 0);
        if (file != null) {
            IoUtil.unmap((MappedByteBuffer) memoryBuffer);
            Files.delete(file);
        }
        memoryBuffer = null;
    }

    /** One read whose address depends on the previous read: the latency of one miss. */
    @Benchmark
    public long dependent() {
        final long value = region.getLong((int) ((((random >>> 32) & lineMask)) << LINE_SHIFT));
        random = (random + value) * 6364136223846793005L + 1442695040888963407L;
        return value;
    }

    /** One read at an address that does not depend on earlier reads: misses overlap as the processor allows. */
    @Benchmark
    public long independent() {
        random = random * 6364136223846793005L + 1442695040888963407L;
        return region.getLong((int) ((((random >>> 32) & lineMask)) << LINE_SHIFT));
    }
}
