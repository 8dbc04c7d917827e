package org.ppay.core.broker;

/**
 * The broker's prices, in cents.
 *
 * @param coinValueCents what a coin is worth (and costs to buy)
 * @param cashFeeCents flat fee kept when a coin is cashed (section 3)
 * @param downtimeFeePercent percentage of the coin's value charged to both holder and owner when the broker
 *     reassigns or renews for an offline owner (section 3)
 * @param penaltyCents penalty charged to a culprit on top of the fake coins (section 4.2)
 * @param minimumDepositCents the deposit an account must be opened with
 * @param paywordUnitCents the value of one payword
 * @param recallSeconds how long a leaving peer's coins may still be cashed before its account closes (section 4.2)
 */
public record Tariff(long coinValueCents, long cashFeeCents, int downtimeFeePercent, long penaltyCents,
        long minimumDepositCents, long paywordUnitCents, long recallSeconds) {

    public Tariff {
        if (coinValueCents < 1) {
            throw new IllegalArgumentException("coinValueCents must be positive: " + coinValueCents);
        }
        if (cashFeeCents < 0 || cashFeeCents > coinValueCents) {
            throw new IllegalArgumentException("cashFeeCents must be within 0.." + coinValueCents + ": "
                    + cashFeeCents);
        }
        if (downtimeFeePercent < 0 || downtimeFeePercent > 100) {
            throw new IllegalArgumentException("downtimeFeePercent must be within 0..100: " + downtimeFeePercent);
        }
        if (penaltyCents < 0 || minimumDepositCents < 0 || paywordUnitCents < 0 || recallSeconds < 0) {
            throw new IllegalArgumentException("penalty, deposit, payword unit and recall must not be negative");
        }
    }

    /** The fee each of holder and owner pays for one downtime reassignment or renewal. */
    public long downtimeFeeCents() {
        return coinValueCents * downtimeFeePercent / 100;
    }
}
