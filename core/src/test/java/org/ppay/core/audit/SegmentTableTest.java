package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentTableTest {

    @TempDir
    Path directory;

    private final List<Segment> created = new ArrayList<>();

    @AfterEach
    void unmap() {
        created.forEach(Segment::unmap);
    }

    @Test
    void shouldFindLiveSegmentsAndForgetRemovedOnes() {
        final SegmentTable table = new SegmentTable();
        final Segment three = segment(3);
        final Segment nineteen = segment(19); // 19 & 15 == 3: the table must grow to hold both
        table.put(three);
        table.put(nineteen);

        assertSame(three, table.get(3));
        assertSame(nineteen, table.get(19));
        assertNull(table.get(35), "a number sharing their slot that was never put");
        assertEquals(2, table.size());

        table.remove(three);
        assertNull(table.get(3));
        assertSame(nineteen, table.get(19));
        assertEquals(List.of(nineteen), table.all());
    }

    @Test
    void shouldHoldSegmentsWhoseNumbersSpanMoreThanItsSlots() {
        final SegmentTable table = new SegmentTable();
        final List<Segment> segments = new ArrayList<>();
        for (final int number : new int[] {0, 1, 2, 100, 101, 1000, 4095}) {
            final Segment segment = segment(number);
            segments.add(segment);
            table.put(segment);
        }
        for (final Segment segment : segments) {
            assertSame(segment, table.get(segment.number));
        }
        assertNull(table.get(4096 + 100));
        assertEquals(segments.size(), table.all().size());
    }

    private Segment segment(final int number) {
        final Segment segment = Segment.create(directory, number, 0, TrailLayout.MIN_SEGMENT_BYTES);
        created.add(segment);
        return segment;
    }
}
