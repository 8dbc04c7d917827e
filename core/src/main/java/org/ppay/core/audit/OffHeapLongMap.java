package org.ppay.core.audit;

import java.nio.ByteBuffer;

import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;

/**
 * Off-heap open-addressing map from a long key to a non-zero long value. Linear probing over 16-byte slots
 * [key:8][value:8] in a direct buffer, so a probe that finds its key reads the value from the same cache line; value 0
 * marks a free slot. The home slot is the top bits of the key times 2^64/phi (Fibonacci hashing: one multiply, and
 * consecutive keys spread evenly). The table has a fixed power-of-two number of slots; its owner decides when to move
 * the entries into a bigger one ({@link #isFull()}, {@link #putGrowing}). Entries are never removed one by one.
 *
 * <p>Slots are read and written at raw addresses, without the bounds checks of an {@code UnsafeBuffer}: every offset
 * is a masked slot number times 16, inside the table by construction. With the record reads, the checks cost a
 * lookup at a million coins about a third of its time (they lengthen each lookup, so fewer of them overlap their
 * cache misses).
 */
final class OffHeapLongMap implements AutoCloseable {

    static final int SLOT_BYTES = 16;
    static final int MAX_SLOTS = 1 << 26; // 1 GiB of slots

    private static final int SLOT_SHIFT = 4;
    private static final int VALUE_OFFSET = 8;
    private static final long PHI = 0x9E3779B97F4A7C15L;

    private ByteBuffer memory;
    private long address;
    private int slotMask;
    private int hashShift;
    private int used;
    private int fullThreshold;

    /** A map of {@code slots} free slots: a power of two between 2 and {@link #MAX_SLOTS}. */
    OffHeapLongMap(final int slots) {
        allocate(slots);
    }

    /** The smallest power-of-two slot count, at least {@code minSlots}, that holds {@code entries} at most half full. */
    static int slotsFor(final long entries, final int minSlots) {
        long slots = minSlots;
        while (slots < 2 * entries) {
            slots *= 2;
        }
        if (slots > MAX_SLOTS) {
            throw new IllegalStateException("audit index is full: more than " + (MAX_SLOTS / 2) + " entries");
        }
        return (int) slots;
    }

    /**
     * The byte offset of the slot that holds {@code key}, or of the free slot where it would go. Valid until the next
     * {@link #store} into a free slot.
     */
    int slotOf(final long key) {
        final long address = this.address;
        final int mask = slotMask;
        int slot = (int) ((key * PHI) >>> hashShift);
        while (true) {
            final int at = slot << SLOT_SHIFT;
            if (UnsafeApi.getLong(address + at + VALUE_OFFSET) == 0 || UnsafeApi.getLong(address + at) == key) {
                return at;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The value in a slot: 0 when the slot is free. */
    long valueAt(final int slot) {
        return UnsafeApi.getLong(address + slot + VALUE_OFFSET);
    }

    /** The key in a slot that is not free. */
    long keyAt(final int slot) {
        return UnsafeApi.getLong(address + slot);
    }

    /** Stores {@code value} for {@code key} in the slot {@link #slotOf} returned for it. */
    void store(final int slot, final long key, final long value) {
        if (value == 0) {
            throw new IllegalArgumentException("value 0 is reserved for free slots");
        }
        if (UnsafeApi.getLong(address + slot + VALUE_OFFSET) == 0) {
            UnsafeApi.putLong(address + slot, key);
            used++;
        }
        UnsafeApi.putLong(address + slot + VALUE_OFFSET, value);
    }

    /** The value of {@code key}, 0 when none. */
    long get(final long key) {
        return valueAt(slotOf(key));
    }

    /** Puts {@code key}, moving every entry into a table twice the size first when this one is full. */
    void putGrowing(final long key, final long value) {
        if (used >= fullThreshold) {
            grow();
        }
        store(slotOf(key), key, value);
    }

    /** Slots in use. */
    int size() {
        return used;
    }

    /** Slots in the table; slot byte offsets are {@code 0, 16, ...} below {@code slots() * 16}. */
    int slots() {
        return slotMask + 1;
    }

    /** True when the slots in use reach 5/8 of the table: longer probe runs from here on. */
    boolean isFull() {
        return used >= fullThreshold;
    }

    /** Frees every slot, keeping the table. */
    void clear() {
        UnsafeApi.setMemory(address, (long) slots() * SLOT_BYTES, (byte) 0);
        used = 0;
    }

    long capacityBytes() {
        return memory == null ? 0 : memory.capacity();
    }

    @Override
    public void close() {
        if (memory != null) {
            BufferUtil.free(memory);
            memory = null;
            address = 0;
        }
    }

    private void grow() {
        if (slots() >= MAX_SLOTS) {
            throw new IllegalStateException("audit index is full: more than " + used + " entries");
        }
        final ByteBuffer oldMemory = memory;
        final long old = address;
        final int oldBytes = slots() << SLOT_SHIFT;
        allocate(slots() * 2);
        for (int at = 0; at < oldBytes; at += SLOT_BYTES) {
            final long value = UnsafeApi.getLong(old + at + VALUE_OFFSET);
            if (value != 0) {
                final long key = UnsafeApi.getLong(old + at);
                store(slotOf(key), key, value);
            }
        }
        BufferUtil.free(oldMemory);
    }

    private void allocate(final int slots) {
        if (slots < 2 || slots > MAX_SLOTS || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two between 2 and " + MAX_SLOTS + ", got "
                + slots);
        }
        memory = ByteBuffer.allocateDirect(slots * SLOT_BYTES); // zeroed: every slot free
        address = BufferUtil.address(memory);
        slotMask = slots - 1;
        hashShift = Long.SIZE - Integer.numberOfTrailingZeros(slots);
        used = 0;
        fullThreshold = slots / 2 + slots / 8;
    }
}
