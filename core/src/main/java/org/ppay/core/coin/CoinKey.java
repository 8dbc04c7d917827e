package org.ppay.core.coin;

/** A coin's identity: its owner and serial number. */
public record CoinKey(long owner, long serial) {

    @Override
    public String toString() {
        return "coin " + serial + " of peer " + owner;
    }
}
