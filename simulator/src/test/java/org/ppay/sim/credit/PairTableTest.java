package org.ppay.sim.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairTableTest {

    @Test
    void shouldAgreeWithAHashMapThroughGrowth() {
        check(new PairTable(PairTable.DENSE_MAX_PEERS + 1), true);
    }

    @Test
    void shouldAgreeWithAHashMapInDenseMode() {
        check(new PairTable(3000), false);
    }

    private static void check(PairTable table, boolean hashed) {
        final Map<Long, Long> reference = new HashMap<>();
        final SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            final long key = (long) random.nextInt(3000) * 3000 + random.nextInt(3000);
            long value = random.nextLong(-50, 50);
            if (random.nextBoolean()) {
                table.put(key, value);
            } else {
                assertEquals(reference.getOrDefault(key, 0L) + value, table.add(key, value));
                value += reference.getOrDefault(key, 0L);
            }
            reference.put(key, value);
            final long probe = (long) random.nextInt(3000) * 3000 + random.nextInt(3000);
            assertEquals(reference.getOrDefault(probe, 0L), table.get(probe));
        }
        if (hashed) {
            assertEquals(reference.size(), table.size());
        }
        for (Map.Entry<Long, Long> e : reference.entrySet()) {
            assertEquals(e.getValue(), table.get(e.getKey()));
        }
    }
}
