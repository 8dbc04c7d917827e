package org.ppay.core.broker;

import org.ppay.core.peer.ProtocolException;

/**
 * The broker's answer to one cash request of a batch: the receipt {@link Broker#cash(byte[])} returns, or the
 * refusal it throws. Exactly one of the two is set.
 */
public record CashOutcome(CashReceipt receipt, ProtocolException refusal) {

    public CashOutcome {
        if ((receipt == null) == (refusal == null)) {
            throw new IllegalArgumentException("a cash outcome is a receipt or a refusal, not " + receipt + " and "
                    + refusal);
        }
    }

    static CashOutcome paid(CashReceipt receipt) {
        return new CashOutcome(receipt, null);
    }

    static CashOutcome refused(ProtocolException refusal) {
        return new CashOutcome(null, refusal);
    }

    public boolean isPaid() {
        return receipt != null;
    }
}
