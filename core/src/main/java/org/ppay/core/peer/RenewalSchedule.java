package org.ppay.core.peer;

/**
 * When coins must be renewed (section 5.3). Time is cut into periods of {@code periodSeconds}; a coin assigned
 * during period k must be renewed during [(k+1)P, (k+1)P + W], its renewal window, and is void after it. A renewal
 * moves the window one period on. The owner purges the proofs of a window once it has closed: the audit epoch of a
 * proof is the index of the window end's period.
 */
public record RenewalSchedule(long periodSeconds, long windowSeconds) {

    public RenewalSchedule {
        if (periodSeconds < 1) {
            throw new IllegalArgumentException("renewal period must be at least 1 s: " + periodSeconds);
        }
        if (windowSeconds < 0 || windowSeconds > periodSeconds) {
            throw new IllegalArgumentException("renewal window must be within 0.." + periodSeconds + " s: "
                    + windowSeconds);
        }
    }

    /** r_b of a coin first assigned at {@code nowSeconds}. */
    public long firstWindowBegin(long nowSeconds) {
        return (nowSeconds / periodSeconds + 1) * periodSeconds;
    }

    public long windowEnd(long windowBegin) {
        return windowBegin + windowSeconds;
    }

    /** The audit epoch of proofs about an assignment whose window ends at {@code windowEndSeconds}. */
    public int epoch(long windowEndSeconds) {
        return (int) (windowEndSeconds / periodSeconds);
    }
}
