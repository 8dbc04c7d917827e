package org.ppay.core.peer;

/**
 * Maps a peer id to the raw encoding of its public key (the broker's account registry, section 3). Every role checks
 * signatures through it; a third party checks fraud evidence with it alone.
 */
public interface KeyDirectory {

    /** The raw public key of {@code peerId}, or null when the peer has no account. The array must not be changed. */
    byte[] publicKey(long peerId);
}
