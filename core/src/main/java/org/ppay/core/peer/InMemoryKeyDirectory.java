package org.ppay.core.peer;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe key directory held in memory; the broker registers keys in it as it opens accounts. */
public final class InMemoryKeyDirectory implements KeyDirectory {

    private final ConcurrentHashMap<Long, byte[]> keys = new ConcurrentHashMap<>();

    @Override
    public byte[] publicKey(long peerId) {
        return keys.get(peerId);
    }

    /** Registers a peer's key; a peer id is bound to one key for good. */
    public void register(long peerId, byte[] publicKey) {
        if (publicKey == null || publicKey.length == 0) {
            throw new IllegalArgumentException("peer " + peerId + ": empty public key");
        }
        final byte[] copy = publicKey.clone();
        final byte[] previous = keys.putIfAbsent(peerId, copy);
        if (previous != null && !Arrays.equals(previous, copy)) {
            throw new IllegalArgumentException("peer " + peerId + " is already registered with another key");
        }
    }

    public boolean contains(long peerId) {
        return keys.containsKey(peerId);
    }
}
