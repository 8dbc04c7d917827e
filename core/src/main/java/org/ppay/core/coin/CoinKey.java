package org.ppay.core.coin;

/** A coin's identity: its owner and serial number. */
public record CoinKey(long owner, long serial) {

    /**
     * Mixes the owner into the high bits: the record's default (31 x owner + serial) collides for every owner when
     * serials are small numbers counted per owner, which turned hash maps of many owners' coins into long scans.
     */
    @Override
    public int hashCode() {
        return Long.hashCode(owner * 0x9E37_79B9_7F4A_7C15L + serial);
    }

    @Override
    public String toString() {
        return "coin " + serial + " of peer " + owner;
    }
}
