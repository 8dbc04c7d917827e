package org.ppay.sim.coins;

import java.util.Arrays;

/**
 * The coins one peer holds, in the order it received them, each beside its owner: the payment policy's scans ("the
 * first coin whose owner is online") read owners from this contiguous array instead of one random load per coin from
 * the ledger. Entries are pairs {@code (coin, owner)} in one int array.
 */
public final class HeldCoins {

    private static final int[] NONE = new int[0];

    private int[] entries = NONE;
    private int size;
    /** Index of the coin the last scan found: the coin a payment then moves, so removing it needs no search. */
    private int found;

    /** Coins held. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The {@code i}-th coin received among those still held, oldest first. */
    public int coin(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException("coin " + i + " of " + size + " held");
        }
        return entries[2 * i];
    }

    /** The owner of the {@code i}-th coin held. */
    public int owner(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException("coin " + i + " of " + size + " held");
        }
        return entries[2 * i + 1];
    }

    /** Index of the first coin owned by {@code self} or by a peer online in {@code online}; -1 if none. */
    public int firstOwnedByOrOnline(int self, boolean[] online) {
        final int[] e = entries;
        for (int i = 1, end = 2 * size; i < end; i += 2) {
            final int owner = e[i];
            if (owner == self || online[owner]) {
                found = i >>> 1;
                return found;
            }
        }
        return -1;
    }

    void add(int coin, int owner) {
        if (2 * size == entries.length) {
            entries = Arrays.copyOf(entries, Math.max(8, entries.length + (entries.length >>> 1) & ~1));
        }
        entries[2 * size] = coin;
        entries[2 * size + 1] = owner;
        size++;
    }

    /** Removes {@code coin} if held here (a coin held elsewhere, or by nobody, leaves the list as it is). */
    void remove(int coin) {
        final int[] e = entries;
        final int end = 2 * size;
        final int hint = 2 * found;
        for (int i = hint < end && e[hint] == coin ? hint : 0; i < end; i += 2) {
            if (e[i] == coin) {
                System.arraycopy(e, i + 2, e, i, end - i - 2);
                size--;
                if (size == 0) {
                    entries = NONE;
                }
                return;
            }
        }
    }

    /** Array bytes this list takes on the heap (its capacity), for memory estimates. */
    long capacityBytes() {
        return 16L + 4L * entries.length;
    }
}
