package org.ppay.costs;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ppay.costs.Recipe.Term;

/**
 * Exactly the benchmarks a calibration needs: every benchmark named by the best recipe of each action, in each
 * regime asked for, with the parameter values those recipes require. A parameter a recipe leaves open runs at the
 * benchmark's own values.
 *
 * @param benchmarks full benchmark names ({@code org.ppay.bench.protocol.BrokerCashBenchmark.cash}), sorted
 * @param params     per parameter name, the values some recipe requires, sorted
 */
public record BenchmarkSelection(SortedSet<String> benchmarks, SortedMap<String, SortedSet<String>> params) {

    public BenchmarkSelection {
        benchmarks = Collections.unmodifiableSortedSet(new TreeSet<>(benchmarks));
        final SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        params.forEach((name, values) -> copy.put(name, Collections.unmodifiableSortedSet(new TreeSet<>(values))));
        params = Collections.unmodifiableSortedMap(copy);
    }

    /** What pricing every action needs in each of {@code regimes}, with their own placements. */
    public static BenchmarkSelection forRegimes(List<ActionCatalog.Regime> regimes) {
        final SortedSet<String> benchmarks = new TreeSet<>();
        final SortedMap<String, SortedSet<String>> params = new TreeMap<>();
        for (ActionCatalog.Regime regime : regimes) {
            for (List<Recipe> recipes : ActionCatalog.all(regime).values()) {
                for (Term term : recipes.get(0).terms()) {
                    benchmarks.add(term.benchmark());
                    for (Map.Entry<String, String> param : term.params().entrySet()) {
                        params.computeIfAbsent(param.getKey(), k -> new TreeSet<>()).add(param.getValue());
                    }
                }
            }
        }
        return new BenchmarkSelection(benchmarks, params);
    }

    /**
     * Each benchmark as {@code ppay bench --include} takes it (a regular expression within the suite's package) that
     * selects it and no other: quoted, and anchored at its end, so that a method whose name is the prefix of
     * another's does not select both.
     */
    public List<String> includePatterns() {
        return benchmarks.stream()
                .map(name -> name.startsWith(ActionCatalog.BENCH) ? name.substring(ActionCatalog.BENCH.length()) : name)
                .map(name -> "\\Q" + name + "\\E$")
                .toList();
    }
}
