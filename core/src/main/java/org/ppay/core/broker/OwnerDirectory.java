package org.ppay.core.broker;

import org.ppay.core.owner.OwnerEndpoint;

/** How the broker reaches an owner for arbitration. */
@FunctionalInterface
public interface OwnerDirectory {

    /** The owner's endpoint, or null when it cannot be reached at all. */
    OwnerEndpoint owner(long ownerId);
}
