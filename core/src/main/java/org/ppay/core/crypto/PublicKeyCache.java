package org.ppay.core.crypto;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * A bounded, thread-safe cache of decoded public keys, keyed by their raw bytes.
 *
 * <p>Direct-mapped: each raw key hashes to one slot and a newcomer simply replaces whatever sat there. That keeps a
 * hit free of locks and allocation, bounds memory by the slot count, and costs nothing but a re-decode when two
 * busy keys share a slot. Entries are immutable, so a reader sees either the old or the new entry, never a torn one.
 */
final class PublicKeyCache<K> {

    /** Enough slots for the peers of a large simulation; a slot costs one reference until it is used. */
    static final int DEFAULT_SLOTS = 16_384;

    private record Entry<K>(byte[] raw, K key) {
    }

    private final AtomicReferenceArray<Entry<K>> slots;
    private final int mask;

    PublicKeyCache(int slots) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("public key cache slots must be a positive power of two, got " + slots);
        }
        this.slots = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
    }

    /**
     * The decoded key for {@code raw}, decoding (and remembering) it on a miss. A decoder that throws leaves the
     * cache unchanged, so a malformed key is never remembered.
     */
    K get(byte[] raw, Function<byte[], K> decoder) {
        int slot = slotOf(raw);
        Entry<K> entry = slots.get(slot);
        if (entry != null && Arrays.equals(entry.raw(), raw)) {
            return entry.key();
        }
        byte[] copy = raw.clone();
        K key = decoder.apply(copy);
        slots.set(slot, new Entry<>(copy, key));
        return key;
    }

    private int slotOf(byte[] raw) {
        int hash = Arrays.hashCode(raw);
        return (hash ^ (hash >>> 16)) & mask;
    }
}
