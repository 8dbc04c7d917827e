package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer JVM ({@link CrashWriter}) with SIGKILL at random points and checks that the recovered trail holds
 * every proof acknowledged as synced, intact, and never returns a proof that was not written.
 */
class TrailCrashTest {

    private static final int RUNS = 10;
    private static final int SEGMENT_BYTES = 64 * 1024;

    @TempDir
    Path root;

    @Test
    void shouldKeepEverySyncedProofIntactWhenTheWriterIsKilled() throws Exception {
        final SplittableRandom random = new SplittableRandom(20031027);
        long killedMidWay = 0;
        long syncedRuns = 0;
        long syncedProofs = 0;
        long purgedEpochs = 0;
        for (int run = 0; run < RUNS; run++) {
            final Path directory = root.resolve("run-" + run);
            final long synced = runAndKill(directory, random.nextLong(), 30 + random.nextInt(300));
            final int oldestEpoch = oldestEpoch(directory);
            final long firstKept = (long) oldestEpoch * CrashWriter.OPERATIONS_PER_EPOCH;
            try (MappedAuditTrail trail = MappedAuditTrail.open(directory, SEGMENT_BYTES, Durability.none())) {
                syncedRuns += synced > 0 ? 1 : 0;
                syncedProofs += synced;
                purgedEpochs += oldestEpoch;
                assertTrue(trail.proofCount() >= synced - firstKept, "run " + run + ": " + trail.proofCount() + " < "
                    + synced + " - " + firstKept + " purged");
                assertEveryProofIsAWrittenOne(trail, oldestEpoch, run);
                assertSyncedProofsPresent(trail, oldestEpoch, synced, run);
                killedMidWay += trail.recoveryReport().clean() ? 0 : 1;
                MappedAuditTrailTest.append(trail, Long.MAX_VALUE, Integer.MAX_VALUE, AuditTrail.ProofType.RENEWAL,
                    0, 64);
            }
            try (MappedAuditTrail trail = MappedAuditTrail.open(directory, SEGMENT_BYTES, Durability.none())) {
                assertTrue(trail.recoveryReport().clean(), "run " + run + ": a recovered trail reopens clean");
            }
        }
        System.out.println("crash test: " + syncedProofs + " synced proofs checked; " + killedMidWay + " of " + RUNS
            + " runs left a torn tail or temporary file; " + purgedEpochs + " epochs purged");
        assertTrue(syncedRuns >= RUNS / 2, "most writers should have synced before being killed: " + syncedRuns);
    }

    private long runAndKill(final Path directory, final long seed, final int runMillis) throws Exception {
        final Path output = root.resolve(directory.getFileName() + ".out");
        final Process writer = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Xmx64m", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"),
            CrashWriter.class.getName(), directory.toString(), Integer.toString(SEGMENT_BYTES), Long.toString(seed))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
        try {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(output).startsWith("ready")) {
                assertTrue(writer.isAlive(), () -> "writer died: " + read(output));
                assertTrue(System.nanoTime() < deadline, "writer did not start");
                Thread.sleep(5);
            }
            Thread.sleep(runMillis);
        } finally {
            writer.destroyForcibly(); // SIGKILL on Linux
            writer.waitFor();
        }
        return lastSynced(read(output));
    }

    /** The last complete "synced N" line; a line cut off by the kill does not count. */
    private static long lastSynced(final String output) {
        final String complete = output.substring(0, output.lastIndexOf('\n') + 1);
        long synced = 0;
        for (final String line : complete.split("\n")) {
            if (line.startsWith("synced ")) {
                synced = Long.parseLong(line.substring("synced ".length()));
            } else if (!line.equals("ready")) {
                throw new AssertionError("writer said: " + output);
            }
        }
        return synced;
    }

    /** The purge horizon the writer left, from the control file; 0 when it never wrote one. */
    private static int oldestEpoch(final Path directory) throws IOException {
        final Path file = directory.resolve(TrailControl.FILE);
        return Files.exists(file) ? TrailControl.parse(file, Files.readAllBytes(file)).oldestEpoch : 0;
    }

    private static void assertSyncedProofsPresent(final MappedAuditTrail trail, final int oldestEpoch,
                                                  final long synced, final int run) {
        for (long serial = (long) oldestEpoch * CrashWriter.SERIALS_PER_EPOCH;
             serial * CrashWriter.PROOFS_PER_SERIAL < synced; serial++) {
            final List<Proofs.Seen> history = Proofs.history(trail, serial).seen;
            final long syncedOfSerial = Math.min(CrashWriter.PROOFS_PER_SERIAL,
                synced - serial * CrashWriter.PROOFS_PER_SERIAL);
            assertTrue(history.size() >= syncedOfSerial, "run " + run + ": serial " + serial + " lost a synced proof");
        }
    }

    /** Walks serials until every proof the trail counts has been seen; each must be exactly what was written. */
    private static void assertEveryProofIsAWrittenOne(final MappedAuditTrail trail, final int oldestEpoch,
                                                      final int run) {
        long seen = 0;
        for (long serial = (long) oldestEpoch * CrashWriter.SERIALS_PER_EPOCH; seen < trail.proofCount(); serial++) {
            final List<Proofs.Seen> history = Proofs.history(trail, serial).seen;
            for (int i = 0; i < history.size(); i++) {
                final long operation = serial * CrashWriter.PROOFS_PER_SERIAL + history.size() - 1 - i;
                final Proofs.Seen proof = history.get(i);
                assertEquals(CrashWriter.type(operation), proof.type(), "run " + run + ", operation " + operation);
                assertEquals(CrashWriter.epoch(operation), proof.epoch(), "run " + run + ", operation " + operation);
                assertArrayEquals(Proofs.bytes(serial, CrashWriter.version(operation), CrashWriter.length(operation)),
                    proof.bytes(), "run " + run + ", operation " + operation);
            }
            seen += history.size();
            assertTrue(serial < 10_000_000, "proof count does not match the proofs reachable by serial");
        }
    }

    private static String read(final Path output) {
        try {
            return Files.readString(output, StandardCharsets.US_ASCII);
        } catch (final IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
