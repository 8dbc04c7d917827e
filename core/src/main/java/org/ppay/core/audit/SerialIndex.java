package org.ppay.core.audit;

import java.nio.ByteBuffer;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Off-heap open-addressing map from coin serial to the position of its newest record. Linear probing over 16-byte
 * slots [serial:8][position:8] in a direct buffer, so a probe that finds its serial reads the position from the same
 * cache line; position 0 marks a free slot (a real position never is 0). The home slot is the top bits of the serial
 * times 2^64/phi (Fibonacci hashing: one multiply, and consecutive serials, as an owner's coins are, spread evenly).
 *
 * <p>A purge does not touch the index: an entry whose record lies in a purged segment is stale, which the trail sees
 * when it looks the segment up, and the entry is overwritten by the coin's next proof or dropped by the next rebuild.
 * A rebuild runs when the slots in use pass 5/8 of the table; it keeps only live entries, in a table sized so they
 * fill at most half of it. The heap holds the same few objects whatever the number of serials.
 */
final class SerialIndex implements AutoCloseable {

    /** Tells a rebuild which positions still point at a record. */
    @FunctionalInterface
    interface Liveness {
        boolean isLive(long position);
    }

    private static final int SLOT_BYTES = 16;
    private static final int SLOT_SHIFT = 4;
    private static final int POSITION_OFFSET = 8;
    private static final int MIN_SLOTS = 1024;
    private static final int MAX_SLOTS = 1 << 26; // 1 GiB of slots
    private static final long PHI = 0x9E3779B97F4A7C15L;

    private final Liveness liveness;
    private final UnsafeBuffer table = new UnsafeBuffer(0, 0);
    private ByteBuffer memory;
    private int slotMask;
    private int hashShift;
    private int used;
    private int rebuildThreshold;

    SerialIndex(final Liveness liveness) {
        this.liveness = liveness;
        allocate(MIN_SLOTS);
    }

    /**
     * The byte offset of the slot that holds {@code serial}, or of the free slot where it would go. Valid until the
     * next {@link #reserveOne} or {@link #put}.
     */
    int slotOf(final long serial) {
        final UnsafeBuffer table = this.table;
        final int mask = slotMask;
        int slot = (int) ((serial * PHI) >>> hashShift);
        while (true) {
            final int at = slot << SLOT_SHIFT;
            if (table.getLong(at + POSITION_OFFSET) == 0 || table.getLong(at) == serial) {
                return at;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The position stored in a slot found by {@link #slotOf}: 0 when the slot is free. */
    long positionAt(final int slot) {
        return table.getLong(slot + POSITION_OFFSET);
    }

    /** Stores {@code position} for {@code serial} in the slot {@link #slotOf} returned for it. */
    void store(final int slot, final long serial, final long position) {
        if (position == 0) {
            throw new IllegalArgumentException("position 0 is reserved for free slots");
        }
        final UnsafeBuffer table = this.table;
        if (table.getLong(slot + POSITION_OFFSET) == 0) {
            table.putLong(slot, serial);
            used++;
        }
        table.putLong(slot + POSITION_OFFSET, position);
    }

    /** The position of the newest record of {@code serial}, 0 when none (it may be stale, see the class comment). */
    long get(final long serial) {
        return positionAt(slotOf(serial));
    }

    void put(final long serial, final long position) {
        reserveOne();
        store(slotOf(serial), serial, position);
    }

    /** Rebuilds now if one more serial would pass the threshold, so that a {@link #store} into a free slot fits. */
    void reserveOne() {
        if (used >= rebuildThreshold) {
            rebuild();
        }
    }

    /** Slots in use, stale entries included. */
    int size() {
        return used;
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

    private void rebuild() {
        final ByteBuffer oldMemory = memory;
        final UnsafeBuffer old = new UnsafeBuffer(oldMemory);
        final int oldSlots = slotMask + 1;
        int live = 0;
        for (int at = 0; at < oldSlots << SLOT_SHIFT; at += SLOT_BYTES) {
            final long position = old.getLong(at + POSITION_OFFSET);
            if (position != 0 && liveness.isLive(position)) {
                live++;
            }
        }
        int slots = MIN_SLOTS;
        while (slots < 2L * (live + 1)) {
            slots *= 2;
        }
        if (slots > MAX_SLOTS) {
            throw new IllegalStateException("audit index is full: more than " + (MAX_SLOTS / 2) + " serials");
        }
        allocate(slots);
        for (int at = 0; at < oldSlots << SLOT_SHIFT; at += SLOT_BYTES) {
            final long position = old.getLong(at + POSITION_OFFSET);
            if (position != 0 && liveness.isLive(position)) {
                store(slotOf(old.getLong(at)), old.getLong(at), position);
            }
        }
        BufferUtil.free(oldMemory);
    }

    private void allocate(final int slots) {
        memory = ByteBuffer.allocateDirect(slots * SLOT_BYTES); // zeroed: every slot free
        table.wrap(memory);
        slotMask = slots - 1;
        hashShift = Long.SIZE - Integer.numberOfTrailingZeros(slots);
        used = 0;
        rebuildThreshold = slots / 2 + slots / 8;
    }
}
