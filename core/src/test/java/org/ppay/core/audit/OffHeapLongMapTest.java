package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OffHeapLongMapTest {

    @Test
    void shouldGrowWithoutLosingEntriesWhenPutsFillIt() {
        try (OffHeapLongMap map = new OffHeapLongMap(2)) {
            for (long key = -5000; key < 5000; key++) {
                map.putGrowing(key * 7919, key + 10_001);
            }
            assertEquals(10_000, map.size());
            assertFalse(map.isFull(), "putGrowing grows before it fills");
            for (long key = -5000; key < 5000; key++) {
                assertEquals(key + 10_001, map.get(key * 7919));
            }
            assertEquals(0, map.get(3), "a key never put");
            assertEquals(map.slots() * 16L, map.capacityBytes());
        }
    }

    @Test
    void shouldReplaceTheValueOfAKeyInItsSlot() {
        try (OffHeapLongMap map = new OffHeapLongMap(16)) {
            map.putGrowing(Long.MIN_VALUE, 1);
            map.putGrowing(Long.MIN_VALUE, 2);
            assertEquals(1, map.size());
            assertEquals(2, map.get(Long.MIN_VALUE));
            assertEquals(Long.MIN_VALUE, map.keyAt(map.slotOf(Long.MIN_VALUE)));
        }
    }

    @Test
    void shouldReportFullAtFiveEighths() {
        try (OffHeapLongMap map = new OffHeapLongMap(64)) {
            for (long key = 0; key < 39; key++) {
                map.store(map.slotOf(key), key, 1);
            }
            assertFalse(map.isFull());
            map.store(map.slotOf(39), 39, 1);
            assertTrue(map.isFull());
        }
    }

    @Test
    void shouldSizeTablesAtMostHalfFull() {
        assertEquals(64, OffHeapLongMap.slotsFor(0, 64));
        assertEquals(64, OffHeapLongMap.slotsFor(32, 64));
        assertEquals(128, OffHeapLongMap.slotsFor(33, 64));
        assertThrows(IllegalStateException.class, () -> OffHeapLongMap.slotsFor(OffHeapLongMap.MAX_SLOTS, 64));
    }

    @Test
    void shouldRefuseValueZeroAndSlotCountsThatAreNotPowersOfTwo() {
        try (OffHeapLongMap map = new OffHeapLongMap(16)) {
            assertThrows(IllegalArgumentException.class, () -> map.putGrowing(5, 0));
            assertEquals(0, map.size());
        }
        assertThrows(IllegalArgumentException.class, () -> new OffHeapLongMap(24));
        assertThrows(IllegalArgumentException.class, () -> new OffHeapLongMap(1));
    }
}
