package org.ppay.cli.bench;

import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.runner.options.TimeValue;

/** How long and how often each benchmark runs: the trade between wall time and the width of the error bars. */
public enum BenchProfile {
    /**
     * One fork, no warm-up, one 0.2 s iteration: proves every benchmark runs and the calibration is complete (CI).
     * The figures are cold and must not be used as costs.
     */
    SMOKE(1, 0, 200, 1, 200),
    /**
     * One fork, 1 x 0.5 s warm-up, 2 x 0.2 s measurement: error bars only indicative. Aimed at the whole suite
     * (384 runs with 12 suites: 12 min 08 s on 2 cores, measured) in minutes, where each run's JVM start and set-up
     * cost about as much as its iterations; every run still warms up for half a second before it measures, and the
     * slowest operation measured (an RSA-2048 renewal with Bouncy Castle, a few ms) still runs dozens of times per iteration.
     */
    QUICK(1, 1, 500, 2, 200),
    /** Two forks, 3 x 1 s warm-up, 5 x 1 s measurement: trustworthy error bars (ten samples from two JVMs). */
    STANDARD(2, 3, 1000, 5, 1000),
    /** Three forks, 5 x 2 s warm-up, 10 x 2 s measurement: for figures that get published. */
    FULL(3, 5, 2000, 10, 2000);

    /**
     * What starting a forked JVM, loading the providers and the benchmark's trial set-up add, per fork, on average
     * over the whole suite: measured on a 2-core EPYC host with little else running (2026-11-26, quick profile):
     * 0.4 s for a benchmark without signatures, 0.5 s with them (every fork loads all four providers and makes the
     * world's keys), 1-2.5 s for the protocol benchmarks that make signed inputs (RSA the most); weighted over the 298
     * runs, 1.0 s. A busy machine doubles it.
     */
    private static final double FORK_OVERHEAD_SECONDS = 1.0;

    private final int forks;
    private final int warmupIterations;
    private final int warmupMillis;
    private final int measurementIterations;
    private final int measurementMillis;

    BenchProfile(int forks, int warmupIterations, int warmupMillis, int measurementIterations,
                 int measurementMillis) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
    }

    public int forks() {
        return forks;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public TimeValue warmupTime() {
        return TimeValue.milliseconds(warmupMillis);
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public TimeValue measurementTime() {
        return TimeValue.milliseconds(measurementMillis);
    }

    /** Expected wall time of one benchmark with one combination of parameters. */
    public double estimatedSecondsPerBenchmark() {
        return forks * (FORK_OVERHEAD_SECONDS
                + (warmupIterations * warmupMillis + measurementIterations * measurementMillis) / 1000.0);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What a cost table priced from this profile's results must not be used for, or empty. A millisecond-scale action
     * (the broker's cash on a slower host) runs only some thousand times in the quick profile's half-second warm-up,
     * so the JIT is still compiling its code while it is measured: JMH's {@code -prof comp} counts up to 0.3 s of
     * compilation inside one 0.2 s iteration of {@code BrokerCashBenchmark}, and its price moves up to 2x between
     * runs. An idle-gap benchmark runs fewer operations still, so a sparse price can even read below the busy one.
     */
    public String caveat() {
        return switch (this) {
            case SMOKE -> "smoke-profile results are cold single iterations: they prove the suite runs and are no"
                    + " costs";
            case QUICK -> "quick-profile results price the slower actions while the JIT still compiles them (one 0.5 s"
                    + " warm-up): a broker cash can read 2x apart between runs, and sparse below busy; measure with"
                    + " --profile standard, or ppay validate --calibrate, before judging anything against this table";
            default -> "";
        };
    }

    /** The profile of this label, if any (a host file names the profile its results were measured with). */
    public static Optional<BenchProfile> of(String label) {
        for (BenchProfile profile : values()) {
            if (profile.label().equals(label)) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }
}
