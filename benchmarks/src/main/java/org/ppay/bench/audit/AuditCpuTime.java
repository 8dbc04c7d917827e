package org.ppay.bench.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.ppay.bench.Inputs;
import org.ppay.core.audit.AuditTrail;
import org.ppay.core.audit.Durability;
import org.ppay.core.audit.MappedAuditTrail;

/**
 * Not a JMH benchmark: the loops of {@link AuditAppendBenchmark} and {@link AuditLatestBenchmark} timed by this
 * thread's CPU time, split into user and kernel time. On a shared machine wall-clock times swing with the load; CPU
 * time does not (cache contention aside), and the kernel share shows what page faults and file writes cost.
 *
 * <p>Prints one line per round of 2^22 operations; round 0 of appends still creates fresh segments (later rounds reuse
 * purged ones, as a long-running owner does).
 *
 * <p>Run: {@code java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar
 * org.ppay.bench.audit.AuditCpuTime 1048576 /tmp} (coins, a power of two; the directory to make the trail in).
 */
public final class AuditCpuTime {

    private static final int OPERATIONS_PER_ROUND = 1 << 22;
    private static final int APPEND_ROUNDS = 5;
    private static final int LATEST_ROUNDS = 4;
    private static final int APPENDS_PER_EPOCH = 1 << 20;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private long checksum;

    private AuditCpuTime() {
    }

    public static void main(final String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: AuditCpuTime <coins, a power of two> <directory>");
        }
        final int coins = Integer.parseInt(args[0]);
        TrailState.requirePowerOfTwo("coins", coins);
        new AuditCpuTime().run(coins, Path.of(args[1]));
    }

    private void run(final int coins, final Path root) {
        final Path directory = createDirectory(root);
        final UnsafeBuffer[] proofs = TrailState.randomProofs(3, TrailState.PROOF_BYTES);
        try (MappedAuditTrail trail = MappedAuditTrail.open(directory, MappedAuditTrail.DEFAULT_SEGMENT_BYTES,
            Durability.none())) {
            long appended = 0;
            int epoch = 0;
            for (int round = 0; round < APPEND_ROUNDS; round++) {
                final long cpu = cpuNanos();
                final long user = userNanos();
                for (int i = 0; i < OPERATIONS_PER_ROUND; i++, appended++) {
                    trail.append(appended & (coins - 1), epoch, AuditTrail.ProofType.REASSIGNMENT,
                        proofs[(int) appended & Inputs.MASK], 0, TrailState.PROOF_BYTES);
                    if ((appended & (APPENDS_PER_EPOCH - 1)) == APPENDS_PER_EPOCH - 1) {
                        epoch++;
                        trail.purgeBefore(epoch - 1);
                    }
                }
                print("append", coins, round, cpuNanos() - cpu, userNanos() - user);
            }
            long random = 0x2545F4914F6CDD1DL;
            final AuditTrail.ProofVisitor reader = this::read;
            for (int round = 0; round < LATEST_ROUNDS; round++) {
                final long cpu = cpuNanos();
                final long user = userNanos();
                for (int i = 0; i < OPERATIONS_PER_ROUND; i++) {
                    random = random * 6364136223846793005L + 1442695040888963407L;
                    trail.latest((random >>> 32) & (coins - 1), reader);
                }
                print("latest", coins, round, cpuNanos() - cpu, userNanos() - user);
            }
        } finally {
            deleteDirectory(directory);
        }
        System.out.println("checksum " + checksum);
    }

    private boolean read(final AuditTrail.ProofType type, final int epoch, final DirectBuffer buffer, final int offset,
                         final int length) {
        checksum += buffer.getByte(offset);
        return true;
    }

    private long cpuNanos() {
        return threads.getCurrentThreadCpuTime();
    }

    private long userNanos() {
        return threads.getCurrentThreadUserTime();
    }

    private static void print(final String operation, final int coins, final int round, final long cpuNanos,
                              final long userNanos) {
        System.out.printf("%s coins=%d round %d: cpu %.1f ns/op (user %.1f, kernel %.1f)%n", operation, coins, round,
            cpuNanos / (double) OPERATIONS_PER_ROUND, userNanos / (double) OPERATIONS_PER_ROUND,
            (cpuNanos - userNanos) / (double) OPERATIONS_PER_ROUND);
    }

    private static Path createDirectory(final Path root) {
        try {
            return Files.createTempDirectory(root, "ppay-audit-cpu-");
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot create a trail directory under " + root, ex);
        }
    }

    private static void deleteDirectory(final Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot delete trail directory " + directory, ex);
        }
    }
}
