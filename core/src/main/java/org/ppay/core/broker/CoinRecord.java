package org.ppay.core.broker;

import java.util.HashMap;
import java.util.Map;
import org.ppay.core.fraud.Evidence;

/**
 * The broker's record of one coin: for every holding of the coin it has seen given up, the first checked proof of
 * relinquishment (a layer, a downtime request or a cash request, with its signature); the assignment it issued for
 * each downtime request it processed; and the instrument of the claim paid from the coin's value. A request adds at most Max Layers + 1
 * holdings and is checked against exactly those, so arbitration costs the same whatever the coin's history. Guarded
 * by its own monitor.
 */
final class CoinRecord {

    /** Holding -> the first proof the broker saw giving it up; a conflicting later proof is evidence, not stored. */
    final Map<Holding, byte[]> proofs = new HashMap<>(4);
    /** Holding given up by a downtime request -> the assignment the broker issued for it (answers a replay). */
    final Map<Holding, byte[]> issued = new HashMap<>(0);
    /** The instrument of the claim paid from the coin's value (one half of a double-spend attestation), or null. */
    byte[] firstClaim;
    boolean paidFromValue;
    /** The replication found by the arbitration of a claim on this coin at the lowest holding, and that seq. */
    Evidence replication;
    long replicationSeq = Long.MAX_VALUE;

    /** A holding of the coin: its sequence number and holder. */
    record Holding(long seq, long holder) {
    }
}
