package org.ppay.core.audit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The writer JVM of {@link TrailCrashTest}: appends the deterministic operations of {@link #operation} forever and,
 * after each {@code sync()} returns, prints "synced N" (operations 0..N-1 are then durable, unless purged), until it is
 * killed. On entering epoch e >= 2 it purges the epochs before e - 1, so purged segments are reused as it runs.
 * Arguments: trail directory, segment bytes, seed.
 */
public final class CrashWriter {

    static final int PROOFS_PER_SERIAL = 3;
    static final int SERIALS_PER_EPOCH = 100;
    static final int OPERATIONS_PER_EPOCH = SERIALS_PER_EPOCH * PROOFS_PER_SERIAL;

    private CrashWriter() {
    }

    public static void main(final String[] args) {
        final Path directory = Path.of(args[0]);
        final int segmentBytes = Integer.parseInt(args[1]);
        final SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
        final PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        final UnsafeBuffer proof = new UnsafeBuffer(new byte[maxLength()]);
        try (MappedAuditTrail trail = MappedAuditTrail.open(directory, segmentBytes, Durability.everyRecords(64))) {
            out.println("ready");
            out.flush();
            long operation = 0;
            while (true) {
                final int batch = 1 + random.nextInt(20);
                for (int i = 0; i < batch; i++, operation++) {
                    if (operation % OPERATIONS_PER_EPOCH == 0 && epoch(operation) >= 2) {
                        trail.purgeBefore(epoch(operation) - 1);
                    }
                    final long serial = serial(operation);
                    final int length = length(operation);
                    proof.putBytes(0, Proofs.bytes(serial, version(operation), length));
                    trail.append(serial, epoch(operation), type(operation), proof, 0, length);
                }
                trail.sync();
                out.println("synced " + operation);
                out.flush();
            }
        }
    }

    static long serial(final long operation) {
        return operation / PROOFS_PER_SERIAL;
    }

    static int version(final long operation) {
        return (int) (operation % PROOFS_PER_SERIAL);
    }

    static int epoch(final long operation) {
        return (int) (serial(operation) / SERIALS_PER_EPOCH);
    }

    static AuditTrail.ProofType type(final long operation) {
        return version(operation) == PROOFS_PER_SERIAL - 1 ? AuditTrail.ProofType.RENEWAL
            : AuditTrail.ProofType.REASSIGNMENT;
    }

    static int length(final long operation) {
        return 40 + (int) (operation * 37 % 260);
    }

    static int maxLength() {
        return 300;
    }
}
