package org.ppay.core.audit;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Off-heap map from coin serial to the position of its newest record, in two parts. An owner's coins are dense serial
 * ranges (the broker numbers an owner's raw coins consecutively; self-printed coins fill a limit certificate's range),
 * so most serials live in <em>blocks</em>: 512 consecutive serials share a 4 KiB block of 8-byte positions in one
 * off-heap arena, found through a small directory keyed by {@code serial >> 9}; the slot is implied by the serial's
 * low bits, so no key is stored or compared, and a million dense coins take 8 MiB (an L3 hit) instead of a 32 MiB
 * hash table (a DRAM miss). Serials whose block would be too sparse stay in a fallback hash table of 16-byte
 * [serial][position] slots, so scattered serials cost what they did before and memory stays bounded.
 *
 * <p>New serials of a block key that has no block go to the fallback. When the fallback fills (5/8 of its slots),
 * it is rebuilt: its live entries are counted per block key, keys with at least {@link #PROMOTE_SERIALS} live serials
 * get a block and move into it (a dense range therefore leaves at most a few hundred serials in the fallback at any
 * time), the rest go to a fallback sized so they fill at most half of it. A rebuild that needs more blocks than the
 * arena holds first compacts the arena: blocks with fewer than {@link #DEMOTE_SERIALS} live serials go back to the
 * fallback, stale positions in kept blocks are cleared, and the arena is sized for 1.5 times the blocks it holds.
 *
 * <p>A purge does not touch the index: an entry whose record lies in a purged segment is stale, which the trail sees
 * when it looks the segment up, and it is overwritten by the coin's next proof or dropped by a later rebuild. Position
 * 0 means "none" (a real position never is 0). The heap holds the same few objects whatever the number of serials.
 */
final class SerialIndex implements AutoCloseable {

    /** Tells a rebuild which positions still point at a record. */
    @FunctionalInterface
    interface Liveness {
        boolean isLive(long position);
    }

    static final int BLOCK_SHIFT = 9;
    static final int BLOCK_SERIALS = 1 << BLOCK_SHIFT;
    /** Live serials of one block key the fallback must hold before the key gets a block: 1/4 of a block. */
    static final int PROMOTE_SERIALS = BLOCK_SERIALS / 4;
    /** A block with fewer live serials than this goes back to the fallback when the arena is compacted. */
    static final int DEMOTE_SERIALS = BLOCK_SERIALS / 16;

    private static final int BLOCK_BYTES_SHIFT = BLOCK_SHIFT + 3;
    private static final int BLOCK_BYTES = 1 << BLOCK_BYTES_SHIFT;
    private static final long SERIAL_IN_BLOCK_MASK = BLOCK_SERIALS - 1;
    private static final int MIN_FALLBACK_SLOTS = 1024;
    private static final int MIN_DIRECTORY_SLOTS = 64;
    private static final int MIN_ARENA_BLOCKS = 2;
    private static final int MAX_ARENA_BLOCKS = 1 << 18; // 1 GiB of blocks, 134 million serials
    private static final int SLOT = OffHeapLongMap.SLOT_BYTES;
    private static final int SKETCH_BITS = 14; // 16 384 counters, 64 KiB
    /** Fallbacks of at least this many slots (1 MiB) are sketched before their dense keys are counted. */
    private static final int SKETCH_FROM_SLOTS = 1 << 16;
    private static final long PHI = 0x9E3779B97F4A7C15L;

    private final Liveness liveness;
    private final UnsafeBuffer arena = new UnsafeBuffer(0, 0);
    private OffHeapLongMap directory = new OffHeapLongMap(MIN_DIRECTORY_SLOTS); // key -> block number + 1
    private OffHeapLongMap fallback = new OffHeapLongMap(MIN_FALLBACK_SLOTS); // serial -> position
    /**
     * A rebuild's tables at the smallest fallback size, the common case (a dense range in growth rebuilds every few
     * hundred new serials), kept from one rebuild to the next so that issuing coins allocates nothing: the counts, and
     * the previous fallback when it had the smallest size.
     */
    private final OffHeapLongMap smallCounts = new OffHeapLongMap(2 * MIN_FALLBACK_SLOTS);
    /** Counters by block key hash, for the census of a large fallback (see {@link #takeCensus}). */
    private final int[] sketch = new int[1 << SKETCH_BITS];
    private OffHeapLongMap spareFallback;
    private ByteBuffer arenaMemory;
    /** The arena's address, for the lookups: their offsets lie inside a block by construction (no bounds check). */
    private long arenaAddress;
    private int arenaBlocks;
    private int blockCount;
    private long blockEntries;

    SerialIndex(final Liveness liveness) {
        this.liveness = liveness;
        allocateArena(MIN_ARENA_BLOCKS);
    }

    /**
     * Where {@code serial}'s position is kept, or would be stored: a byte offset in the arena (>= 0) or the complement
     * of a fallback slot (< 0). Valid until the next {@link #reserveOne} or {@link #put}.
     */
    long slotOf(final long serial) {
        final long block = directory.get(serial >> BLOCK_SHIFT);
        if (block != 0) {
            return ((block - 1) << BLOCK_BYTES_SHIFT) | ((serial & SERIAL_IN_BLOCK_MASK) << 3);
        }
        return ~(long) fallback.slotOf(serial);
    }

    /** The position stored in a slot found by {@link #slotOf}: 0 when none. */
    long positionAt(final long slot) {
        return slot >= 0 ? UnsafeApi.getLong(arenaAddress + slot) : fallback.valueAt((int) ~slot);
    }

    /** Stores {@code position} for {@code serial} in the slot {@link #slotOf} returned for it. */
    void store(final long slot, final long serial, final long position) {
        if (position == 0) {
            throw new IllegalArgumentException("position 0 is reserved for \"none\"");
        }
        if (slot >= 0) {
            if (UnsafeApi.getLong(arenaAddress + slot) == 0) {
                blockEntries++;
            }
            UnsafeApi.putLong(arenaAddress + slot, position);
        } else {
            fallback.store((int) ~slot, serial, position);
        }
    }

    /** The position of the newest record of {@code serial}, 0 when none (it may be stale, see the class comment). */
    long get(final long serial) {
        return positionAt(slotOf(serial));
    }

    void put(final long serial, final long position) {
        reserveOne();
        store(slotOf(serial), serial, position);
    }

    /** Rebuilds now if the fallback is full, so that a {@link #store} of a new serial fits. */
    void reserveOne() {
        if (fallback.isFull()) {
            rebuild();
        }
    }

    /** Serials with an entry, stale ones included. */
    long size() {
        return blockEntries + fallback.size();
    }

    /** Serials in the fallback hash table, stale ones included. */
    int fallbackSize() {
        return fallback.size();
    }

    /** Blocks in use. */
    int blockCount() {
        return blockCount;
    }

    /** Off-heap bytes the index occupies: arena, directory, fallback and the tables kept for rebuilds. */
    long capacityBytes() {
        return arena.capacity() + directory.capacityBytes() + fallback.capacityBytes() + smallCounts.capacityBytes()
            + (spareFallback == null ? 0 : spareFallback.capacityBytes());
    }

    @Override
    public void close() {
        directory.close();
        fallback.close();
        smallCounts.close();
        if (spareFallback != null) {
            spareFallback.close();
            spareFallback = null;
        }
        if (arenaMemory != null) {
            BufferUtil.free(arenaMemory);
            arenaMemory = null;
            arenaAddress = 0;
            arena.wrap(0, 0);
        }
    }

    /**
     * Moves the fallback's dense block keys into blocks and its other live entries into a fresh fallback, compacting
     * the arena first when the new blocks do not fit. Sizes are checked before anything changes, so a full index
     * throws and stays as it was.
     */
    void rebuild() {
        final Census census = takeCensus();
        final OffHeapLongMap counts = census.counts();
        try {
            final Promotions promotions = Promotions.of(counts, census.liveSerials());
            final int[] live = blockCount + promotions.blocks() > arenaBlocks ? liveSerialsPerBlock() : null;
            final long kept = live == null ? blockCount : blocksToKeep(live);
            final long demotedSerials = live == null ? 0 : serialsToDemote(live);
            // half as many again as needed: compactions come after the arena has grown by a third or more
            final long arenaBlocksNeeded = Math.max(MIN_ARENA_BLOCKS, (kept + promotions.blocks()) * 3 / 2 + 1);
            if (live != null && arenaBlocksNeeded > MAX_ARENA_BLOCKS) {
                throw new IllegalStateException("audit index is full: more than " + MAX_ARENA_BLOCKS + " blocks");
            }
            final int fallbackSlots = OffHeapLongMap.slotsFor(
                promotions.liveSerials() - promotions.serials() + demotedSerials, MIN_FALLBACK_SLOTS);
            // from here on only running out of memory can fail
            final ByteBuffer oldArenaMemory = arenaMemory;
            final OffHeapLongMap oldDirectory = directory;
            if (live != null) {
                compactInto((int) arenaBlocksNeeded, oldDirectory, live, kept + promotions.blocks());
            }
            for (int at = 0; at < counts.slots() * SLOT; at += SLOT) {
                if (counts.valueAt(at) >= PROMOTE_SERIALS) {
                    directory.putGrowing(counts.keyAt(at), ++blockCount);
                }
            }
            final OffHeapLongMap moved = newFallback(fallbackSlots);
            moveFallbackInto(moved);
            if (live != null) {
                demoteInto(moved, new UnsafeBuffer(oldArenaMemory), oldDirectory, live);
                oldDirectory.close();
                BufferUtil.free(oldArenaMemory);
            }
            retire(fallback);
            fallback = moved;
        } finally {
            if (counts != smallCounts) {
                counts.close();
            }
        }
    }

    private OffHeapLongMap newFallback(final int slots) {
        if (slots == MIN_FALLBACK_SLOTS && spareFallback != null) {
            final OffHeapLongMap spare = spareFallback;
            spareFallback = null;
            spare.clear();
            return spare;
        }
        return new OffHeapLongMap(slots);
    }

    private void retire(final OffHeapLongMap oldFallback) {
        if (oldFallback.slots() == MIN_FALLBACK_SLOTS && spareFallback == null) {
            spareFallback = oldFallback;
        } else {
            oldFallback.close();
        }
    }

    /** What a rebuild finds in the fallback: live serials, and the blocks and serials of the keys to promote. */
    private record Promotions(long liveSerials, int blocks, long serials) {
        static Promotions of(final OffHeapLongMap counts, final long live) {
            int blocks = 0;
            long serials = 0;
            for (int at = 0; at < counts.slots() * SLOT; at += SLOT) {
                final long count = counts.valueAt(at);
                if (count >= PROMOTE_SERIALS) {
                    blocks++;
                    serials += count;
                }
            }
            return new Promotions(live, blocks, serials);
        }
    }

    private static long blocksToKeep(final int[] live) {
        long kept = 0;
        for (final int serials : live) {
            kept += serials >= DEMOTE_SERIALS ? 1 : 0;
        }
        return kept;
    }

    private static long serialsToDemote(final int[] live) {
        long demoted = 0;
        for (final int serials : live) {
            demoted += serials < DEMOTE_SERIALS ? serials : 0;
        }
        return demoted;
    }

    /** What a rebuild counts in the fallback: its live serials, and per block key those that may be promoted. */
    private record Census(long liveSerials, OffHeapLongMap counts) {
    }

    /**
     * Counts the fallback's live serials per block key. A large fallback is first tallied into a small sketch of
     * counters by key hash (in L2): a key whose counter stays below {@link #PROMOTE_SERIALS} cannot be promoted, so
     * scattered serials skip the exact count, whose table would be as large and as randomly accessed as the fallback.
     */
    private Census takeCensus() {
        final boolean sketched = fallback.slots() >= SKETCH_FROM_SLOTS;
        long live = 0;
        long candidates = fallback.size();
        if (sketched) {
            Arrays.fill(sketch, 0);
            for (int at = 0; at < fallback.slots() * SLOT; at += SLOT) {
                final long position = fallback.valueAt(at);
                if (position != 0 && liveness.isLive(position)) {
                    live++;
                    sketch[sketchBucket(fallback.keyAt(at) >> BLOCK_SHIFT)]++;
                }
            }
            candidates = 0;
            for (final int count : sketch) {
                candidates += count >= PROMOTE_SERIALS ? count : 0;
            }
        }
        final int slots =
            OffHeapLongMap.slotsFor(Math.min(candidates, OffHeapLongMap.MAX_SLOTS / 4), MIN_DIRECTORY_SLOTS);
        final OffHeapLongMap counts = slots <= smallCounts.slots() ? smallCounts : new OffHeapLongMap(slots);
        counts.clear();
        try {
            for (int at = 0; at < fallback.slots() * SLOT && (!sketched || candidates > 0); at += SLOT) {
                final long position = fallback.valueAt(at);
                if (position != 0 && liveness.isLive(position)) {
                    final long key = fallback.keyAt(at) >> BLOCK_SHIFT;
                    live += sketched ? 0 : 1;
                    if (!sketched || sketch[sketchBucket(key)] >= PROMOTE_SERIALS) {
                        final long count = counts.get(key);
                        if (count == 0) {
                            counts.putGrowing(key, 1);
                        } else {
                            counts.store(counts.slotOf(key), key, count + 1);
                        }
                    }
                }
            }
            return new Census(live, counts);
        } catch (final RuntimeException ex) {
            if (counts != smallCounts) {
                counts.close();
            }
            throw ex;
        }
    }

    private static int sketchBucket(final long key) {
        return (int) ((key * PHI) >>> (Long.SIZE - SKETCH_BITS));
    }

    /** Moves the fallback's live entries into their blocks, or into {@code moved} when their key has none. */
    private void moveFallbackInto(final OffHeapLongMap moved) {
        final OffHeapLongMap old = fallback;
        for (int at = 0; at < old.slots() * SLOT; at += SLOT) {
            final long position = old.valueAt(at);
            if (position != 0 && liveness.isLive(position)) {
                final long serial = old.keyAt(at);
                final long block = directory.get(serial >> BLOCK_SHIFT);
                if (block != 0) {
                    arena.putLong(blockOffset(block - 1, serial), position);
                    blockEntries++;
                } else {
                    moved.store(moved.slotOf(serial), serial, position);
                }
            }
        }
    }

    /**
     * A new arena of {@code blocks} and a new directory holding the blocks of {@code oldDirectory} with at least
     * {@link #DEMOTE_SERIALS} live serials, renumbered from 0, with only their live positions.
     */
    private void compactInto(final int blocks, final OffHeapLongMap oldDirectory, final int[] live,
                             final long directoryEntries) {
        final UnsafeBuffer old = new UnsafeBuffer(arenaMemory);
        allocateArena(blocks);
        directory = new OffHeapLongMap(OffHeapLongMap.slotsFor(directoryEntries, MIN_DIRECTORY_SLOTS));
        blockCount = 0;
        blockEntries = 0;
        for (int at = 0; at < oldDirectory.slots() * SLOT; at += SLOT) {
            final long blockPlusOne = oldDirectory.valueAt(at);
            if (blockPlusOne != 0 && live[(int) (blockPlusOne - 1)] >= DEMOTE_SERIALS) {
                final int oldBase = (int) (blockPlusOne - 1) << BLOCK_BYTES_SHIFT;
                final int newBase = blockCount << BLOCK_BYTES_SHIFT;
                directory.putGrowing(oldDirectory.keyAt(at), ++blockCount);
                for (int offset = 0; offset < BLOCK_BYTES; offset += Long.BYTES) {
                    final long position = old.getLong(oldBase + offset);
                    if (position != 0 && liveness.isLive(position)) {
                        arena.putLong(newBase + offset, position);
                        blockEntries++;
                    }
                }
            }
        }
    }

    /** Puts the live serials of the blocks of {@code oldDirectory} that were too sparse to keep into {@code moved}. */
    private void demoteInto(final OffHeapLongMap moved, final UnsafeBuffer old, final OffHeapLongMap oldDirectory,
                            final int[] live) {
        for (int at = 0; at < oldDirectory.slots() * SLOT; at += SLOT) {
            final long blockPlusOne = oldDirectory.valueAt(at);
            if (blockPlusOne != 0 && live[(int) (blockPlusOne - 1)] < DEMOTE_SERIALS) {
                final int base = (int) (blockPlusOne - 1) << BLOCK_BYTES_SHIFT;
                for (int i = 0; i < BLOCK_SERIALS; i++) {
                    final long position = old.getLong(base + (i << 3));
                    if (position != 0 && liveness.isLive(position)) {
                        final long serial = (oldDirectory.keyAt(at) << BLOCK_SHIFT) | i;
                        moved.store(moved.slotOf(serial), serial, position);
                    }
                }
            }
        }
    }

    private int[] liveSerialsPerBlock() {
        final int[] live = new int[blockCount];
        for (int block = 0; block < blockCount; block++) {
            final int base = block << BLOCK_BYTES_SHIFT;
            for (int at = base; at < base + BLOCK_BYTES; at += Long.BYTES) {
                final long position = arena.getLong(at);
                if (position != 0 && liveness.isLive(position)) {
                    live[block]++;
                }
            }
        }
        return live;
    }

    private static int blockOffset(final long block, final long serial) {
        return (int) ((block << BLOCK_BYTES_SHIFT) | ((serial & SERIAL_IN_BLOCK_MASK) << 3));
    }

    private void allocateArena(final int blocks) {
        arenaMemory = ByteBuffer.allocateDirect(blocks * BLOCK_BYTES); // zeroed: no position anywhere
        arena.wrap(arenaMemory);
        arenaAddress = arena.addressOffset();
        arenaBlocks = blocks;
    }
}
