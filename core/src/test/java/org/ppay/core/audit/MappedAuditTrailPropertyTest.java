package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random runs of appends, purges and reopens (small segments, so chains cross files) agree with a plain model: per
 * serial, the proofs kept, newest first.
 */
class MappedAuditTrailPropertyTest {

    private static final int SEGMENT_BYTES = 4096;
    private static final long SEED = 20031027L;

    /** One step: kind 0-5 append, 6 purge, 7 reopen, 8 advance the epoch. */
    record Step(int kind, long serial, int length) {
    }

    @Test
    void shouldAgreeWithAModelOverAppendsPurgesAndReopens() {
        qt().withFixedSeed(SEED).withExamples(40).forAll(runs()).checkAssert(steps -> {
            try {
                agreeWithTheModel(steps);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The ends of the ranges the runs draw from: a reopen and a purge before anything was appended, the lowest and
     * highest serial, the shortest and longest proof, a purge that drops every proof, and a reopen after it.
     */
    @Test
    void shouldAgreeWithAModelAtTheEdges() throws IOException {
        agreeWithTheModel(List.of(new Step(7, 0, 1), new Step(6, 0, 1), new Step(0, -3, 1), new Step(5, 12, 700),
            new Step(6, -3, 1), new Step(8, 0, 1), new Step(1, 12, 1), new Step(8, 0, 1), new Step(6, 12, 700),
            new Step(7, 0, 1), new Step(4, -3, 700)));
    }

    private static void agreeWithTheModel(final List<Step> steps) throws IOException {
        final Path directory = Files.createTempDirectory("ppay-audit-property-");
        final Map<Long, List<Proofs.Seen>> model = new HashMap<>();
        int epoch = 0;
        int oldestEpoch = 0;
        int version = 0;
        MappedAuditTrail trail = open(directory);
        try {
            for (final Step step : steps) {
                if (step.kind() <= 5) {
                    final AuditTrail.ProofType type = step.kind() % 2 == 0 ? AuditTrail.ProofType.REASSIGNMENT
                        : AuditTrail.ProofType.RENEWAL;
                    final byte[] bytes = Proofs.bytes(step.serial(), version++, step.length());
                    trail.append(step.serial(), epoch, type, Proofs.buffer(bytes), 0, bytes.length);
                    model.computeIfAbsent(step.serial(), serial -> new ArrayList<>())
                        .add(0, new Proofs.Seen(type, epoch, bytes));
                } else if (step.kind() == 6) {
                    oldestEpoch = Math.max(oldestEpoch, epoch);
                    trail.purgeBefore(epoch);
                    final int kept = oldestEpoch;
                    model.values().forEach(proofs -> proofs.removeIf(proof -> proof.epoch() < kept));
                    final MappedAuditTrail purged = trail;
                    if (epoch > 0) {
                        assertThrows(IllegalArgumentException.class, () -> MappedAuditTrailTest.append(purged,
                            step.serial(), kept - 1, AuditTrail.ProofType.REASSIGNMENT, 0, 10));
                    }
                } else if (step.kind() == 7) {
                    trail.close();
                    trail = open(directory);
                    assertEquals(true, trail.recoveryReport().clean());
                } else {
                    epoch++;
                }
                assertAgrees(model, trail);
            }
        } finally {
            trail.close();
            delete(directory);
        }
    }

    private static Gen<List<Step>> runs() {
        final Gen<Step> step = integers().between(0, 8).zip(longs().between(-3, 12), integers().between(1, 700),
            Step::new);
        return lists().of(step).ofSizeBetween(1, 60);
    }

    private static void assertAgrees(final Map<Long, List<Proofs.Seen>> model, final MappedAuditTrail trail) {
        long count = 0;
        for (final Map.Entry<Long, List<Proofs.Seen>> entry : model.entrySet()) {
            final List<Proofs.Seen> expected = entry.getValue();
            final List<Proofs.Seen> actual = Proofs.history(trail, entry.getKey()).seen;
            assertEquals(expected.size(), actual.size(), "proofs of serial " + entry.getKey());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).type(), actual.get(i).type());
                assertEquals(expected.get(i).epoch(), actual.get(i).epoch());
                assertArrayEquals(expected.get(i).bytes(), actual.get(i).bytes());
            }
            count += expected.size();
        }
        assertEquals(count, trail.proofCount());
    }

    private static MappedAuditTrail open(final Path directory) {
        return MappedAuditTrail.open(directory, SEGMENT_BYTES, Durability.none());
    }

    private static void delete(final Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
