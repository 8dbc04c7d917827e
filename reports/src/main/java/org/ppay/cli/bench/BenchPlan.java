package org.ppay.cli.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * What a run will measure: every benchmark the includes select, with its number of parameter combinations once the
 * run's parameter overrides (e.g. the suites) are applied. Gives the progress line its denominator.
 *
 * @param entries      each selected benchmark (one per method and mode)
 * @param combinations per entry, how many parameter combinations it runs
 */
public record BenchPlan(List<BenchmarkListEntry> entries, List<Integer> combinations) {

    public BenchPlan {
        entries = List.copyOf(entries);
        combinations = List.copyOf(combinations);
    }

    /** Plans from the benchmark list JMH's annotation processor put on the class path. */
    public static BenchPlan of(OutputFormat out, List<String> includes, List<String> excludes,
                               Map<String, ? extends Collection<String>> paramOverrides) {
        SortedSet<BenchmarkListEntry> found = BenchmarkList.defaultList().find(out, includes, excludes);
        List<BenchmarkListEntry> entries = new ArrayList<>(found);
        List<Integer> combinations = new ArrayList<>(entries.size());
        for (BenchmarkListEntry entry : entries) {
            int count = 1;
            if (entry.getParams().hasValue()) {
                for (Map.Entry<String, String[]> param : entry.getParams().get().entrySet()) {
                    Collection<String> override = paramOverrides.get(param.getKey());
                    count *= override != null ? override.size() : param.getValue().length;
                }
            }
            combinations.add(count);
        }
        return new BenchPlan(entries, combinations);
    }

    /** The benchmarks that take a parameter of this name. */
    public List<String> benchmarksWithParam(String name) {
        List<String> names = new ArrayList<>();
        for (BenchmarkListEntry entry : entries) {
            if (entry.getParams().hasValue() && entry.getParams().get().containsKey(name)) {
                names.add(entry.getUsername());
            }
        }
        return names;
    }

    /** How many benchmark runs (benchmark x mode x parameter combination) the plan holds. */
    public int runs() {
        return combinations.stream().mapToInt(Integer::intValue).sum();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
