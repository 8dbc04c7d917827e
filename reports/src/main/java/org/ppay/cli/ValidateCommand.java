package org.ppay.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ppay.costs.ActionCatalog;
import org.ppay.costs.BenchmarkSelection;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostTable;
import org.ppay.costs.TableChoice;
import org.ppay.costs.TableHost;
import org.ppay.validation.Comparison;
import org.ppay.validation.DeploymentSeries;
import org.ppay.validation.measure.TextFiles;
import org.ppay.validation.Validation;
import org.ppay.validation.ValidationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ppay validate}: runs one simulated schedule on a real deployment (a broker JVM and peer JVMs on loopback)
 * and prints the cost model's prediction beside what the processes measured.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Validate the cost model: start a broker JVM and peer JVMs on 127.0.0.1, replay one schedule"
                + " drawn from the simulator's models (queries, probes, picopayments, coin payments, churn, renewals,"
                + " cashing) with real signatures and audit trails, and print predicted against measured CPU time"
                + " and bytes per task for the broker and the mean peer.",
                "The prediction is the simulator's counts for exactly the replayed steps times the cost table."},
        sortOptions = false)
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--peers", defaultValue = "16", paramLabel = "N", description = "Peers (default: ${DEFAULT-VALUE}).")
    int peers;

    @Option(names = "--peer-jvms", defaultValue = "4", paramLabel = "N",
            description = "Peer JVMs hosting the peers round-robin (default: ${DEFAULT-VALUE}).")
    int peerJvms;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "S",
            description = "Wall-clock budget of the replay; when it runs out the replay stops at the next step where"
                    + " no coin is half moved, and every holder cashes (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warm-up-seconds", defaultValue = "10", paramLabel = "S",
            description = "Wall-clock budget of an unmeasured first pass of the same schedule on the same processes, so"
                    + " the measured pass runs compiled code with touched audit pages and sockets; its per-operation"
                    + " figures go to <out>.warmup-operations.csv; 0: no warm-up pass. Each process also runs the"
                    + " protocol privately for this long (1 to 8 s) before the first pass (default: ${DEFAULT-VALUE}).")
    double warmUpSeconds;

    @Option(names = "--pace-micros", defaultValue = "1000", paramLabel = "US",
            description = "Pause before each step of the measured pass, so that every process waits between messages"
                    + " as the peers of a real network and a lightly loaded broker do: each message wakes an idle CPU"
                    + " and finds cold caches (the sparse regime, which the embedded sparse table prices). 0: steps"
                    + " back to back, which on a shared host is neither regime (default: ${DEFAULT-VALUE}).")
    double paceMicros;

    @Option(names = "--record-jit",
            description = "Each process records what its JIT does during the measured pass (JFR: jdk.Compilation,"
                    + " jdk.Deoptimization) and the run prints it: de-optimizations name their thread, method and"
                    + " reason. A check that the measured pass ran compiled code; off by default, since JFR's threads"
                    + " run during the measured pass.")
    boolean recordJit;

    @Option(names = "--deployments", defaultValue = "1", paramLabel = "N",
            description = "Replay the schedule on N fresh deployments, one after the other, as JMH forks a benchmark:"
                    + " each starts its processes anew, so where the host puts them and what their JIT settles into is"
                    + " drawn again. Prints one line per deployment and the goals on the median error; each"
                    + " deployment's full output goes to OUT-dK.txt and its tables to OUT-dK*.csv, the series to OUT"
                    + " (default: ${DEFAULT-VALUE}).")
    int deployments;

    @Option(names = "--suite", paramLabel = "SUITE",
            description = "Signature suite (default: the cost table's, else ed25519-jdk).")
    String suite;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the schedule (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--schedule", defaultValue = "MODEL", paramLabel = "SOURCE",
            description = "MODEL (default): the simulator's models drawn by ppay validate, with probes, picopayments and"
                    + " churn; SIMULATOR: the simulator's own run as its protocol seam sees it (coin steps only).")
    ValidationSettings.Source schedule;

    @Option(names = "--costs", paramLabel = "FILE",
            description = "Cost table (costs.csv from ppay calibrate on this machine); default: the embedded one of"
                    + " the run's regime (sparse when paced, busy with --pace-micros 0) if this build has it, else"
                    + " bytes are predicted and CPU time is only measured.")
    Path costsFile;

    @Option(names = "--compare-costs", paramLabel = "FILE", arity = "1..*",
            description = "More cost tables of the same suite: the same run predicted with each, beside the same"
                    + " measurement (e.g. the busy and the sparse calibration), written to OUT-<table>.csv."
                    + " Without --costs and --compare-costs: the embedded table of the other regime, in"
                    + " OUT-busy.csv or OUT-sparse.csv.")
    List<Path> compareCosts = new ArrayList<>();

    @Option(names = "--calibrate",
            description = "Measure this host first: exactly the benchmarks the prediction needs, in both regimes"
                    + " (ppay bench --include each of them, with --calibrate-profile), then ppay calibrate a busy and a"
                    + " sparse table, and validate with this host's own tables: the regime's table prices the run,"
                    + " the other is compared beside it. Writes the results and tables to --calibrate-out. About"
                    + " 12 minutes with the standard profile on 2 vCPUs (ppay bench prints its estimate first).")
    boolean calibrate;

    @Option(names = "--calibrate-profile", defaultValue = "standard", paramLabel = "NAME",
            description = "The ppay bench profile --calibrate measures with: standard (default: 2 forks, 3 x 1 s"
                    + " warm-up, 5 x 1 s measurement, error bars to judge by) or full; quick is refused, since its"
                    + " single fork of 0.2 s iterations leaves the broker's cash half compiled.")
    String calibrateProfile;

    @Option(names = "--calibrate-out", paramLabel = "DIR",
            description = "Where --calibrate writes bench/ (JMH results, host.json) and costs-busy.csv,"
                    + " costs-sparse.csv (default: OUT's name without .csv, plus -calibration, beside OUT).")
    Path calibrateOut;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A simulation parameter on top of the scaled-down defaults (repeatable), e.g."
                    + " --set simulated-days=2 --set query-rate=0.02.")
    Map<String, String> overrides = Map.of();

    @Option(names = {"-o", "--out"}, defaultValue = "validation.csv", paramLabel = "FILE",
            description = "Where to write the table as CSV (default: ${DEFAULT-VALUE}).")
    Path out;

    /** validation.csv -> validation.operations.csv beside it. */
    static Path operationsFile(Path out) {
        return besideOut(out, ".operations.csv");
    }

    /** validation.csv -> validation.warmup-operations.csv beside it. */
    static Path warmUpOperationsFile(Path out) {
        return besideOut(out, ".warmup-operations.csv");
    }

    private static String stem(Path file) {
        final String name = file.getFileName().toString();
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    private static Path besideOut(Path out, String suffix) {
        final String name = out.getFileName().toString();
        final String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + suffix);
    }

    @Override
    public Integer call() {
        final PrintWriter outWriter = spec.commandLine().getOut();
        final boolean paced = paceMicros > 0;
        if (calibrate) {
            final int status = calibrateThisHost(paced);
            if (status != 0) {
                return status;
            }
        }
        final TableChoice.Regimes embedded = TableChoice.forValidation(paced);
        final CostTable costs = costsFile != null ? CostTable.read(costsFile) : embedded.main();
        final String suiteName = suite != null ? suite : costs != null ? costs.suite() : TableChoice.FALLBACK_SUITE;
        final ValidationSettings settings = new ValidationSettings(peers, peerJvms, seconds, suiteName,
                ValidationSettings.scaledDown(peers, seed, overrides), schedule, warmUpSeconds, paceMicros,
                recordJit);
        // each further table by the name its CSV takes beside OUT
        final Map<String, CostTable> alternatives = new LinkedHashMap<>();
        if (costsFile == null && compareCosts.isEmpty() && embedded.other() != null
                && embedded.other().suite().equals(suiteName)) {
            // the embedded run's table of the other regime, beside the one that prices this run
            alternatives.put(embedded.otherLabel(), embedded.other());
        }
        for (Path file : compareCosts) {
            if (alternatives.put(stem(file), CostTable.read(file)) != null) {
                throw new IllegalArgumentException("--compare-costs: two files named " + file.getFileName()
                        + "; their tables would be written to the same " + besideOut(out, "-" + stem(file) + ".csv"));
            }
        }
        if (deployments < 1) {
            throw new IllegalArgumentException("--deployments must be at least 1, got " + deployments);
        }
        final TableHost tableHost = costs == null ? null : TableHost.of(costs);
        if (tableHost != null) {
            outWriter.println(tableHost.describe());
            outWriter.flush();
        }
        if (deployments == 1) {
            final Validation.Result result = Validation.run(settings, costs, List.copyOf(alternatives.values()));
            printRun(result, costs, alternatives, suiteName, out, outWriter, tableHost);
        } else {
            final List<Comparison> series = new ArrayList<>();
            for (int d = 1; d <= deployments; d++) {
                final Validation.Result result = Validation.run(settings, costs,
                        List.copyOf(alternatives.values()));
                final Path deploymentOut = besideOut(out, "-d" + d + ".csv");
                final StringWriter text = new StringWriter();
                try (PrintWriter textWriter = new PrintWriter(text)) {
                    printRun(result, costs, alternatives, suiteName, deploymentOut, textWriter, tableHost);
                }
                final Path textFile = besideOut(out, "-d" + d + ".txt");
                TextFiles.write(textFile, text.toString());
                series.add(result.comparison());
                final Comparison.Goal broker = Comparison.GOALS.get(0);
                final double error = broker.errorIn(result.comparison());
                outWriter.println(String.format(Locale.ROOT, "deployment %d of %d (%.1f s): %s %s; %s", d,
                        deployments, result.wallSeconds(), broker.name(), Double.isNaN(error) ? "not predicted"
                                : String.format(Locale.ROOT, "%+.1f%% (%s)", 100 * error,
                                        broker.metBy(error) ? "met" : "missed"), textFile));
                outWriter.flush();
            }
            final DeploymentSeries summary = new DeploymentSeries(series);
            outWriter.println();
            outWriter.print(summary.toText());
            outWriter.println();
            outWriter.println("goals on the median of " + deployments + " deployments:");
            summary.goals().forEach(line -> outWriter.println("  " + line));
            printCaveat(tableHost, outWriter);
            summary.write(out);
            outWriter.println("wrote " + out + " (the series) and each deployment's tables beside it");
        }
        outWriter.flush();
        return 0;
    }

    /**
     * {@code --calibrate}: benchmarks and calibrates this host in both regimes, then points {@code --costs} at the
     * table of the run's regime and {@code --compare-costs} at the other.
     */
    private int calibrateThisHost(boolean paced) {
        if (costsFile != null || !compareCosts.isEmpty()) {
            throw new IllegalArgumentException("--calibrate measures this host's tables itself: drop --costs and"
                    + " --compare-costs, or drop --calibrate");
        }
        if (!calibrateProfile.equals("standard") && !calibrateProfile.equals("full")) {
            throw new IllegalArgumentException("--calibrate-profile must be standard or full, was '"
                    + calibrateProfile + "'");
        }
        final String tableSuite = suite != null ? suite : TableChoice.calibrationSuite();
        final Path dir = calibrateOut != null ? calibrateOut : besideOut(out, "-calibration");
        final Path bench = dir.resolve("bench");
        final BenchmarkSelection needed = BenchmarkSelection.forRegimes(List.of(ActionCatalog.Regime.values()));
        final List<String> benchArgs = new ArrayList<>(List.of("bench", "--profile", calibrateProfile, "--suites",
                tableSuite, "--out", bench.toString()));
        for (String pattern : needed.includePatterns()) {
            benchArgs.add("--include");
            benchArgs.add(pattern);
        }
        needed.params().forEach((name, values) -> {
            benchArgs.add("--param");
            benchArgs.add(name + "=" + String.join(",", values));
        });
        final int benchStatus = CommandSteps.run(spec.commandLine(), benchArgs);
        if (benchStatus != 0) {
            return benchStatus;
        }
        final Path results = bench.resolve("jmh-results.json");
        final Map<ActionCatalog.Regime, Path> tables = new LinkedHashMap<>();
        for (ActionCatalog.Regime regime : ActionCatalog.Regime.values()) {
            final String label = regime.name().toLowerCase(Locale.ROOT);
            final Path table = dir.resolve("costs-" + label + ".csv");
            final int status = CommandSteps.run(spec.commandLine(), List.of("calibrate", results.toString(), "--suite",
                    tableSuite, "--regime", label, "--out", table.toString()));
            if (status != 0) {
                return status;
            }
            tables.put(regime, table);
        }
        final ActionCatalog.Regime regime = paced ? ActionCatalog.Regime.SPARSE : ActionCatalog.Regime.BUSY;
        costsFile = tables.remove(regime);
        compareCosts = new ArrayList<>(tables.values());
        suite = tableSuite;
        return 0;
    }

    /** Where the goals are printed, a table from another CPU says so (nothing when the CPUs match). */
    private static void printCaveat(TableHost tableHost, PrintWriter w) {
        if (tableHost != null && !tableHost.sameCpu()) {
            w.println("  note: " + tableHost.caveat());
        }
    }

    /** One deployment's tables: printed to {@code w}, written beside {@code out}. */
    private void printRun(Validation.Result result, CostTable costs, Map<String, CostTable> alternatives,
                          String suiteName, Path out, PrintWriter w, TableHost tableHost) {
        w.print(result.comparison().toText());
        w.println();
        w.println("goals (a report, not a test: one run on a shared host is noisy; --deployments N judges a median):");
        result.comparison().goals().forEach(line -> w.println("  " + line));
        printCaveat(tableHost, w);
        result.comparison().write(out);
        int next = 0;
        for (Map.Entry<String, CostTable> alternative : alternatives.entrySet()) {
            final Comparison comparison = result.alternatives().get(next++);
            w.println();
            w.println("the same run predicted with " + alternative.getValue().id() + ":");
            w.print(comparison.toText());
            comparison.write(besideOut(out, "-" + alternative.getKey() + ".csv"));
        }
        final Path operationsCsv = operationsFile(out);
        w.println();
        w.print(result.operations().toText(costs));
        result.operations().write(operationsCsv, costs);
        if (result.warmUpOperations() != null) {
            result.warmUpOperations().write(warmUpOperationsFile(out), costs);
            w.println(String.format(Locale.ROOT, "warm-up pass (not measured above): %d steps; its per-operation"
                    + " figures in %s", result.warmUpSteps(), warmUpOperationsFile(out)));
        }
        if (recordJit) {
            w.println("JIT during the measured pass (JFR; de-optimizations, or much compiled only now, mean cold code"
                    + " was measured):");
            result.jit().forEach(line -> w.println("  " + line));
        }
        w.println(String.format(Locale.ROOT, "replayed %d of %d %s steps%s, %s, on a broker and %d peer JVMs (%s) in"
                        + " %.1f s; costs %s; wrote %s", result.replayedSteps(), result.scheduledSteps(),
                schedule.name().toLowerCase(Locale.ROOT), result.cut() ? " (budget reached, then cashed out)" : "",
                paceMicros > 0 ? String.format(Locale.ROOT, "%.0f us apart", paceMicros) : "back to back",
                peerJvms, suiteName, result.wallSeconds(), costs == null ? "none (CPU not predicted)" : costs.id(),
                out + " and " + operationsCsv));
        if (costs != null && !costs.unpriced().isEmpty()) {
            w.println("note: the cost table has no " + costs.unpriced().stream().map(CostAction::csvName)
                    .collect(Collectors.joining(", ")) + " row (calibrated before transport was priced): every"
                    + " message's CPU is predicted as 0; run ppay bench with MessageExchangeBenchmark and ppay"
                    + " calibrate");
        }
        w.flush();
    }
}
