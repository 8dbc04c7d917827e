package org.ppay.costs;

import java.util.Objects;

/**
 * One row of {@code costs.csv}: what one {@link CostAction} costs on one host with one signature suite.
 *
 * @param action          the macro action priced
 * @param suite           the signature suite the action was measured with, e.g. {@code ed25519-bc}
 * @param nsPerOp         mean time per action in nanoseconds
 * @param nsError         JMH's 99.9% confidence half-interval in nanoseconds; NaN when the run had too few
 *                        iterations to give one
 * @param cyclesPerOp     {@code nsPerOp} times the host clock in GHz
 * @param bytes           size in bytes of the message(s) the action sends, 0 when it sends none
 * @param sourceBenchmark the JMH benchmark (with its parameters) the figure comes from
 * @param cpuModel        the host's CPU model
 * @param ghz             the clock used to convert nanoseconds to cycles
 * @param jdk             the JDK that ran the benchmark
 */
public record CostEntry(CostAction action, String suite, double nsPerOp, double nsError, double cyclesPerOp,
                        int bytes, String sourceBenchmark, String cpuModel, double ghz, String jdk) {

    public CostEntry {
        Objects.requireNonNull(action, "action");
        requireText(suite, "suite");
        requirePositive(nsPerOp, "ns_per_op");
        if (!Double.isNaN(nsError) && !(nsError >= 0 && Double.isFinite(nsError))) {
            throw new IllegalArgumentException("ns_error must be >= 0 or NaN, was " + nsError);
        }
        requirePositive(cyclesPerOp, "cycles_per_op");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
        }
        requireText(sourceBenchmark, "source_benchmark");
        requireText(cpuModel, "cpu_model");
        requirePositive(ghz, "ghz");
        requireText(jdk, "jdk");
    }

    private static void requirePositive(double value, String column) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(column + " must be a finite number > 0, was " + value);
        }
    }

    private static void requireText(String value, String column) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(column + " must not be empty");
        }
    }
}
