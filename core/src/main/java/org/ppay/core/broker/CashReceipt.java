package org.ppay.core.broker;

import org.ppay.core.fraud.Evidence;

/**
 * The broker's answer to a cash request.
 *
 * @param payoutCents what the holder's balance was credited (coin value minus the cash fee, or 0)
 * @param evidence the fraud the cash revealed, or null when the coin was cashed for the first time
 */
public record CashReceipt(long payoutCents, Evidence evidence) {

    public boolean paid() {
        return payoutCents > 0;
    }
}
