package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Property(tries = 50)
    void shouldAgreeWithAHashMap(@ForAll @Size(max = 3000) final List<Long> serials,
                                 @ForAll @IntRange(min = 1, max = 5) final int segments) {
        final Map<Long, Long> model = new HashMap<>();
        try (SerialIndex index = new SerialIndex()) {
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
            final IntHashSet purged = new IntHashSet();
            purged.add(0);
            index.removeSegments(purged);
            model.values().removeIf(position -> TrailLayout.segmentNumber(position) == 0);
            assertEquals(model.size(), index.size());
            for (final long serial : serials) {
                assertEquals((long) model.getOrDefault(serial, 0L), index.get(serial));
            }
        }
    }

    @Test
    void shouldGrowPastItsFirstTableWithoutLosingSerials() {
        try (SerialIndex index = new SerialIndex()) {
            final long firstBytes = index.capacityBytes();
            for (long serial = -50_000; serial < 50_000; serial++) {
                index.put(serial * 1_000_003L, TrailLayout.position(1, (int) (64 + (serial & 0xFFFF) * 8)));
            }
            assertEquals(100_000, index.size());
            for (long serial = -50_000; serial < 50_000; serial++) {
                assertEquals(TrailLayout.position(1, (int) (64 + (serial & 0xFFFF) * 8)), index.get(serial * 1_000_003L));
            }
            assertEquals(0, index.get(7));
            assertEquals(true, index.capacityBytes() > firstBytes);
        }
    }
}
