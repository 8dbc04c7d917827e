package org.ppay.sim.credit;

/**
 * A map from a pair of peers (row, column) to a small balance, missing pairs reading 0. A pair whose balance returns
 * to 0 leaves the table: only pairs with an open balance or chain take memory.
 *
 * <p>Up to {@link #DENSE_MAX_PEERS} peers the pairs live in a dense matrix, of bytes when the bound allows (1 MB for
 * 1,000 peers at the default window of 10: it fits a core's L2) and of ints otherwise: the lookup is one array
 * access that stays in cache. Above, each row has its own small open-addressing table (linear probing,
 * Fibonacci hashing of the column, load at most 7/8, backward-shift deletion) of packed entries: the column plus one
 * and the balance in one int when both fit ({@code ceil(log2(peers + 1))} bits of column, the rest of balance: 20 +
 * 12 bits at a million peers), else in one long. A row grows on its own, so no rehash ever copies more than one row.
 */
final class PairTable {

    static final int DENSE_MAX_PEERS = 3000;
    private static final int MIN_CAPACITY = 4;
    private static final int[] NO_INTS = new int[0];
    private static final long[] NO_LONGS = new long[0];

    private final int peers;
    private final long maxAbsValue;
    private final int[] dense;
    private final byte[] denseBytes;
    private final int[][] packed;
    private final long[][] wide;
    private final int[] rowSizes;
    private final int columnBits;
    private final int valueBits;
    private final int valueMask;
    private long size;

    /** A table for {@code peers} peers whose balances stay within {@code [-maxAbsValue, maxAbsValue]}. */
    PairTable(int peers, long maxAbsValue) {
        if (maxAbsValue < 1 || maxAbsValue > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("balance bound must be in [1, 2^31 - 1], got " + maxAbsValue);
        }
        this.peers = peers;
        this.maxAbsValue = maxAbsValue;
        this.columnBits = 32 - Integer.numberOfLeadingZeros(peers);
        this.valueBits = 32 - columnBits;
        this.valueMask = valueBits == 0 ? 0 : (int) ((1L << valueBits) - 1);
        final boolean fitsInt = valueBits >= 2 && maxAbsValue < (1L << (valueBits - 1));
        if (peers <= DENSE_MAX_PEERS) {
            this.denseBytes = maxAbsValue <= Byte.MAX_VALUE ? new byte[peers * peers] : null;
            this.dense = denseBytes == null ? new int[peers * peers] : null;
            this.packed = null;
            this.wide = null;
            this.rowSizes = null;
        } else {
            this.dense = null;
            this.denseBytes = null;
            this.rowSizes = new int[peers];
            this.packed = fitsInt ? new int[peers][] : null;
            this.wide = fitsInt ? null : new long[peers][];
            for (int p = 0; p < peers; p++) {
                if (fitsInt) {
                    packed[p] = NO_INTS;
                } else {
                    wide[p] = NO_LONGS;
                }
            }
        }
    }

    long get(int row, int column) {
        if (denseBytes != null) {
            return denseBytes[row * peers + column];
        }
        if (dense != null) {
            return dense[row * peers + column];
        }
        if (packed != null) {
            final int[] t = packed[row];
            if (t.length == 0) {
                return 0;
            }
            final int mask = t.length - 1;
            final int tag = (column + 1) << valueBits;
            for (int i = slot(column, t.length); ; i = (i + 1) & mask) {
                final int e = t[i];
                if (e == 0) {
                    return 0;
                }
                if ((e & ~valueMask) == tag) {
                    return value(e);
                }
            }
        }
        final long[] t = wide[row];
        if (t.length == 0) {
            return 0;
        }
        final int mask = t.length - 1;
        for (int i = slot(column, t.length); ; i = (i + 1) & mask) {
            final long e = t[i];
            if (e == 0) {
                return 0;
            }
            if ((int) (e >>> 32) == column + 1) {
                return (int) e;
            }
        }
    }

    /** Adds {@code delta} to the pair's balance and returns the new balance. */
    long add(int row, int column, long delta) {
        if (denseBytes != null) {
            final int at = row * peers + column;
            final long value = denseBytes[at] + delta;
            checkBound(value);
            denseBytes[at] = (byte) value;
            return value;
        }
        if (dense != null) {
            return dense[row * peers + column] += (int) delta;
        }
        final long value = get(row, column) + delta;
        put(row, column, value);
        return value;
    }

    void put(int row, int column, long value) {
        checkBound(value);
        if (denseBytes != null) {
            denseBytes[row * peers + column] = (byte) value;
        } else if (dense != null) {
            dense[row * peers + column] = (int) value;
        } else if (packed != null) {
            putPacked(row, column, (int) value);
        } else {
            putWide(row, column, (int) value);
        }
    }

    private void checkBound(long value) {
        if (value < -maxAbsValue || value > maxAbsValue) {
            throw new IllegalStateException("pair balance " + value + " outside [-" + maxAbsValue + ", "
                    + maxAbsValue + "]");
        }
    }

    /** Pairs with a nonzero balance (the dense matrix counts none). */
    long size() {
        return size;
    }

    private int value(int entry) {
        return (entry << columnBits) >> columnBits;
    }

    private static int slot(int column, int capacity) {
        return (column * 0x9E3779B9) >>> (Integer.numberOfLeadingZeros(capacity) + 1);
    }

    private void putPacked(int row, int column, int value) {
        int[] t = packed[row];
        final int tag = (column + 1) << valueBits;
        if (t.length != 0) {
            final int mask = t.length - 1;
            for (int i = slot(column, t.length); ; i = (i + 1) & mask) {
                final int e = t[i];
                if (e == 0) {
                    break;
                }
                if ((e & ~valueMask) == tag) {
                    if (value == 0) {
                        deletePacked(t, i);
                        rowSizes[row]--;
                        size--;
                    } else {
                        t[i] = tag | (value & valueMask);
                    }
                    return;
                }
            }
        }
        if (value == 0) {
            return;
        }
        if (8 * (rowSizes[row] + 1) > 7 * t.length) {
            t = growPacked(t);
            packed[row] = t;
        }
        final int mask = t.length - 1;
        int i = slot(column, t.length);
        while (t[i] != 0) {
            i = (i + 1) & mask;
        }
        t[i] = tag | (value & valueMask);
        rowSizes[row]++;
        size++;
    }

    /** Backward-shift deletion: entries after the hole move back if their home slot allows, so lookups stay exact. */
    private void deletePacked(int[] t, int hole) {
        final int mask = t.length - 1;
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            final int e = t[i];
            if (e == 0) {
                break;
            }
            final int home = slot((e >>> valueBits) - 1, t.length);
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                t[hole] = e;
                hole = i;
            }
        }
        t[hole] = 0;
    }

    private int[] growPacked(int[] old) {
        final int[] t = new int[Math.max(MIN_CAPACITY, 2 * old.length)];
        final int mask = t.length - 1;
        for (int e : old) {
            if (e != 0) {
                int i = slot((e >>> valueBits) - 1, t.length);
                while (t[i] != 0) {
                    i = (i + 1) & mask;
                }
                t[i] = e;
            }
        }
        return t;
    }

    private void putWide(int row, int column, int value) {
        long[] t = wide[row];
        final long tag = (long) (column + 1) << 32;
        if (t.length != 0) {
            final int mask = t.length - 1;
            for (int i = slot(column, t.length); ; i = (i + 1) & mask) {
                final long e = t[i];
                if (e == 0) {
                    break;
                }
                if ((e & 0xFFFF_FFFF_0000_0000L) == tag) {
                    if (value == 0) {
                        deleteWide(t, i);
                        rowSizes[row]--;
                        size--;
                    } else {
                        t[i] = tag | (value & 0xFFFF_FFFFL);
                    }
                    return;
                }
            }
        }
        if (value == 0) {
            return;
        }
        if (8 * (rowSizes[row] + 1) > 7 * t.length) {
            t = growWide(t);
            wide[row] = t;
        }
        final int mask = t.length - 1;
        int i = slot(column, t.length);
        while (t[i] != 0) {
            i = (i + 1) & mask;
        }
        t[i] = tag | (value & 0xFFFF_FFFFL);
        rowSizes[row]++;
        size++;
    }

    private void deleteWide(long[] t, int hole) {
        final int mask = t.length - 1;
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            final long e = t[i];
            if (e == 0) {
                break;
            }
            final int home = slot((int) (e >>> 32) - 1, t.length);
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                t[hole] = e;
                hole = i;
            }
        }
        t[hole] = 0;
    }

    private long[] growWide(long[] old) {
        final long[] t = new long[Math.max(MIN_CAPACITY, 2 * old.length)];
        final int mask = t.length - 1;
        for (long e : old) {
            if (e != 0) {
                int i = slot((int) (e >>> 32) - 1, t.length);
                while (t[i] != 0) {
                    i = (i + 1) & mask;
                }
                t[i] = e;
            }
        }
        return t;
    }

    /** Heap bytes the table takes now. */
    long heapBytes() {
        if (denseBytes != null) {
            return 16L + denseBytes.length;
        }
        if (dense != null) {
            return 16L + 4L * dense.length;
        }
        long bytes = 16L + 4L * rowSizes.length + 16L + 8L * peers;
        for (int p = 0; p < peers; p++) {
            bytes += packed != null ? (packed[p].length == 0 ? 0 : 16L + 4L * packed[p].length)
                    : (wide[p].length == 0 ? 0 : 16L + 8L * wide[p].length);
        }
        return bytes;
    }
}
