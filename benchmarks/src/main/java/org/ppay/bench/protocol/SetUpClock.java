package org.ppay.bench.protocol;

import org.ppay.core.peer.Clock;

/**
 * The benchmark world's time, moved only by a benchmark's set-up, never while an operation is measured. Unlike the
 * core's {@link org.ppay.core.peer.ManualClock} it may be set back: {@code ownerRenew} assigns each pool's coins at
 * the world's start, then sets the clock into their renewal window, so an iteration's leftover requests and the new
 * ones share one window (a clock that only moves forward would void the leftovers and make every pool afresh).
 * The roles read the time per call and keep none of it, so going back only changes the timestamps of what is made
 * after.
 */
final class SetUpClock implements Clock {

    private volatile long nowSeconds;

    SetUpClock(long startSeconds) {
        set(startSeconds);
    }

    @Override
    public long nowSeconds() {
        return nowSeconds;
    }

    void set(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("time must not be negative: " + seconds);
        }
        nowSeconds = seconds;
    }
}
