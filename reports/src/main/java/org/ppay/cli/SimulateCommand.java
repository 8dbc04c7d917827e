package org.ppay.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.ppay.core.crypto.CountingSuite;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.costs.CostTable;
import org.ppay.costs.TableChoice;
import org.ppay.costs.TableHost;
import org.ppay.reports.ProgressBar;
import org.ppay.sim.RunEstimate;
import org.ppay.sim.RunRow;
import org.ppay.sim.RunStatistics;
import org.ppay.sim.RunsCsv;
import org.ppay.sim.SimulationParameters;
import org.ppay.sim.Sweep;
import org.ppay.sim.SweepFile;
import org.ppay.sim.SweepPlan;
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

    @Option(names = "--sweep", paramLabel = "FILE", description = "A plan: one run per line, key=value pairs separated by spaces (run=ID names the run); # starts a comment, # plan: NAME names the plan. ppay report --plan writes the report's.")
    Path sweepFile;

    @Option(names = "--costs", paramLabel = "FILE", description = "Cost table (costs.csv from ppay calibrate); default: the calibration embedded in this build.")
    Path costsFile;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "runs.csv", description = "Where to write runs.csv (default: ${DEFAULT-VALUE}; docs/runs-csv.md lists its columns); timings go to <name>.timing.csv beside it.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Runs in parallel (default: one per core).")
    Integer threads;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run only the i-th of n disjoint slices of the sweep (i from 0): the runs at positions i, i+n, i+2n, ... Merge the n files with ppay report --runs.")
    String shard;

    @Option(names = "--roles", paramLabel = "SUITE", description = "Also perform every protocol step with the core's real broker, owners and holders, signing with SUITE: 'counting' (counts, computes no crypto) or a suite of ppay suites, e.g. ed25519-jdk (small networks only). Counts are the same; a step the roles refuse stops the run. Slower and heavier than the default accounting-only path: the default scenario needs about 7 GB of heap (PPAY_JAVA_OPTS=-Xmx8g) and several times the CPU.")
    String rolesSuite;

    @Override
    public Integer call() {
        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter outWriter = spec.commandLine().getOut();
        final SweepPlan plan;
        final List<SweepPlan.Run> runs;
        final CostTable costs;
        final Sweep sweep;
        try {
            final SimulationParameters base = baseParameters();
            plan = sweepFile == null ? SweepPlan.numbered("single run", List.of(base)) : SweepFile.read(sweepFile, base);
            if (shard != null) {
                final int[] slice = SweepPlan.parseShard(shard);
                runs = plan.shard(slice[0], slice[1]);
            } else {
                runs = plan.runs();
            }
            costs = costsFile == null ? TableChoice.forReport() : CostTable.read(costsFile);
            final int threadCount = threads == null ? Sweep.defaultThreads() : threads;
            if (rolesSuite == null && !fits(runs.stream().map(SweepPlan.Run::parameters).toList(), threadCount, err)) {
                return 2;
            }
            sweep = rolesSuite == null ? Sweep.of(runs, threadCount)
                    : new Sweep(runs, threadCount, RoleCoinProtocol.factory(rolesSuite.equals("counting")
                            ? new CountingSuite() : SignatureSuite.of(rolesSuite)));
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println("ppay simulate: " + e.getMessage());
            err.flush();
            return 2;
        }
        err.println("ppay simulate: " + TableHost.of(costs).describe());
        err.flush();
        final List<Sweep.Outcome> results = sweep.run(costs, new ProgressBar(System.err, System.console() != null,
                !noProgress));
        final List<RunRow> rows = new ArrayList<>();
        int failed = 0;
        for (Sweep.Outcome o : results) {
            rows.add(o.row());
            failed += o.row().failed() ? 1 : 0;
        }
        try {
            RunsCsv.write(out, plan, PpayCommand.versionText(), rows);
            RunsCsv.writeTiming(RunsCsv.timingFile(out), results);
        } catch (UncheckedIOException e) {
            err.println("ppay simulate: " + e.getMessage());
            err.flush();
            return 1;
        }
        for (Sweep.Outcome o : results) {
            outWriter.println(summary(o));
        }
        outWriter.println("wrote " + out + " (" + rows.size() + " run" + (rows.size() == 1 ? "" : "s")
                + (shard == null ? "" : " of " + plan.runs().size() + ", shard " + shard) + ", costs " + costs.id()
                + ", plan sha256 " + plan.sha256() + ") and " + RunsCsv.timingFile(out));
        outWriter.flush();
        if (failed > 0) {
            err.println("ppay simulate: " + failed + " of " + rows.size() + " runs FAILED (status failed in " + out
                    + ")");
            err.flush();
            return 3;
        }
        return 0;
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

    private static String summary(Sweep.Outcome outcome) {
        final RunRow row = outcome.row();
        final SimulationParameters p = row.parameters();
        if (row.failed()) {
            return "run " + row.runId() + ": FAILED: " + row.error();
        }
        final Map<String, Double> l = row.priced();
        final RunStatistics s = outcome.statistics();
        return String.format(Locale.ROOT,
                "run %s: %s %s x=%d downtime x%s: broker %.4g Hz (%.3g cores; reassignment %.3g, renewal %.3g),"
                        + " peer mean %.4g Hz p99 %.4g Hz, online %.1f%%, %.2f probes/query;"
                        + " %d events in %.1f s (%.3g events/s)",
                row.runId(), p.scheme(), p.windowType(), p.creditWindowSize(), p.downtimeMultiplier(),
                l.get("broker_hz"), l.get("broker_cores_busy"), l.get("broker_hz_reassignment"),
                l.get("broker_hz_renewal"), l.get("peer_hz_mean"), l.get("peer_hz_p99"),
                100 * row.outcomes().get("fraction_online").doubleValue(),
                row.outcomes().get("probes_per_query").doubleValue(), s.events(), s.wallSeconds(),
                s.eventsPerSecond());
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
}
