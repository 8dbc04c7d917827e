package org.ppay.sim;

/**
 * How the run itself went on this machine. Not part of the model's output: wall time and heap vary from run to run,
 * so runs.csv leaves them out (they go to the timing file beside it).
 *
 * @param events        events the loop processed (deterministic)
 * @param wallNanos     wall-clock time of the run
 * @param peakHeapBytes peak heap use of the JVM so far (shared by parallel runs)
 */
public record RunStatistics(long events, long wallNanos, long peakHeapBytes) {

    public double eventsPerSecond() {
        return wallNanos == 0 ? 0 : events * 1e9 / wallNanos;
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }
}
