package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A trail written and synced (several segments and epochs, purges, sometimes an unsynced tail), copied as a killed
 * writer leaves it, then damaged at random: bit flips anywhere, a zeroed page, a file truncated to any size, a
 * segment deleted, swapped with another or duplicated, a garbage or re-checksummed control file. Opening it either
 * gives back every synced proof byte for byte (and only proofs that were written, a prefix of each coin's history),
 * or refuses with an {@link AuditTrailException} and leaves every file byte-identical. A trail that opened reopens
 * clean after it is closed.
 */
class AuditCorruptionPropertyTest {

    private static final int SEGMENT_BYTES = 8192;
    private static final int EXAMPLES = 1000;
    private static final int DAMAGE_KINDS = 10;
    private static final int SERIALS = 24;

    /** One appended proof, in append order. */
    private record Written(long serial, int epoch, AuditTrail.ProofType type, byte[] bytes) {
    }

    /** What the writer did: every proof, how many a completed sync covered, and the purge horizon. */
    private record Run(List<Written> written, int synced, int oldestEpoch) {
    }

    @Test
    void shouldReturnEverySyncedProofOrRefuseWithoutChangingAByte() {
        final Path root = createRoot();
        try {
            final int[] outcomes = new int[2];
            qt().withFixedSeed(20031027L).withExamples(EXAMPLES)
                .forAll(longs().all(), integers().between(0, DAMAGE_KINDS - 1))
                .checkAssert((seed, kind) -> check(root, seed, kind, outcomes));
            System.out.println("corruption property: " + EXAMPLES + " examples, " + outcomes[0] + " opened with every "
                + "synced proof, " + outcomes[1] + " refused unchanged");
            assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "both outcomes should occur: " + Arrays.toString(outcomes));
        } finally {
            deleteTree(root);
        }
    }

    private static void check(final Path root, final long seed, final int kind, final int[] outcomes) {
        final Path writer = root.resolve("writer");
        final Path image = root.resolve("image");
        deleteTree(writer);
        deleteTree(image);
        try {
            final SplittableRandom random = new SplittableRandom(seed);
            final Run run = write(writer, image, random);
            final String damage = damage(image, kind, random);
            final Map<String, String> before = TrailFiles.hashes(image);
            final MappedAuditTrail trail;
            try {
                trail = MappedAuditTrail.open(image, SEGMENT_BYTES, Durability.none());
            } catch (final AuditTrailException refused) {
                assertEquals(before, TrailFiles.hashes(image), "seed " + seed + ", " + damage + ": refused ("
                    + refused.getMessage() + ") but changed files");
                outcomes[1]++;
                return;
            }
            final long proofs;
            try (trail) {
                assertEverySyncedProof(trail, run, "seed " + seed + ", " + damage);
                proofs = trail.proofCount();
            }
            try (MappedAuditTrail reopened = MappedAuditTrail.open(image, SEGMENT_BYTES, Durability.none())) {
                assertTrue(reopened.recoveryReport().clean(), "seed " + seed + ", " + damage + ": reopens clean");
                assertEquals(proofs, reopened.proofCount(), "seed " + seed + ", " + damage + ": reopened");
            }
            outcomes[0]++;
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Appends, syncs, advances and purges epochs at random, then copies the open trail's files into the image. */
    private static Run write(final Path writer, final Path image, final SplittableRandom random) throws IOException {
        final List<Written> written = new ArrayList<>();
        final Map<Long, Integer> versions = new HashMap<>();
        int synced = 0;
        int epoch = 0;
        int oldestEpoch = 0;
        final int appends = 20 + random.nextInt(220);
        try (MappedAuditTrail trail = MappedAuditTrail.open(writer, SEGMENT_BYTES, Durability.none())) {
            for (int i = 0; i < appends; i++) {
                final long serial = random.nextInt(SERIALS);
                final int version = versions.merge(serial, 1, Integer::sum);
                final byte[] bytes = Proofs.bytes(serial, version, 1 + random.nextInt(300));
                final AuditTrail.ProofType type = random.nextBoolean() ? AuditTrail.ProofType.REASSIGNMENT
                    : AuditTrail.ProofType.RENEWAL;
                trail.append(serial, epoch, type, Proofs.buffer(bytes), 0, bytes.length);
                written.add(new Written(serial, epoch, type, bytes));
                if (random.nextInt(8) == 0) {
                    trail.sync();
                    synced = written.size();
                }
                if (random.nextInt(40) == 0) {
                    epoch++;
                }
                if (random.nextInt(80) == 0 && epoch > 0) {
                    final int before = epoch - random.nextInt(Math.min(epoch, 2) + 1);
                    trail.purgeBefore(before);
                    oldestEpoch = Math.max(oldestEpoch, before);
                }
            }
            if (random.nextBoolean()) {
                trail.sync();
                synced = written.size();
            }
            CrashImage.copy(writer, image); // the writer is killed here: what it had not synced may be torn
        }
        return new Run(written, synced, oldestEpoch);
    }

    /** Applies damage of {@code kind} to the image; returns what it did, for the failure message. */
    private static String damage(final Path image, final int kind, final SplittableRandom random) throws IOException {
        final List<Path> segments = TrailFiles.segments(image);
        final List<Path> files = TrailFiles.list(image).stream().filter(TrailFiles::nonEmpty).toList();
        final Path segment = segments.get(random.nextInt(segments.size()));
        switch (kind) {
            case 0, 1 -> {
                final Path file = kind == 0 ? files.get(random.nextInt(files.size())) : segment;
                final long offset = random.nextLong(Files.size(file));
                final int bit = random.nextInt(8);
                TrailFiles.flipBit(file, offset, bit);
                return "bit " + bit + " of byte " + offset + " of " + file.getFileName() + " flipped";
            }
            case 2 -> {
                final int flips = 2 + random.nextInt(6);
                for (int i = 0; i < flips; i++) {
                    final Path file = files.get(random.nextInt(files.size()));
                    TrailFiles.flipBit(file, random.nextLong(Files.size(file)), random.nextInt(8));
                }
                return flips + " bits flipped";
            }
            case 3 -> {
                final long page = random.nextInt(SEGMENT_BYTES / 4096) * 4096L;
                TrailFiles.zero(segment, page, 4096);
                return "page at " + page + " of " + segment.getFileName() + " zeroed";
            }
            case 4 -> {
                final Path file = files.get(random.nextInt(files.size()));
                final long size = random.nextLong(Files.size(file));
                TrailFiles.truncate(file, size);
                return file.getFileName() + " truncated to " + size;
            }
            case 5 -> {
                Files.delete(segment);
                return segment.getFileName() + " deleted";
            }
            case 6 -> {
                final Path other = segments.get(random.nextInt(segments.size()));
                final byte[] bytes = Files.readAllBytes(segment);
                Files.write(segment, Files.readAllBytes(other));
                Files.write(other, bytes);
                return segment.getFileName() + " and " + other.getFileName() + " swapped";
            }
            case 7 -> {
                final int number = random.nextInt(segments.size() + 3);
                final Path copy = TrailFiles.segment(image, number);
                Files.write(copy, Files.readAllBytes(segment));
                return segment.getFileName() + " duplicated as " + copy.getFileName();
            }
            case 8 -> {
                final byte[] garbage = new byte[random.nextInt(64)];
                random.nextBytes(garbage);
                Files.write(image.resolve(TrailControl.FILE), garbage);
                return "control file replaced by " + garbage.length + " random bytes";
            }
            default -> {
                final Path file = image.resolve(TrailControl.FILE);
                final TrailControl control = TrailControl.parse(file, Files.readAllBytes(file));
                final int[] numbers = new int[control.segmentCount()];
                final int[] epochs = new int[numbers.length];
                for (int i = 0; i < numbers.length; i++) {
                    numbers[i] = control.number(i);
                    epochs[i] = control.epoch(i);
                }
                final int oldest = random.nextInt(6);
                // a well-formed, checksummed control file with a plausible wrong horizon
                Files.write(file, new TrailControl(oldest, control.nextSegmentNumber, numbers, epochs).toBytes());
                return "control file rewritten with oldest epoch " + oldest + " (was " + control.oldestEpoch + ")";
            }
        }
    }

    /** Each coin's history is a prefix of what was written for it (oldest first) that holds every synced proof. */
    private static void assertEverySyncedProof(final MappedAuditTrail trail, final Run run, final String context) {
        final Map<Long, List<Written>> bySerial = new HashMap<>();
        final Map<Long, Integer> syncedBySerial = new HashMap<>();
        for (int i = 0; i < run.written().size(); i++) {
            final Written proof = run.written().get(i);
            if (proof.epoch() >= run.oldestEpoch()) {
                bySerial.computeIfAbsent(proof.serial(), serial -> new ArrayList<>()).add(proof);
                if (i < run.synced()) {
                    syncedBySerial.merge(proof.serial(), 1, Integer::sum);
                }
            }
        }
        long seen = 0;
        for (long serial = 0; serial < SERIALS; serial++) {
            final List<Written> expected = bySerial.getOrDefault(serial, List.of());
            final List<Proofs.Seen> history = Proofs.history(trail, serial).seen;
            final int synced = syncedBySerial.getOrDefault(serial, 0);
            assertTrue(history.size() >= synced && history.size() <= expected.size(), context + ": serial " + serial
                + " has " + history.size() + " proofs, " + synced + " synced of " + expected.size() + " written");
            for (int i = 0; i < history.size(); i++) {
                final Proofs.Seen proof = history.get(history.size() - 1 - i);
                final Written original = expected.get(i);
                assertTrue(proof.type() == original.type() && proof.epoch() == original.epoch()
                    && Arrays.equals(proof.bytes(), original.bytes()), context + ": serial " + serial + ", proof " + i);
            }
            seen += history.size();
        }
        assertEquals(seen, trail.proofCount(), context + ": proofs counted but not reachable by serial");
    }

    /** /dev/shm when there is one (its forces are free, so more examples fit), else the temporary directory. */
    private static Path createRoot() {
        try {
            final Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "ppay-audit-corruption-")
                : Files.createTempDirectory("ppay-audit-corruption-");
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteTree(final Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
