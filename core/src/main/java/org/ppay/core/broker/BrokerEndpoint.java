package org.ppay.core.broker;

import org.ppay.core.owner.BrokerLink;

/** How holders and owners reach the broker: a direct call in process, a socket later. Messages are wire bytes. */
public interface BrokerEndpoint extends BrokerLink {

    /** Downtime protocol: reassigns for an owner that does not answer; returns the broker assignment (5). */
    byte[] reassignForOwner(byte[] request);

    /** Renews for an owner that does not answer; returns the renewed assignment, signed by the broker. */
    byte[] renewForOwner(byte[] renewalRequest);

    /** Cashes an instrument (bare coin, assignment, broker assignment or layered coin) for a flat fee. */
    CashReceipt cash(byte[] cashRequest);
}
