package org.ppay.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.ppay.core.crypto.CountingSuite;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.costs.CostTable;
import org.ppay.sim.CostedRun;
import org.ppay.sim.RunEstimate;
import org.ppay.sim.RunsCsv;
import org.ppay.sim.SimulationParameters;
import org.ppay.sim.Sweep;
import org.ppay.sim.SweepFile;
import org.ppay.sim.load.Task;
import org.ppay.sim.roles.RoleCoinProtocol;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code ppay simulate}: runs the simulation of section 6 once, or a sweep of parameter sets in parallel, prices each
 * run with a cost table and writes one runs.csv row per run (and the machine-dependent timings beside it).
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        modelTransformer = SimulateCommand.ParameterOptions.class,
        description = {"Simulate PPay, PPay* or RM in the GUESS file-sharing scenario of the paper (section 6) and write"
                + " broker and peer loads to runs.csv.",
                "Parameters: defaults (Table 1), then --params FILE, then one option per parameter; with --sweep,"
                        + " each line of the sweep file overrides those for one run."},
        sortOptions = false)
public final class SimulateCommand implements Callable<Integer> {

    private static final double GIB = 1L << 30;

    @CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--params", paramLabel = "FILE", description = "Properties file of parameters (key=value, keys as the options below without --).")
    Path paramsFile;

    @Option(names = "--sweep", paramLabel = "FILE", description = "One run per line: key=value pairs separated by spaces; # starts a comment.")
    Path sweepFile;

    @Option(names = "--costs", paramLabel = "FILE", description = "Cost table (costs.csv from ppay calibrate); default: the calibration embedded in this build.")
    Path costsFile;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "runs.csv", description = "Where to write runs.csv (default: ${DEFAULT-VALUE}); timings go to <name>.timing.csv beside it.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Runs in parallel (default: one per core).")
    Integer threads;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    boolean noProgress;

    @Option(names = "--roles", paramLabel = "SUITE", description = "Also perform every protocol step with the core's real broker, owners and holders, signing with SUITE: 'counting' (counts, computes no crypto) or a suite of ppay suites, e.g. ed25519-jdk (small networks only). Counts are the same; a step the roles refuse stops the run. Slower and heavier than the default accounting-only path: the default scenario needs about 7 GB of heap (PPAY_JAVA_OPTS=-Xmx8g) and several times the CPU.")
    String rolesSuite;

    @Override
    public Integer call() {
        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter outWriter = spec.commandLine().getOut();
        try {
            final SimulationParameters base = baseParameters();
            final List<SimulationParameters> runs = sweepFile == null ? List.of(base) : SweepFile.read(sweepFile, base);
            final CostTable costs = costsFile == null ? CostTable.embeddedDefault() : CostTable.read(costsFile);
            final int threadCount = threads == null ? Sweep.defaultThreads() : threads;
            if (rolesSuite == null && !fits(runs, threadCount, err)) {
                return 2;
            }
            final ProgressBar bar = new ProgressBar(err, !noProgress && System.console() != null);
            final List<CostedRun> results = (rolesSuite == null ? new Sweep(runs, threadCount)
                    : new Sweep(runs, threadCount, RoleCoinProtocol.factory(rolesSuite.equals("counting")
                            ? new CountingSuite() : SignatureSuite.of(rolesSuite)))).run(costs, bar::update);
            bar.finish();
            RunsCsv.write(out, results);
            final Path timing = timingFile(out);
            RunsCsv.writeTiming(timing, results);
            for (int i = 0; i < results.size(); i++) {
                outWriter.println(summary(i, results.get(i)));
            }
            outWriter.println("wrote " + out + " (" + results.size() + " run" + (results.size() == 1 ? "" : "s")
                    + ", costs " + costs.id() + ") and " + timing);
            outWriter.flush();
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println("ppay simulate: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    /**
     * Prints the time and heap estimate of each large run and refuses a sweep whose busiest moment (its largest runs,
     * one per thread) needs more heap than this JVM may take, before any run starts.
     */
    private static boolean fits(List<SimulationParameters> runs, int threadCount, PrintWriter err) {
        for (int i = 0; i < runs.size(); i++) {
            final RunEstimate estimate = RunEstimate.of(runs.get(i));
            if (estimate.large()) {
                err.printf(Locale.ROOT, "ppay simulate: run %d, %d peers x %s days: %s%n", i, runs.get(i).networkSize(),
                        runs.get(i).simulatedDays(), estimate.describe());
            }
        }
        final long needed = RunEstimate.heapNeededBytes(runs, Math.min(threadCount, runs.size()));
        final long available = Runtime.getRuntime().maxMemory();
        if (needed > available) {
            err.printf(Locale.ROOT, "ppay simulate: refused: the runs need about %.1f GiB of heap at once, this JVM may"
                    + " take %.1f GiB; simulate fewer peers, days or threads, or raise the heap (PPAY_JAVA_OPTS=-Xmx%dg)%n",
                    needed / GIB, available / GIB, (long) Math.ceil(needed / GIB) + 1);
        }
        err.flush();
        return needed <= available;
    }

    private SimulationParameters baseParameters() {
        final Map<String, String> values = new LinkedHashMap<>();
        if (paramsFile != null) {
            final Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(paramsFile, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read parameters file " + paramsFile + ": " + e.getMessage(), e);
            }
            for (String name : properties.stringPropertyNames()) {
                values.put(name, properties.getProperty(name));
            }
        }
        for (String key : SimulationParameters.keys()) {
            final OptionSpec option = spec.findOption("--" + key);
            final String value = option == null ? null : option.getValue();
            if (value != null) {
                values.put(key, value);
            }
        }
        try {
            return SimulationParameters.defaults().with(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((paramsFile == null ? "" : "(parameters from options and " + paramsFile
                    + ") ") + e.getMessage(), e);
        }
    }

    static Path timingFile(Path runsCsv) {
        final String name = runsCsv.getFileName().toString();
        final String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return runsCsv.resolveSibling(stem + ".timing.csv");
    }

    private static String summary(int index, CostedRun run) {
        final SimulationParameters p = run.run().parameters();
        return String.format(Locale.ROOT,
                "run %d: %s %s x=%d downtime x%s: broker %.4g Hz (%.3g cores; reassignment %.3g, renewal %.3g),"
                        + " peer mean %.4g Hz p99 %.4g Hz, online %.1f%%, %.2f probes/query;"
                        + " %d events in %.1f s (%.3g events/s)",
                index, p.scheme(), p.windowType(), p.creditWindowSize(), p.downtimeMultiplier(), run.brokerHz(),
                run.brokerCoresBusy(), run.brokerHz(Task.REASSIGNMENT), run.brokerHz(Task.RENEWAL), run.peerMeanHz(),
                run.peerHzPercentile(99), 100 * run.run().meanFractionOnline(), run.run().tallies().probesPerQuery(),
                run.run().statistics().events(), run.run().statistics().wallSeconds(),
                run.run().statistics().eventsPerSecond());
    }

    /** Adds one {@code --<key>} option per simulation parameter, so every parameter has its own documented option. */
    static final class ParameterOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec commandSpec) {
            final SimulationParameters defaults = SimulationParameters.defaults();
            for (String key : SimulationParameters.keys()) {
                commandSpec.addOption(OptionSpec.builder("--" + key)
                        .paramLabel("VALUE")
                        .type(String.class)
                        .description((SimulationParameters.describe(key) + " Default: " + defaults.values().get(key) + ".")
                                .replace("%", "%%"))
                        .build());
            }
            return commandSpec;
        }
    }

    /** A one-line progress bar on standard error, redrawn when the percentage changes; silent when not on a terminal. */
    private static final class ProgressBar {
        private static final int WIDTH = 40;
        private final PrintWriter err;
        private final boolean enabled;
        private int lastPercent = -1;

        ProgressBar(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        synchronized void update(int runsDone, int runsTotal, double fraction) {
            final int percent = (int) Math.floor(100 * Math.min(1, fraction));
            if (!enabled || percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            final int filled = percent * WIDTH / 100;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% (" + runsDone + "/"
                    + runsTotal + " runs)");
            err.flush();
        }

        synchronized void finish() {
            if (enabled) {
                err.println();
                err.flush();
            }
        }
    }
}
