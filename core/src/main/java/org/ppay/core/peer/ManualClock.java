package org.ppay.core.peer;

/** A clock moved by its driver (a simulator or a test). Time never goes backwards. */
public final class ManualClock implements Clock {

    private volatile long nowSeconds;

    public ManualClock(long startSeconds) {
        if (startSeconds < 0) {
            throw new IllegalArgumentException("start time must not be negative: " + startSeconds);
        }
        this.nowSeconds = startSeconds;
    }

    @Override
    public long nowSeconds() {
        return nowSeconds;
    }

    public synchronized void advanceSeconds(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a clock cannot go back: " + seconds + " s");
        }
        nowSeconds += seconds;
    }

    public synchronized void setSeconds(long seconds) {
        if (seconds < nowSeconds) {
            throw new IllegalArgumentException("a clock cannot go back from " + nowSeconds + " to " + seconds);
        }
        nowSeconds = seconds;
    }
}
