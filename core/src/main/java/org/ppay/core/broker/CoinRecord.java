package org.ppay.core.broker;

import java.util.ArrayList;
import java.util.List;

/**
 * The broker's record of one coin: the cash requests it accepted (the first was paid from the coin's value) and the
 * downtime requests it processed for the owner. Guarded by its own monitor.
 */
final class CoinRecord {

    final List<byte[]> claims = new ArrayList<>(1);
    final List<byte[]> stored = new ArrayList<>(0);
    final List<byte[]> issued = new ArrayList<>(0);
    boolean paidFromValue;
}
