package org.ppay.sim;

/** What happened during a run, counted by the simulation as it asks for each step. Mutable only while it runs. */
public final class RunTallies {

    long queries;
    long probes;
    long hits;
    long skippedOffline;
    long refusedProbes;
    long picopayments;
    long cancelledPicopayments;
    long coinPayments;
    long prepaidCoins;
    long coinsPrinted;
    long ownerAssigned;
    long reassignedByOwner;
    long reassignedByBroker;
    long layersAdded;
    long peels;
    long renewedByOwner;
    long renewedByBroker;
    long ownCoinRenewals;
    long coinsCashed;
    long coinsCashedExpiring;
    long coinsCashedAtEnd;
    long coinsForfeited;
    long limitCertificates;
    long churnEvents;
    long events;

    public long queries() {
        return queries;
    }

    /** Probes sent to online peers; each one is paid with one picopayment. */
    public long probes() {
        return probes;
    }

    public long hits() {
        return hits;
    }

    /** Cache entries passed over because the peer was offline (not probed, not paid). */
    public long skippedOffline() {
        return skippedOffline;
    }

    /** Online cache entries not probed because a lazy querier would owe a coin or NetLossCap refused credit. */
    public long refusedProbes() {
        return refusedProbes;
    }

    public long picopayments() {
        return picopayments;
    }

    /** Soft-credit picopayments that paid back a debt in the other direction. */
    public long cancelledPicopayments() {
        return cancelledPicopayments;
    }

    /** Coins that changed hands to settle a full window or prepay under NetLossCap. */
    public long coinPayments() {
        return coinPayments;
    }

    public long prepaidCoins() {
        return prepaidCoins;
    }

    public long coinsPrinted() {
        return coinsPrinted;
    }

    /** Payments where an owner holding its own coin assigned it directly. */
    public long ownerAssigned() {
        return ownerAssigned;
    }

    public long reassignedByOwner() {
        return reassignedByOwner;
    }

    public long reassignedByBroker() {
        return reassignedByBroker;
    }

    public long layersAdded() {
        return layersAdded;
    }

    /** Times an owner received its own layered coin and peeled it. */
    public long peels() {
        return peels;
    }

    public long renewedByOwner() {
        return renewedByOwner;
    }

    public long renewedByBroker() {
        return renewedByBroker;
    }

    /** Renewals of coins held by their own owner: free, counted apart. */
    public long ownCoinRenewals() {
        return ownCoinRenewals;
    }

    /** Every coin cashed, for whatever reason (RM deposits, expiring coins, the final cash-out). */
    public long coinsCashed() {
        return coinsCashed;
    }

    public long coinsCashedExpiring() {
        return coinsCashedExpiring;
    }

    public long coinsCashedAtEnd() {
        return coinsCashedAtEnd;
    }

    public long coinsForfeited() {
        return coinsForfeited;
    }

    public long limitCertificates() {
        return limitCertificates;
    }

    public long churnEvents() {
        return churnEvents;
    }

    /** Events the loop processed. */
    public long events() {
        return events;
    }

    public double probesPerQuery() {
        return queries == 0 ? 0 : (double) probes / queries;
    }

    public double cancelledFraction() {
        return picopayments == 0 ? 0 : (double) cancelledPicopayments / picopayments;
    }

    /** Coin payments per coin cashed: how many times a coin floats before the broker sees it again. */
    public double coinPaymentsPerCoinCashed() {
        return coinsCashed == 0 ? 0 : (double) coinPayments / coinsCashed;
    }
}
