package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.collections.IntHashSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class SerialIndexTest {

    private static final long SCATTER = 1_000_003L; // serials this far apart never share a block
    private static final long SEED = 20031027L;

    private static final List<Long> BLOCK_BASES = List.of(0L, 512L, 1024L, -512L, -1024L, 77L << 9, -(99L << 9),
        1L << 40, (1L << 40) + 4096, Long.MAX_VALUE - 511, Long.MIN_VALUE, Long.MIN_VALUE + 512);

    /**
     * One step: kind 0-6 put {@code run} consecutive serials from {@code serial} (an owner's batch of coins), 7 purge
     * the oldest segments, 8 rebuild now, 9 start a new segment.
     */
    record Step(int kind, long serial, int run, int segmentPick) {
    }

    @Test
    void shouldAnswerLikeAHashMapUnderPutsPurgesAndRebuilds() {
        qt().withFixedSeed(SEED).withExamples(60).forAll(runs()).checkAssert(SerialIndexTest::answerLikeAHashMap);
    }

    /**
     * The ends of the serial range and of the scattered serials: a run at Long.MAX_VALUE (cut to one serial), runs
     * from Long.MIN_VALUE, 0 and -1, the longest run, with a rebuild, a purge and a new segment between them.
     */
    @Test
    void shouldAnswerLikeAHashMapAtTheEdges() {
        answerLikeAHashMap(List.of(new Step(0, Long.MAX_VALUE, 1, 0), new Step(0, Long.MIN_VALUE, 111, 0),
            new Step(0, 0, 111, 0), new Step(0, -1, 1, 0), new Step(8, 0, 1, 0), new Step(9, 0, 1, 0),
            new Step(0, Long.MAX_VALUE - 110, 111, 0), new Step(0, -1, 2, 0), new Step(7, 0, 1, 1000),
            new Step(8, 0, 1, 0), new Step(0, Long.MIN_VALUE + 1, 1, 0)));
    }

    private static void answerLikeAHashMap(final List<Step> steps) {
        final Map<Long, Long> model = new HashMap<>();
        final IntHashSet purged = new IntHashSet();
        int segment = 1;
        int offset = 64;
        try (SerialIndex index = new SerialIndex(position -> !purged.contains(TrailLayout.segmentNumber(position)))) {
            for (final Step step : steps) {
                if (step.kind() <= 6) {
                    for (long serial = step.serial(); serial < step.serial() + step.run(); serial++) {
                        final long position = TrailLayout.position(segment, offset);
                        offset += 8;
                        index.put(serial, position);
                        model.put(serial, position);
                    }
                } else if (step.kind() == 7 && segment > 1) { // as the trail, purges the oldest segments it closed
                    final int horizon = 1 + step.segmentPick() % (segment - 1);
                    for (int doomed = 1; doomed <= horizon; doomed++) {
                        purged.add(doomed);
                    }
                    model.values().removeIf(position -> TrailLayout.segmentNumber(position) <= horizon);
                } else if (step.kind() == 8) {
                    index.rebuild();
                    assertAgrees(model, index, purged, steps);
                } else if (step.kind() == 9) {
                    segment++;
                    offset = 64;
                }
            }
            assertAgrees(model, index, purged, steps);
        }
    }

    private static Gen<List<Step>> runs() {
        // 12 block ranges, more than the first arena holds (8): promotions and compactions; negative serials and the
        // ends of the long range share blocks too
        final Gen<Long> dense = arbitrary().pick(BLOCK_BASES).zip(longs().between(0, 400), Long::sum);
        final Gen<Long> serials = Generate.frequency(
            Pair.of(4, dense), Pair.of(1, longs().all())); // the second: scattered, the fallback
        final Gen<Integer> kinds = Generate.frequency(Pair.of(40, Generate.constant(0)),
            Pair.of(2, Generate.constant(7)), Pair.of(1, Generate.constant(8)), Pair.of(2, Generate.constant(9)));
        final Gen<Step> step = kinds.zip(serials, integers().between(1, 111), integers().between(0, 1000),
            (kind, serial, run, pick) -> new Step(kind, serial, Long.MAX_VALUE - serial < run ? 1 : run, pick));
        return lists().of(step).ofSizeBetween(200, 400);
    }

    private static List<Long> putSerials(final List<Step> steps) {
        final List<Long> serials = new ArrayList<>();
        for (final Step step : steps) {
            for (long serial = step.serial(); step.kind() <= 6 && serial < step.serial() + step.run(); serial++) {
                serials.add(serial);
            }
        }
        return serials;
    }

    @Test
    void shouldKeepADenseRangeInBlocksAtEightBytesASerial() {
        try (SerialIndex index = new SerialIndex(position -> true)) {
            final int serials = 1 << 17;
            for (long serial = 0; serial < serials; serial++) {
                index.put(serial, position(serial));
            }
            for (long serial = 0; serial < serials; serial++) {
                assertEquals(position(serial), index.get(serial));
            }
            assertEquals(0, index.get(serials + 1));
            assertEquals(serials, index.size());
            assertTrue(index.fallbackSize() < 1024, "the fallback holds only the newest serials, "
                + index.fallbackSize());
            assertTrue(index.blockCount() >= serials / SerialIndex.BLOCK_SERIALS - 2, "blocks " + index.blockCount());
            assertTrue(index.capacityBytes() <= 2L * serials * Long.BYTES + (128 << 10), // + directory, small tables
                "at most twice 8 bytes a serial, was " + index.capacityBytes());
        }
    }

    @Test
    void shouldFindTheDenseRangesAmongManyScatteredSerialsWhateverTheOrder() {
        try (SerialIndex index = new SerialIndex(position -> true)) {
            final int dense = 1 << 17;
            for (long i = 0; i < 2 * dense; i++) {
                // a permutation of 0..dense-1, interleaved with as many scattered serials: the fallback grows large
                // (its rebuilds sketch before they count) before any block key has enough serials to get a block
                final long serial = i % 2 == 0 ? ((i / 2) * 0x9E3779B1L) & (dense - 1) : -(i * SCATTER);
                index.put(serial, position(serial));
            }
            index.rebuild();
            for (long i = 0; i < 2 * dense; i++) {
                final long serial = i % 2 == 0 ? ((i / 2) * 0x9E3779B1L) & (dense - 1) : -(i * SCATTER);
                assertEquals(position(serial), index.get(serial), "serial " + serial);
            }
            assertEquals(dense / SerialIndex.BLOCK_SERIALS, index.blockCount(), "every dense block key got a block");
            assertEquals(dense, index.fallbackSize(), "the scattered serials stay in the fallback");
        }
    }

    @Test
    void shouldKeepScatteredSerialsInTheFallbackAtThirtyTwoBytesASerialAtMost() {
        try (SerialIndex index = new SerialIndex(position -> true)) {
            final int serials = 100_000;
            for (long coin = -serials / 2; coin < serials / 2; coin++) {
                index.put(coin * SCATTER, position(coin));
            }
            for (long coin = -serials / 2; coin < serials / 2; coin++) {
                assertEquals(position(coin), index.get(coin * SCATTER));
            }
            assertEquals(0, index.get(7));
            assertEquals(0, index.blockCount(), "no block key ever held more than one serial");
            assertEquals(serials, index.fallbackSize());
            assertTrue(index.capacityBytes() <= 256 * 1024 * 16 + (128 << 10), "size " + index.capacityBytes());
        }
    }

    @Test
    void shouldGrowTheDirectoryAndTheArenaForManyBlocks() {
        try (SerialIndex index = new SerialIndex(position -> true)) {
            final long first = 1L << 40;
            final int blocks = 700; // past the first arena (8 blocks) and directory (64 slots) many times
            for (long serial = first; serial < first + blocks * (long) SerialIndex.BLOCK_SERIALS; serial += 2) {
                index.put(serial, position(serial));
            }
            for (long serial = first; serial < first + blocks * (long) SerialIndex.BLOCK_SERIALS; serial++) {
                assertEquals(serial % 2 == 0 ? position(serial) : 0, index.get(serial), "serial " + serial);
            }
            assertTrue(index.blockCount() >= blocks - 2, "half-full blocks are dense enough, " + index.blockCount());
        }
    }

    @Test
    void shouldHandBlocksWhoseSerialsWerePurgedBackToTheFallback() {
        final IntHashSet purged = new IntHashSet();
        try (SerialIndex index = new SerialIndex(position -> !purged.contains(TrailLayout.segmentNumber(position)))) {
            final int oldBlocks = 8;
            for (long serial = 0; serial < oldBlocks * SerialIndex.BLOCK_SERIALS; serial++) {
                index.put(serial, TrailLayout.position(serial % 100 == 0 ? 2 : 1, 64));
            }
            index.rebuild();
            assertEquals(oldBlocks, index.blockCount());
            purged.add(1); // every old block keeps 5 or 6 live serials: too few to keep a block
            final long far = 1L << 50;
            final int newBlocks = 20; // more than the arena has room for: it is compacted
            for (long serial = far; serial < far + newBlocks * SerialIndex.BLOCK_SERIALS; serial++) {
                index.put(serial, TrailLayout.position(3, 64));
                if ((serial & (SerialIndex.BLOCK_SERIALS - 1)) == SerialIndex.BLOCK_SERIALS - 1) {
                    index.rebuild();
                }
            }
            assertEquals(newBlocks, index.blockCount(), "the old blocks went back to the fallback");
            for (long serial = 0; serial < oldBlocks * SerialIndex.BLOCK_SERIALS; serial++) {
                final long expected = serial % 100 == 0 ? TrailLayout.position(2, 64) : 0;
                assertEquals(expected, index.get(serial), "serial " + serial);
            }
            assertEquals(TrailLayout.position(3, 64), index.get(far + 17));
            assertEquals(oldBlocks * SerialIndex.BLOCK_SERIALS / 100 + 1, index.fallbackSize());
        }
    }

    @Test
    void shouldTakeNewPositionsForPurgedSerialsInPlace() {
        final IntHashSet purged = new IntHashSet();
        try (SerialIndex index = new SerialIndex(position -> !purged.contains(TrailLayout.segmentNumber(position)))) {
            for (long serial = 0; serial < 4096; serial++) {
                index.put(serial, TrailLayout.position(1, 64));
            }
            index.rebuild();
            final long capacityBytes = index.capacityBytes();
            purged.add(1);
            for (int round = 2; round < 6; round++) {
                for (long serial = 0; serial < 4096; serial++) {
                    index.put(serial, TrailLayout.position(round, 64 + (int) serial * 8));
                }
                purged.add(round);
            }
            for (long serial = 0; serial < 4096; serial++) {
                assertEquals(TrailLayout.position(5, 64 + (int) serial * 8), index.get(serial));
            }
            assertEquals(capacityBytes, index.capacityBytes(), "the same slots took the new positions");
        }
    }

    @Test
    void shouldRefusePositionZero() {
        try (SerialIndex index = new SerialIndex(position -> true)) {
            assertThrows(IllegalArgumentException.class, () -> index.put(5, 0));
            assertThrows(IllegalArgumentException.class, () -> index.put(5 * SCATTER, 0));
            assertEquals(0, index.get(5));
            assertEquals(0, index.size());
        }
    }

    /**
     * Every serial the run put has its model position, or when the model dropped it (purged) nothing or a position in
     * a purged segment, which the trail reads as absent.
     */
    private static void assertAgrees(final Map<Long, Long> model, final SerialIndex index, final IntHashSet purged,
                                     final List<Step> steps) {
        for (final long serial : putSerials(steps)) {
            final long actual = index.get(serial);
            final Long expected = model.get(serial);
            if (expected != null) {
                assertEquals((long) expected, actual, "serial " + serial);
            } else {
                assertTrue(actual == 0 || purged.contains(TrailLayout.segmentNumber(actual)),
                    "serial " + serial + " has a live position " + actual + " it was never given");
            }
        }
    }

    private static long position(final long serial) {
        return TrailLayout.position(1, (int) (64 + (serial & 0xFFFF) * 8));
    }
}
