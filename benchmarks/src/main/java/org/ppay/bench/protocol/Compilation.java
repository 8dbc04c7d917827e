package org.ppay.bench.protocol;

/**
 * Runs an action back to back before a benchmark measures it after idle gaps, so that it runs compiled code, as in a
 * peer or broker that has been up for a while (the children of {@code ppay validate} warm up so too). With a gap of
 * milliseconds, JMH's own warm-up iterations make only hundreds of calls, which leaves the path in the interpreter or
 * in profiling code. Bounded in calls (C2 compiles a method after some thousands) and in time (a slow suite's
 * signatures take milliseconds each, and their cost is in library code that compiles as fast).
 */
final class Compilation {

    static final int CALLS = 10_000;
    static final long MAX_NANOS = 1_000_000_000L;

    private Compilation() {
    }

    /** Calls {@code action} {@link #CALLS} times, or for {@link #MAX_NANOS} if that ends first; returns the calls. */
    static int compile(Runnable action) {
        final long deadline = System.nanoTime() + MAX_NANOS;
        int calls = 0;
        while (calls < CALLS && System.nanoTime() - deadline < 0) {
            action.run();
            calls++;
        }
        return calls;
    }
}
