package org.ppay.core.peer;

import java.security.PrivateKey;
import java.util.Objects;

/** A peer's identity as its role sees it: its id and the private key it signs with. */
public final class PeerKeys {

    private final long peerId;
    private final PrivateKey privateKey;
    private final byte[] publicKey;

    public PeerKeys(long peerId, PrivateKey privateKey, byte[] publicKey) {
        this.peerId = peerId;
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
    }

    public long peerId() {
        return peerId;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The raw public key (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
