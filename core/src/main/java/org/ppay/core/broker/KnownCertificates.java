package org.ppay.core.broker;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The limit certificates the broker knows to be its own: those it issued and those whose signature it checked, each
 * recognised by its exact bytes (signature included), so a cash checks a certificate once, not once per coin.
 *
 * <p>Bounded and direct-mapped, as {@code PublicKeyCache}: a certificate hashes to one slot and replaces whatever sat
 * there. {@link #SLOTS} = 16,384 slots hold about 2 MB of certificates (a 108-byte Ed25519 certificate in its own
 * array). A peer buys one certificate for all the coins of its life in the simulation (one million coins each), so
 * the live certificates are about one per owner: the cache holds those of a network of some ten thousand owners with
 * few collisions. A miss or a collision costs one signature check again, never a different answer, and nothing a
 * sender does makes the cache grow. Thread-safe: a hit is one volatile read and a comparison.
 */
final class KnownCertificates {

    static final int SLOTS = 16_384;

    private final AtomicReferenceArray<byte[]> slots = new AtomicReferenceArray<>(SLOTS);

    /** Whether {@code buffer[offset, offset + length)} is exactly a certificate the broker knows. */
    boolean contains(byte[] buffer, int offset, int length) {
        final byte[] known = slots.get(slotOf(buffer, offset, length));
        return known != null && Arrays.equals(known, 0, known.length, buffer, offset, offset + length);
    }

    /** Remembers {@code buffer[offset, offset + length)}, a certificate the broker issued or checked (copied). */
    void add(byte[] buffer, int offset, int length) {
        slots.set(slotOf(buffer, offset, length), Arrays.copyOfRange(buffer, offset, offset + length));
    }

    private static int slotOf(byte[] buffer, int offset, int length) {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + buffer[i];
        }
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
