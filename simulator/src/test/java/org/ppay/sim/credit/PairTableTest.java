package org.ppay.sim.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairTableTest {

    @Test
    void shouldAgreeWithAHashMapInPackedRows() {
        check(new PairTable(PairTable.DENSE_MAX_PEERS + 1, 60), 60, true);
    }

    @Test
    void shouldAgreeWithAHashMapInWideRows() {
        check(new PairTable(PairTable.DENSE_MAX_PEERS + 1, 1_000_000), 1_000_000, true);
    }

    @Test
    void shouldAgreeWithAHashMapInDenseMode() {
        check(new PairTable(3000, 60), 60, false);
        check(new PairTable(3000, 1000), 1000, false);
    }

    @Test
    void shouldAgreeWithAHashMapForAnyMixOfRowsAndBalances() {
        qt().withFixedSeed(17).withExamples(40)
                .forAll(integers().between(1, 50), integers().between(1, 1 << 20))
                .checkAssert((rows, seed) -> {
                    final SplittableRandom random = new SplittableRandom(seed);
                    final PairTable table = new PairTable(1 << 20, 11);
                    final Map<Long, Long> reference = new HashMap<>();
                    for (int i = 0; i < 20_000; i++) {
                        final int row = random.nextInt(rows);
                        final int column = random.nextInt(1 << 20);
                        final long value = random.nextInt(-11, 12);
                        table.put(row, column, value);
                        reference.put((long) row << 32 | column, value);
                        final int other = random.nextInt(rows);
                        final int otherColumn = random.nextInt(1 << 20);
                        assertEquals(reference.getOrDefault((long) other << 32 | otherColumn, 0L),
                                table.get(other, otherColumn));
                    }
                    assertEquals(reference.values().stream().filter(v -> v != 0).count(), table.size());
                    reference.forEach((key, value) -> assertEquals(value, table.get((int) (key >>> 32), (int) (long) key)));
                });
    }

    @Test
    void shouldRefuseABalanceOutsideItsBoundAndKeepTheOldOne() {
        for (int peers : new int[] {PairTable.DENSE_MAX_PEERS, PairTable.DENSE_MAX_PEERS + 1}) {
            final PairTable table = new PairTable(peers, 10);
            table.put(3, 4, 10);
            assertThrows(IllegalStateException.class, () -> table.add(3, 4, 1));
            assertThrows(IllegalStateException.class, () -> table.put(3, 4, -11));
            assertEquals(10, table.get(3, 4));
        }
    }

    /** Random puts and adds over 3,000 x 3,000 pairs, balances kept within the bound, against a HashMap. */
    private static void check(PairTable table, long bound, boolean hashed) {
        final Map<Long, Long> reference = new HashMap<>();
        final SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            final int row = random.nextInt(3000);
            final int column = random.nextInt(3000);
            final long key = (long) row * 3000 + column;
            final long old = reference.getOrDefault(key, 0L);
            final long value = random.nextLong(-bound, bound + 1);
            if (random.nextBoolean()) {
                table.put(row, column, value);
                reference.put(key, value);
            } else {
                assertEquals(value, table.add(row, column, value - old));
                reference.put(key, value);
            }
            final int probeRow = random.nextInt(3000);
            final int probeColumn = random.nextInt(3000);
            assertEquals(reference.getOrDefault((long) probeRow * 3000 + probeColumn, 0L), table.get(probeRow, probeColumn));
        }
        if (hashed) {
            assertEquals(reference.values().stream().filter(v -> v != 0).count(), table.size());
        }
        for (Map.Entry<Long, Long> e : reference.entrySet()) {
            assertEquals(e.getValue(), table.get((int) (e.getKey() / 3000), (int) (e.getKey() % 3000)));
        }
    }
}
