package org.ppay.core.owner;

/** What an owner knows of one of its coins: the coin, and its current holding and renewal window. */
final class OwnedCoin {

    final byte[] coin;
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
