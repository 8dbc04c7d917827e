package org.ppay.costs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures the clock the benchmarks ran at: times a long chain of dependent integer operations, each of which takes
 * one cycle on any out-of-order x86 or ARM core (add and xor of registers), and divides operations by nanoseconds.
 * The best of several runs is taken, after warm-up, so the figure is the sustained (boosted) clock rather than the
 * nominal one {@code /proc/cpuinfo} reports.
 */
public final class ClockProbe {

    public static final String METHOD =
            "chain of dependent add/xor (1 cycle each) over thread CPU time, best of 7 runs after warm-up";

    private static final int ITERATIONS = 200_000_000;
    /** No core runs outside these; a figure outside them means the JIT saw through the chain. */
    private static final double PLAUSIBLE_MIN_GHZ = 0.2;
    private static final double PLAUSIBLE_MAX_GHZ = 8.0;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long sink;

    private ClockProbe() {
    }

    /**
     * The measured clock in GHz; takes about a second.
     *
     * @throws IllegalStateException when the figure is implausible (the chain was optimised away)
     */
    public static double measureGhz() {
        for (int i = 0; i < 3; i++) {
            chain(ITERATIONS / 10, i);
        }
        double best = 0;
        for (int run = 0; run < 7; run++) {
            long start = runningNanos();
            sink = chain(ITERATIONS, run);
            long elapsedNanos = runningNanos() - start;
            // two dependent one-cycle operations per iteration
            best = Math.max(best, 2.0 * ITERATIONS / elapsedNanos);
        }
        if (best < PLAUSIBLE_MIN_GHZ || best > PLAUSIBLE_MAX_GHZ) {
            throw new IllegalStateException("clock probe measured an implausible " + best + " GHz; pass --ghz");
        }
        return best;
    }

    /**
     * Time this thread has been on a core: on a shared machine a descheduled thread would otherwise count other
     * processes' time as its own and read the clock low (a 4.2 GHz core measured 2.2 GHz under a load of 6 on 2 cores).
     */
    private static long runningNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Each step depends on the previous: x = (x + a) ^ i; the loop index keeps the JIT from a closed form. */
    private static long chain(int iterations, long seed) {
        long x = seed;
        long a = sink | 0x9E3779B97F4A7C15L;
        for (int i = 0; i < iterations; i++) {
            x = (x + a) ^ i;
        }
        return x;
    }

    /** The "model name" of the first processor in {@code /proc/cpuinfo}, or null where there is none. */
    public static String cpuModel() {
        return cpuinfoField("model name");
    }

    /** The "cpu MHz" of the first processor in {@code /proc/cpuinfo}, or 0 where there is none. */
    public static double cpuinfoMhz() {
        String mhz = cpuinfoField("cpu MHz");
        try {
            return mhz == null ? 0 : Double.parseDouble(mhz);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String cpuinfoField(String name) {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(cpuinfo, StandardCharsets.UTF_8);
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
