package org.ppay.core.broker;

/** One peer's account at the broker. Guarded by the broker's money lock. */
final class Account {

    enum Status { OPEN, LEAVING, CLOSED }

    final long peerId;
    long depositCents;
    long balanceCents;
    /** Value of this peer's coins sold and not yet cashed. */
    long outstandingCents;
    long nextSerial = 1;
    int frauds;
    Status status = Status.OPEN;
    long recallDeadlineSeconds;

    Account(long peerId, long depositCents) {
        this.peerId = peerId;
        this.depositCents = depositCents;
    }
}
