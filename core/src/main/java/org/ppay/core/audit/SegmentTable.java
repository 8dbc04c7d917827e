package org.ppay.core.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The live segments of a trail by segment number: a power-of-two array indexed by {@code number & mask}. Segment
 * numbers only grow and the live ones span a short range (a few epochs), so a lookup is one array load and one
 * compare, where a hash map costs a hash and a probe chain on every append and lookup. The array doubles when two
 * live segments would share a slot; it is sized by the span of live numbers, not by the proofs.
 */
final class SegmentTable {

    private static final int MIN_SLOTS = 16;

    private Segment[] slots = new Segment[MIN_SLOTS];
    private int count;

    /** The live segment numbered {@code number}, or null when there is none (never created, or purged). */
    Segment get(final int number) {
        final Segment[] slots = this.slots;
        final Segment segment = slots[number & (slots.length - 1)];
        return segment != null && segment.number == number ? segment : null;
    }

    /** Adds {@code segment}, replacing a segment of the same number. */
    void put(final Segment segment) {
        while (true) {
            final int slot = segment.number & (slots.length - 1);
            final Segment existing = slots[slot];
            if (existing == null || existing.number == segment.number) {
                slots[slot] = segment;
                count += existing == null ? 1 : 0;
                return;
            }
            grow();
        }
    }

    void remove(final Segment segment) {
        final int slot = segment.number & (slots.length - 1);
        if (slots[slot] == segment) {
            slots[slot] = null;
            count--;
        }
    }

    int size() {
        return count;
    }

    /** A snapshot of the live segments, in no particular order. */
    List<Segment> all() {
        final List<Segment> segments = new ArrayList<>(count);
        for (final Segment segment : slots) {
            if (segment != null) {
                segments.add(segment);
            }
        }
        return segments;
    }

    void clear() {
        slots = new Segment[MIN_SLOTS];
        count = 0;
    }

    private void grow() {
        final Segment[] old = slots;
        int length = old.length * 2;
        while (!placeAll(old, length)) {
            length *= 2;
        }
    }

    /** Moves every segment of {@code old} into a new array of {@code length}; false when two would collide. */
    private boolean placeAll(final Segment[] old, final int length) {
        final Segment[] grown = new Segment[length];
        for (final Segment segment : old) {
            if (segment != null) {
                final int slot = segment.number & (length - 1);
                if (grown[slot] != null) {
                    return false;
                }
                grown[slot] = segment;
            }
        }
        slots = grown;
        return true;
    }
}
