package org.ppay.core.owner;

import java.util.List;

/**
 * How holders and the broker reach an owner: a direct call in process, a socket later. Messages are wire bytes.
 */
public interface OwnerEndpoint {

    long ownerId();

    /** Whether the owner answers now; the holder pings before sending a reassignment request (section 3). */
    boolean online();

    /** Processes a reassignment request (3); returns the new assignment (4) for both holders. */
    byte[] reassign(byte[] request);

    /** Peels a layered coin (8) whose outermost layer pays its new holder; returns that holder's assignment. */
    byte[] peel(byte[] layeredCoin);

    /** Processes a renewal request (10); returns the renewed assignment (11). */
    byte[] renew(byte[] renewalRequest);

    /** Every proof of relinquishment the owner holds for a coin, newest first (arbitration, section 4.1). */
    List<byte[]> relinquishments(long serial);
}
