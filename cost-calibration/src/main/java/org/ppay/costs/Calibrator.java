package org.ppay.costs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns JMH results into a {@link CostTable}: prices every action by the first of its {@link ActionCatalog} recipes
 * whose benchmarks are all among the results, converts nanoseconds to cycles with the host's clock, and adds the
 * message sizes of the suite's wire format.
 */
public final class Calibrator {

    /** When the same benchmark ran in several modes, the one whose score is a mean time per operation wins. */
    private static final List<String> MODE_PREFERENCE = List.of("avgt", "sample", "thrpt", "ss");

    private final List<JmhResult> results;
    private final Map<CostAction, List<Recipe>> recipes;
    private final String sources;

    /** A calibrator pricing with the {@link ActionCatalog}. */
    public Calibrator(List<JmhResult> results) {
        this(results, ActionCatalog.all());
    }

    /** A calibrator pricing with the given recipes (every action needs an entry, possibly empty). */
    public Calibrator(List<JmhResult> results, Map<CostAction, List<Recipe>> recipes) {
        this.results = List.copyOf(results);
        this.recipes = Map.copyOf(recipes);
        this.sources = results.stream().map(JmhResult::source).distinct().collect(Collectors.joining(", "));
    }

    /** Every distinct {@code suite} parameter among the results, sorted. */
    public Set<String> suites() {
        Set<String> suites = new TreeSet<>();
        for (JmhResult result : results) {
            String suite = result.params().get("suite");
            if (suite != null) {
                suites.add(suite);
            }
        }
        return suites;
    }

    /** The suite to calibrate: the one given, or the only one the results hold. */
    public String chooseSuite(String requested) {
        Set<String> suites = suites();
        if (requested != null) {
            if (!suites.contains(requested)) {
                throw new IllegalArgumentException("no results for suite " + requested + " in " + sources
                        + " (suites found: " + (suites.isEmpty() ? "none" : String.join(", ", suites)) + ")");
            }
            return requested;
        }
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("no benchmark in " + sources + " has a 'suite' parameter: a cost table"
                    + " needs the signature benchmarks (org.ppay.bench.crypto.SignatureBenchmark)");
        }
        if (suites.size() > 1) {
            throw new IllegalArgumentException(sources + " hold results for several suites (" + String.join(", ", suites)
                    + "): choose one with --suite");
        }
        return suites.iterator().next();
    }

    /**
     * Prices every action for {@code suite} on {@code host}.
     *
     * @param tableName the source name of the table, the first part of its id (e.g. {@code costs.csv})
     * @throws IllegalArgumentException naming the files, the action and the benchmarks missing, or a benchmark whose
     *                                  score is unusable
     */
    public CostTable calibrate(String tableName, String suite, HostInfo host) {
        Objects.requireNonNull(host, "host");
        MessageSizes.signatureLength(suite); // an unknown algorithm fails here, before any work
        List<CostEntry> entries = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (CostAction action : CostAction.values()) {
            CostEntry entry = price(action, suite, host);
            if (entry == null && action.optional()) {
                continue; // a run without the transport benchmark still prices everything else
            }
            if (entry == null) {
                missing.add(action.csvName() + " (needs " + needs(recipesFor(action)) + ")");
            } else {
                entries.add(entry);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("cannot price every action for suite " + suite + " from " + sources
                    + "; missing: " + String.join("; ", missing));
        }
        return CostTable.of(tableName, entries);
    }

    /**
     * Prices one action by its first recipe whose benchmarks are all among the results.
     *
     * @return the entry, or null when no recipe can be used
     */
    public CostEntry price(CostAction action, String suite, HostInfo host) {
        Priced priced = price(action, suite);
        if (priced == null) {
            return null;
        }
        int bytes = action == CostAction.GUESS_PROBE ? guessBytes(priced.used.get(0))
                : MessageSizes.bytes(action, MessageSizes.signatureLength(suite));
        String jdk = host.jdk() == null || host.jdk().isBlank() ? priced.used.get(0).jdk() : host.jdk();
        return new CostEntry(action, suite, priced.nsPerOp, priced.nsError, priced.nsPerOp * host.ghz(), bytes,
                priced.source, host.cpuModel(), host.ghz(), jdk.isBlank() ? "unknown" : jdk);
    }

    private List<Recipe> recipesFor(CostAction action) {
        return recipes.getOrDefault(action, List.of());
    }

    private static String needs(List<Recipe> recipes) {
        if (recipes.isEmpty()) {
            return "a benchmark this build does not have yet";
        }
        return recipes.stream().map(Recipe::describe).collect(Collectors.joining(" or "));
    }

    /** Both messages of a probe: the exchange benchmark's two frames, or the one-thread probe's two datagrams. */
    private static int guessBytes(JmhResult used) {
        Map<String, String> params = used.params();
        if (params.containsKey("frameBytes")) {
            return 2 * Integer.parseInt(params.get("frameBytes"));
        }
        return Integer.parseInt(params.getOrDefault("queryBytes", "0"))
                + Integer.parseInt(params.getOrDefault("responseBytes", "0"));
    }

    private record Priced(double nsPerOp, double nsError, String source, List<JmhResult> used) {
    }

    private Priced price(CostAction action, String suite) {
        for (Recipe recipe : recipesFor(action)) {
            List<JmhResult> used = new ArrayList<>();
            for (Recipe.Term term : recipe.terms()) {
                JmhResult match = find(term, suite);
                if (match == null) {
                    break;
                }
                used.add(match);
            }
            if (used.size() == recipe.terms().size()) {
                return combine(action, recipe, used);
            }
        }
        return null;
    }

    private Priced combine(CostAction action, Recipe recipe, List<JmhResult> used) {
        double ns = 0;
        double error = 0;
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 0; i < used.size(); i++) {
            Recipe.Term term = recipe.terms().get(i);
            JmhResult result = used.get(i);
            String at = result.source() + ": " + result.label() + " (for " + action.csvName() + ")";
            double score = term.metric() == null ? result.nsPerOp() : secondaryPerOp(at, result, term);
            double scoreError = term.metric() == null ? result.nsError() : Double.NaN;
            if (!(score > 0) || !Double.isFinite(score)) {
                throw new IllegalArgumentException(at + ": score is " + score + " ns/op, not a usable time");
            }
            double divisor = 1;
            if (term.perParam() != null) {
                String value = result.params().get(term.perParam());
                try {
                    divisor = Double.parseDouble(Objects.requireNonNull(value, "absent"));
                } catch (NumberFormatException | NullPointerException e) {
                    throw new IllegalArgumentException(at + ": parameter '" + term.perParam() + "' is " + value
                            + ", needed as a number to price per unit", e);
                }
                if (!(divisor > 0)) {
                    throw new IllegalArgumentException(at + ": parameter '" + term.perParam() + "' must be > 0");
                }
            }
            ns += term.count() * score / divisor;
            // errors of independent terms added linearly (subtracted terms too): an upper bound, never an understatement
            error += Math.abs(term.count()) * scoreError / divisor;
            labels.add(term.describe(result.label()));
        }
        String source = recipe.kind() + ": " + String.join(" + ", labels).replace(" + -", " - ");
        if (!(ns > 0)) {
            throw new IllegalArgumentException(sources + ": " + action.csvName() + " priced by " + source + " comes to "
                    + ns + " ns: the subtracted operations cost more than the measured whole (measurement noise;"
                    + " rerun with a longer profile)");
        }
        return new Priced(ns, Double.isFinite(error) ? error : Double.NaN, source, used);
    }

    /**
     * A secondary metric per operation: JMH sums {@code EVENTS} counters over the iterations, so a counter is divided
     * by the counter of the operations it covers (e.g. CPU nanoseconds of a thread over exchanges). No error bar:
     * JMH gives none for a sum.
     */
    private static double secondaryPerOp(String at, JmhResult result, Recipe.Term term) {
        Double total = result.secondary().get(term.metric());
        Double operations = result.secondary().get(term.perMetric());
        if (total == null || operations == null) {
            throw new IllegalArgumentException(at + ": secondary metric '" + (total == null ? term.metric()
                    : term.perMetric()) + "' is missing (found " + new java.util.TreeSet<>(result.secondary().keySet())
                    + "): was the benchmark run by a JMH that records @AuxCounters?");
        }
        if (!(operations > 0)) {
            throw new IllegalArgumentException(at + ": secondary metric '" + term.perMetric() + "' is " + operations
                    + ", no operations to divide by");
        }
        return total / operations;
    }

    /** The result for a term: its benchmark, the suite when it takes one, the term's parameters; the best mode. */
    private JmhResult find(Recipe.Term term, String suite) {
        List<JmhResult> matches = new ArrayList<>();
        for (JmhResult result : results) {
            if (!result.benchmark().equals(term.benchmark())) {
                continue;
            }
            String resultSuite = result.params().get("suite");
            if (resultSuite != null && !resultSuite.equals(suite)) {
                continue;
            }
            if (!result.params().entrySet().containsAll(term.params().entrySet())) {
                continue;
            }
            matches.add(result);
        }
        if (matches.isEmpty()) {
            return null;
        }
        matches.sort(Comparator.comparingInt(r -> modeRank(r.mode())));
        String bestMode = matches.get(0).mode();
        List<JmhResult> best = matches.stream().filter(r -> r.mode().equals(bestMode)).toList();
        if (best.size() > 1) {
            throw new IllegalArgumentException("ambiguous results for " + term.describe() + " with suite " + suite
                    + ": " + best.stream().map(r -> r.source() + ": " + r.label()).collect(Collectors.joining("; "))
                    + " (calibrate from one run, or one parameter value per benchmark)");
        }
        return best.get(0);
    }

    private static int modeRank(String mode) {
        int rank = MODE_PREFERENCE.indexOf(mode);
        return rank < 0 ? MODE_PREFERENCE.size() : rank;
    }
}
