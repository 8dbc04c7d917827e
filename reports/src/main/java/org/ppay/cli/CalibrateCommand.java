package org.ppay.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ppay.cli.bench.BenchProfile;
import org.ppay.core.transport.Placement;
import org.ppay.costs.ActionCatalog;
import org.ppay.costs.Calibrator;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostComparison;
import org.ppay.costs.CostEntry;
import org.ppay.costs.CostTable;
import org.ppay.costs.HostInfo;
import org.ppay.costs.JmhResult;
import org.ppay.costs.JmhResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ppay calibrate}: JMH results -> {@code costs.csv}; or {@code --compare} cost tables side by side, with an
 * optional regression gate ({@code --max-increase}).
 */
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        description = {"Turn JMH results (JSON or CSV, from ppay bench or java -jar benchmarks.jar) into the cost"
                + " table the simulator uses: costs.csv, one row per action.",
            "Or compare cost tables, a column per table with its ratio to the first: ppay calibrate --compare a.csv b.csv"
                + " [c.csv ...] [--max-increase PERCENT]",
            "Exit status: 0; 1 when --max-increase finds an action dearer than the first table's beyond the threshold"
                + " and the error bars; 2 for bad input, or a gate with no error bars to judge by."})
public final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS", arity = "0..*",
            description = "JMH result files (-rf json or -rf csv); with --compare, the costs.csv files (the first is the baseline).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--suite", paramLabel = "SUITE",
            description = "The signature suite to price the actions with (default: the only one in the results).")
    String suite;

    @Option(names = "--host", paramLabel = "FILE",
            description = "The run's host file (default: host.json beside the first results file).")
    Path hostFile;

    @Option(names = "--ghz", paramLabel = "GHZ",
            description = "Clock to convert ns to cycles, instead of the host file's measured one.")
    Double ghz;

    @Option(names = "--cpu-model", paramLabel = "TEXT",
            description = "CPU model for the table when there is no host file (with --ghz).")
    String cpuModel;

    @Option(names = {"--out", "-o"}, defaultValue = "costs.csv", paramLabel = "FILE",
            description = "Where to write the cost table (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--regime", paramLabel = "REGIME", defaultValue = "busy",
            description = "busy (default): every action at its back-to-back price. sparse: the broker's cash and"
                    + " limit certificate at their price after an idle gap that evicts the caches"
                    + " (IdleBrokerBenchmark), as at a lightly loaded broker, and messages handed over between two"
                    + " CPUs (see --placement).")
    String regime;

    @Option(names = "--placement", paramLabel = "PLACEMENT",
            description = "Where the two ends of a message run (MessageExchangeBenchmark's placement): same-cpu"
                    + " (the hand-off is a queue switch on a busy CPU; the busy regime's default) or spread (every"
                    + " message wakes an idle CPU, as at hosts that wait between messages; the sparse regime's"
                    + " default; 3-4x dearer on a VM).")
    String placement;

    @Option(names = "--compare", description = "Compare the cost tables given as arguments (two or more).")
    boolean compare;

    @Option(names = "--max-increase", paramLabel = "PERCENT",
            description = "With --compare: fail (exit 1) when an action's cycles/op in a later table exceed the first"
                    + " table's by more than PERCENT and by more than both tables' error bars together. Actions"
                    + " without error bars (smoke runs) are not judged; tables from the standard bench profile have"
                    + " them.")
    Double maxIncrease;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        if (compare) {
            return compare(console);
        }
        if (maxIncrease != null) {
            throw new ParameterException(spec.commandLine(), "--max-increase gates a --compare");
        }
        if (inputs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give at least one JMH result file");
        }
        if (ghz != null && !(ghz > 0 && ghz < 100)) {
            throw new ParameterException(spec.commandLine(), "--ghz must be a clock in GHz (> 0), was " + ghz);
        }
        ActionCatalog.Regime chosenRegime = regime();
        Placement chosenPlacement = placement(chosenRegime);
        List<JmhResult> results = new ArrayList<>();
        for (Path input : inputs) {
            results.addAll(JmhResults.read(input));
        }
        HostInfo host = host();
        Calibrator calibrator = new Calibrator(results, ActionCatalog.all(chosenRegime, chosenPlacement));
        String chosen = calibrator.chooseSuite(suite);
        Path fileName = out.getFileName();
        CostTable table = calibrator.calibrate(fileName == null ? out.toString() : fileName.toString(), chosen, host);
        table.write(out);
        console.printf("Wrote %s (%s): %d actions, suite %s, %s at %.3f GHz, %s regime, messages %s%n", out,
                table.id(), table.entries().size(), table.suite(), host.cpuModel(), host.ghz(),
                regime.toLowerCase(Locale.ROOT), chosenPlacement.label());
        for (CostEntry e : table.entries()) {
            console.printf(Locale.ROOT, "  %-30s %12.1f ns %12.0f cycles %6d bytes  %s%n", e.action().csvName(),
                    e.nsPerOp(), e.cyclesPerOp(), e.bytes(), e.sourceBenchmark());
        }
        for (CostAction action : table.unpriced()) {
            console.printf(Locale.ROOT, "  %-30s not priced (counted at 0): needs %s%n", action.csvName(),
                    ActionCatalog.all(chosenRegime, chosenPlacement).get(action).get(0).describe());
        }
        BenchProfile.of(host.profile()).map(BenchProfile::caveat).filter(c -> !c.isEmpty())
                .ifPresent(caveat -> console.println("note: " + caveat));
        console.flush();
        return 0;
    }

    private int compare(PrintWriter console) {
        if (inputs.size() < 2) {
            throw new ParameterException(spec.commandLine(), "--compare needs at least two costs.csv files, got "
                    + inputs.size());
        }
        if (maxIncrease != null && !(maxIncrease >= 0 && Double.isFinite(maxIncrease))) {
            throw new ParameterException(spec.commandLine(), "--max-increase must be a percentage >= 0, was "
                    + maxIncrease);
        }
        List<CostTable> tables = new ArrayList<>();
        for (Path input : inputs) {
            tables.add(CostTable.read(input));
        }
        console.print(CostComparison.format(tables));
        console.flush();
        if (maxIncrease == null) {
            return 0;
        }
        CostComparison.GateResult gate = CostComparison.gate(tables, maxIncrease / 100);
        PrintWriter err = spec.commandLine().getErr();
        if (gate.judged() == 0) {
            err.println("ppay calibrate: the gate judged nothing: no action has an error bar in both tables (a smoke"
                    + " run measures once); calibrate from ppay bench --profile standard");
            err.flush();
            return 2;
        }
        console.printf(Locale.ROOT, "%ngate: cycles/op of #2..#%d against #1, threshold +%.1f%% and beyond the error"
                + " bars: %d actions judged, %d not judged (no error bar)%n", tables.size(), maxIncrease,
                gate.judged(), gate.ungated().size());
        for (CostComparison.Regression r : gate.regressions()) {
            console.println("  REGRESSION " + r.describe());
        }
        console.flush();
        if (!gate.regressions().isEmpty()) {
            err.println("ppay calibrate: GATE FAILED: " + gate.regressions().size() + " action(s) dearer than #1 by"
                    + " more than " + maxIncrease + "% and their error bars");
            err.flush();
            return 1;
        }
        console.println("gate passed");
        console.flush();
        return 0;
    }

    private ActionCatalog.Regime regime() {
        for (ActionCatalog.Regime candidate : ActionCatalog.Regime.values()) {
            if (candidate.name().equalsIgnoreCase(regime)) {
                return candidate;
            }
        }
        throw new ParameterException(spec.commandLine(), "--regime must be busy or sparse, was " + regime);
    }

    private Placement placement(ActionCatalog.Regime chosenRegime) {
        if (placement == null) {
            return chosenRegime.placement();
        }
        try {
            return Placement.of(placement);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
    }

    private HostInfo host() {
        Path file = hostFile;
        if (file == null) {
            Path parent = inputs.get(0).toAbsolutePath().getParent();
            Path beside = parent == null ? null : parent.resolve("host.json");
            file = beside != null && Files.isRegularFile(beside) ? beside : null;
        } else if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "--host: no such file: " + file);
        }
        if (file != null) {
            HostInfo host = HostInfo.read(file);
            return ghz == null ? host : host.withGhz(ghz, "given with --ghz");
        }
        if (ghz == null) {
            throw new ParameterException(spec.commandLine(), "no host.json beside " + inputs.get(0)
                    + ": pass --host FILE, or --ghz (and --cpu-model) to convert ns to cycles");
        }
        return new HostInfo(cpuModel == null ? "unknown" : cpuModel, 0, ghz, "given with --ghz", 0, "", "", "",
                null, "", "");
    }
}
