package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.collections.IntHashSet;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SerialIndexTest {

    private static final int FIRST_TABLE_BYTES = 1024 * 16;

    @Property(tries = 50)
    void shouldAgreeWithAHashMapAndDropPurgedEntriesWhenItRebuilds(
        @ForAll @Size(max = 3000) final List<Long> serials, @ForAll @IntRange(min = 1, max = 5) final int segments) {
        final Map<Long, Long> model = new HashMap<>();
        final IntHashSet purged = new IntHashSet();
        try (SerialIndex index = new SerialIndex(position -> !purged.contains(TrailLayout.segmentNumber(position)))) {
            int i = 0;
            for (final long serial : serials) {
                final long position = TrailLayout.position(i % segments, 64 + 8 * i);
                index.put(serial, position);
                model.put(serial, position);
                i++;
            }
            assertEquals(model.size(), index.size());
            for (final Map.Entry<Long, Long> entry : model.entrySet()) {
                assertEquals((long) entry.getValue(), index.get(entry.getKey()));
            }
            purged.add(0);
            model.values().removeIf(position -> TrailLayout.segmentNumber(position) == 0);
            for (long filler = Long.MIN_VALUE; filler < Long.MIN_VALUE + 20_000; filler++) {
                if (serials.contains(filler)) {
                    continue; // a filler must be a new serial, so that the size tells when the index rebuilt
                }
                final int before = index.size();
                model.put(filler, TrailLayout.position(9, 64));
                index.put(filler, TrailLayout.position(9, 64));
                if (index.size() <= before) {
                    break; // it rebuilt and dropped the purged entries
                }
            }
            for (final long serial : serials) {
                assertEquals((long) model.getOrDefault(serial, 0L), index.get(serial));
            }
        }
    }

    @Test
    void shouldGrowPastItsFirstTableWithoutLosingSerials() {
        try (SerialIndex index = new SerialIndex(position -> true)) {
            assertEquals(FIRST_TABLE_BYTES, index.capacityBytes());
            for (long serial = -50_000; serial < 50_000; serial++) {
                index.put(serial * 1_000_003L, position(serial));
            }
            assertEquals(100_000, index.size());
            for (long serial = -50_000; serial < 50_000; serial++) {
                assertEquals(position(serial), index.get(serial * 1_000_003L));
            }
            assertEquals(0, index.get(7));
            assertEquals(256 * 1024 * 16, index.capacityBytes(), "100 000 serials fill at most half the slots");
        }
    }

    @Test
    void shouldRebuildInPlaceWhenPurgedEntriesMakeRoom() {
        final IntHashSet purged = new IntHashSet();
        try (SerialIndex index = new SerialIndex(position -> !purged.contains(TrailLayout.segmentNumber(position)))) {
            for (long serial = 0; serial < 600; serial++) {
                index.put(serial, TrailLayout.position(1, 64));
            }
            purged.add(1);
            for (long serial = 1000; serial < 1100; serial++) {
                index.put(serial, TrailLayout.position(2, 64));
            }
            assertEquals(FIRST_TABLE_BYTES, index.capacityBytes(), "the purged entries made room: no growth");
            assertTrue(index.size() <= 100, "the rebuild dropped the purged entries, size " + index.size());
            assertEquals(0, index.get(5));
            assertEquals(TrailLayout.position(2, 64), index.get(1050));
        }
    }

    @Test
    void shouldFindEverySerialOfAClusterThatWrapsAroundTheTable() {
        try (SerialIndex index = new SerialIndex(position -> true)) {
            final int lastSlot = FIRST_TABLE_BYTES - 16;
            final List<Long> colliding = new ArrayList<>();
            for (long serial = 0; colliding.size() < 41; serial++) {
                if (index.slotOf(serial) == lastSlot) { // the home slot, the table being empty
                    colliding.add(serial);
                }
            }
            final long absent = colliding.remove(40);
            for (int i = 0; i < colliding.size(); i++) {
                index.put(colliding.get(i), position(i));
            }
            for (int i = 0; i < colliding.size(); i++) {
                assertEquals(position(i), index.get(colliding.get(i)));
            }
            assertTrue(index.slotOf(colliding.get(1)) < lastSlot, "the cluster wrapped to the table's start");
            index.put(colliding.get(7), position(99));
            assertEquals(position(99), index.get(colliding.get(7)));
            assertEquals(colliding.size(), index.size());
            assertEquals(0, index.get(absent), "a serial with the same home slot that was never put");
        }
    }

    private static long position(final long serial) {
        return TrailLayout.position(1, (int) (64 + (serial & 0xFFFF) * 8));
    }
}
