package org.ppay.core.owner;

import java.util.List;
import org.ppay.core.fraud.Evidence;

/** What an owner needs from the broker: the requests it handled while the owner was down, and a fraud desk. */
public interface BrokerLink {

    /**
     * The reassignment and renewal requests the broker processed for this owner and the owner has not acknowledged
     * yet, oldest first. Asking again gives them again: they stay with the broker until acknowledged.
     */
    List<byte[]> storedRequests(long ownerId);

    /**
     * The owner has applied the oldest {@code count} of its {@link #storedRequests}: the broker forgets them. A
     * request the broker stores after the owner asked comes after those, so it is never acknowledged unseen.
     */
    void acknowledgeStoredRequests(long ownerId, int count);

    /** Hands fraud evidence to the broker for punishment (section 4.2). */
    void reportFraud(Evidence evidence);
}
