package org.ppay.core.owner;

import java.util.List;
import org.ppay.core.fraud.Evidence;

/** What an owner needs from the broker: the requests it handled while the owner was down, and a fraud desk. */
public interface BrokerLink {

    /** The reassignment and renewal requests the broker processed for this owner since the last call, in order. */
    List<byte[]> takeStoredRequests(long ownerId);

    /** Hands fraud evidence to the broker for punishment (section 4.2). */
    void reportFraud(Evidence evidence);
}
