package org.ppay.costs;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One JMH result record (one benchmark, one mode, one combination of parameters), its primary score converted to
 * nanoseconds per operation whatever mode and unit JMH reported.
 *
 * @param source       the file the record was read from
 * @param benchmark    the benchmark's full name, {@code package.Class.method}
 * @param mode         JMH's short mode name: {@code avgt}, {@code sample}, {@code ss} or {@code thrpt}
 * @param params       the benchmark's parameters, empty when it has none
 * @param nsPerOp      the primary score in ns/op; may be NaN or infinite when JMH reported so
 * @param nsError      the primary score's error in ns/op; NaN when JMH reported none
 * @param secondary    secondary metrics by name without JMH's old {@code ·} prefix (e.g. {@code gc.alloc.rate.norm}),
 *                     in their own units
 * @param jdk          the JDK version JMH recorded, or an empty string for JMH versions that record none
 */
public record JmhResult(String source, String benchmark, String mode, Map<String, String> params, double nsPerOp,
                        double nsError, Map<String, Double> secondary, String jdk) {

    public JmhResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(mode, "mode");
        params = Map.copyOf(params);
        secondary = Map.copyOf(secondary);
        Objects.requireNonNull(jdk, "jdk");
    }

    /** The class and method without the package, e.g. {@code SignatureBenchmark.sign}. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    /** {@code SignatureBenchmark.sign{messageBytes=172,suite=ed25519-bc}}: short name and sorted parameters. */
    public String label() {
        return params.isEmpty() ? shortName() : shortName() + new TreeMap<>(params);
    }
}
