package org.ppay.costs;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * How one action is priced from benchmark results: a sum of terms, each a count times one benchmark's ns/op
 * (optionally divided by one of its parameters, e.g. a chain redeemed per hash).
 *
 * @param kind  {@code measured} when one benchmark performs the action itself, {@code modelled} when it is composed of
 *              primitive operations (signatures, hashes) counted from the protocol
 * @param terms at least one
 */
public record Recipe(String kind, List<Term> terms) {

    public Recipe {
        Objects.requireNonNull(kind, "kind");
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a recipe needs at least one term");
        }
    }

    public static Recipe measured(String benchmark) {
        return new Recipe("measured", List.of(new Term(1, benchmark, null, Map.of())));
    }

    public static Recipe modelled(Term... terms) {
        return new Recipe("modelled", List.of(terms));
    }

    /** What the recipe needs, e.g. {@code 2*SignatureBenchmark.verify + 1*SignatureBenchmark.sign}. */
    public String describe() {
        StringJoiner joiner = new StringJoiner(" + ");
        for (Term term : terms) {
            joiner.add(term.describe());
        }
        return joiner.toString().replace(" + -", " - ");
    }

    /**
     * One benchmark's contribution.
     *
     * @param count     how many times the action performs the benchmarked operation; negative to subtract an
     *                  operation a measured benchmark performs besides the action
     * @param benchmark the benchmark's full name, {@code package.Class.method}
     * @param perParam  when not null, the benchmark's score is divided by the value of this parameter
     * @param params    parameters a result must have to be used (beyond the suite)
     * @param metric    when not null, the term reads this secondary metric of the result instead of its primary score
     *                  (e.g. a CPU-time counter), divided by the secondary metric {@code perMetric} (the count of
     *                  operations the counter covers)
     * @param perMetric the divisor of {@code metric}; set exactly when {@code metric} is
     */
    public record Term(double count, String benchmark, String perParam, Map<String, String> params, String metric,
                       String perMetric) {

        public Term {
            Objects.requireNonNull(benchmark, "benchmark");
            params = Map.copyOf(params);
            if (count == 0 || !Double.isFinite(count)) {
                throw new IllegalArgumentException("a term's count must be a non-zero number, was " + count);
            }
            if ((metric == null) != (perMetric == null)) {
                throw new IllegalArgumentException("a secondary metric needs the metric that counts its operations");
            }
        }

        public Term(double count, String benchmark, String perParam, Map<String, String> params) {
            this(count, benchmark, perParam, params, null, null);
        }

        /** {@code count} times the secondary metric {@code metric} per {@code perMetric}, of a result with
         * {@code params}. */
        public static Term secondary(double count, String benchmark, Map<String, String> params, String metric,
                                     String perMetric) {
            return new Term(count, benchmark, null, params, metric, perMetric);
        }

        public static Term of(double count, String benchmark) {
            return new Term(count, benchmark, null, Map.of());
        }

        public static Term per(String benchmark, String perParam) {
            return new Term(1, benchmark, perParam, Map.of());
        }

        /** {@code 2*SignatureBenchmark.verify}, with the term's required parameters and divisor. */
        public String describe() {
            int method = benchmark.lastIndexOf('.');
            int type = benchmark.lastIndexOf('.', method - 1);
            String name = benchmark.substring(type + 1);
            return describe(params.isEmpty() ? name : name + new TreeMap<>(params));
        }

        /** The term applied to one result, e.g. {@code 1*AuditAppendBenchmark.append{coins=1024, ...}}. */
        public String describe(String resultLabel) {
            String text = (count == Math.rint(count) ? String.valueOf((long) count) : String.valueOf(count)) + "*"
                    + resultLabel;
            if (metric != null) {
                text = text + ":" + metric + "/" + perMetric;
            }
            return perParam == null ? text : text + "/" + perParam;
        }
    }
}
