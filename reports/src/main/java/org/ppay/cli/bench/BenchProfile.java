package org.ppay.cli.bench;

import java.util.Locale;
import org.openjdk.jmh.runner.options.TimeValue;

/** How long and how often each benchmark runs: the trade between wall time and the width of the error bars. */
public enum BenchProfile {
    /** One fork, 1 x 1 s warm-up, 2 x 1 s measurement: the whole suite in minutes; error bars only indicative. */
    QUICK(1, 1, 1, 2, 1),
    /** Two forks, 3 x 1 s warm-up, 5 x 1 s measurement: trustworthy error bars (ten samples from two JVMs). */
    STANDARD(2, 3, 1, 5, 1),
    /** Three forks, 5 x 2 s warm-up, 10 x 2 s measurement: for figures that get published. */
    FULL(3, 5, 2, 10, 2);

    /** What starting a forked JVM and the benchmark's trial set-up add, per fork, on a typical machine. */
    private static final double FORK_OVERHEAD_SECONDS = 1.5;

    private final int forks;
    private final int warmupIterations;
    private final int warmupSeconds;
    private final int measurementIterations;
    private final int measurementSeconds;

    BenchProfile(int forks, int warmupIterations, int warmupSeconds, int measurementIterations,
                 int measurementSeconds) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupSeconds = warmupSeconds;
        this.measurementIterations = measurementIterations;
        this.measurementSeconds = measurementSeconds;
    }

    public int forks() {
        return forks;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public TimeValue warmupTime() {
        return TimeValue.seconds(warmupSeconds);
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public TimeValue measurementTime() {
        return TimeValue.seconds(measurementSeconds);
    }

    /** Expected wall time of one benchmark with one combination of parameters. */
    public double estimatedSecondsPerBenchmark() {
        return forks * (FORK_OVERHEAD_SECONDS + warmupIterations * warmupSeconds
                + measurementIterations * measurementSeconds);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
