package org.ppay.core.owner;

/**
 * What an owner knows of one of its coins: the coin, its current holding and renewal window, and the assignment of
 * that holding when the owner signed it (null when the broker did, during the owner's downtime).
 */
final class OwnedCoin {

    final byte[] coin;
    byte[] assignment;
    long seq;
    long holder;
    long renewalBegin;
    long renewalEnd;

    OwnedCoin(byte[] coin, long owner) {
        this.coin = coin;
        this.holder = owner;
    }

    boolean assigned() {
        return seq > 0;
    }
}
