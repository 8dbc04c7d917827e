package org.ppay.core.audit;

import java.nio.ByteBuffer;

import org.agrona.BufferUtil;
import org.agrona.collections.IntHashSet;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Off-heap open-addressing map from coin serial to the position of its newest record. Linear probing over 16-byte
 * slots [serial:8][position:8] in a direct buffer; position 0 marks a free slot (a real position never is 0). Grows
 * by rehashing into a buffer twice the size, so the heap holds the same few objects whatever the number of serials.
 */
final class SerialIndex implements AutoCloseable {

    private static final int SLOT_BYTES = 16;
    private static final int POSITION_OFFSET = 8;
    private static final int MIN_SLOTS = 1024;
    private static final int MAX_SLOTS = 1 << 26; // 1 GiB of slots

    private ByteBuffer memory;
    private final UnsafeBuffer table = new UnsafeBuffer(0, 0);
    private int slotMask;
    private int size;
    private int resizeThreshold;

    SerialIndex() {
        allocate(MIN_SLOTS);
    }

    /** The position of the newest record of {@code serial}, 0 when none. */
    long get(final long serial) {
        final UnsafeBuffer table = this.table;
        int slot = hash(serial) & slotMask;
        while (true) {
            final int at = slot * SLOT_BYTES;
            final long position = table.getLong(at + POSITION_OFFSET);
            if (position == 0) {
                return 0;
            }
            if (table.getLong(at) == serial) {
                return position;
            }
            slot = (slot + 1) & slotMask;
        }
    }

    /** Grows now if one more serial would need it, so that the next {@link #put} cannot fail. */
    void reserveOne() {
        if (size >= resizeThreshold) {
            rehash(slotCount() * 2);
        }
    }

    void put(final long serial, final long position) {
        if (position == 0) {
            throw new IllegalArgumentException("position 0 is reserved for free slots");
        }
        if (insert(table, slotMask, serial, position)) {
            if (++size > resizeThreshold) {
                rehash(slotCount() * 2);
            }
        }
    }

    /** Drops every serial whose newest record lies in one of {@code segmentNumbers}. */
    void removeSegments(final IntHashSet segmentNumbers) {
        final ByteBuffer oldMemory = memory;
        final UnsafeBuffer old = new UnsafeBuffer(oldMemory);
        final int oldSlots = slotCount();
        allocate(oldSlots);
        size = 0;
        for (int slot = 0; slot < oldSlots; slot++) {
            final int at = slot * SLOT_BYTES;
            final long position = old.getLong(at + POSITION_OFFSET);
            if (position != 0 && !segmentNumbers.contains(TrailLayout.segmentNumber(position))) {
                insert(table, slotMask, old.getLong(at), position);
                size++;
            }
        }
        BufferUtil.free(oldMemory);
    }

    int size() {
        return size;
    }

    /** Off-heap bytes the index occupies. */
    long capacityBytes() {
        return table.capacity();
    }

    @Override
    public void close() {
        if (memory != null) {
            BufferUtil.free(memory);
            memory = null;
            table.wrap(0, 0);
        }
    }

    private int slotCount() {
        return slotMask + 1;
    }

    private void rehash(final int newSlots) {
        if (newSlots > MAX_SLOTS) {
            throw new IllegalStateException("audit index is full: more than " + (MAX_SLOTS / 2) + " serials");
        }
        final ByteBuffer oldMemory = memory;
        final UnsafeBuffer old = new UnsafeBuffer(oldMemory);
        final int oldSlots = slotCount();
        allocate(newSlots);
        for (int slot = 0; slot < oldSlots; slot++) {
            final int at = slot * SLOT_BYTES;
            final long position = old.getLong(at + POSITION_OFFSET);
            if (position != 0) {
                insert(table, slotMask, old.getLong(at), position);
            }
        }
        BufferUtil.free(oldMemory);
    }

    private void allocate(final int slots) {
        memory = ByteBuffer.allocateDirect(slots * SLOT_BYTES); // zeroed: every slot free
        table.wrap(memory);
        slotMask = slots - 1;
        resizeThreshold = slots / 2 + slots / 8; // load factor 0.625
    }

    /** Returns true when the serial was new. */
    private static boolean insert(final UnsafeBuffer table, final int slotMask, final long serial,
                                  final long position) {
        int slot = hash(serial) & slotMask;
        while (true) {
            final int at = slot * SLOT_BYTES;
            final long existing = table.getLong(at + POSITION_OFFSET);
            if (existing == 0) {
                table.putLong(at, serial);
                table.putLong(at + POSITION_OFFSET, position);
                return true;
            }
            if (table.getLong(at) == serial) {
                table.putLong(at + POSITION_OFFSET, position);
                return false;
            }
            slot = (slot + 1) & slotMask;
        }
    }

    private static int hash(final long serial) {
        long h = serial * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        return (int) h ^ (int) (h >>> 16);
    }
}
