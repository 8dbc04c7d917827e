package org.ppay.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ppay.costs.Calibrator;
import org.ppay.costs.CostEntry;
import org.ppay.costs.CostTable;
import org.ppay.costs.TableChoice;
import org.ppay.costs.JmhResults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ppay pipeline}: bench, calibrate, simulate and report in one go, by running the commands themselves, each
 * step reading the file the one before wrote: bench writes jmh-results.json, calibrate a costs.csv per suite,
 * {@code report --plan} the plan, simulate runs.csv, and {@code report --runs} renders it. Every suite the benchmark measured becomes a cost table; the report is priced
 * with the cheapest Ed25519 table (Ed25519 on the fastest provider) and re-priced with every other one (RSA-2048,
 * ECDSA, other providers, and the calibration embedded in ppay when there is one).
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Measure (ppay bench), price (ppay calibrate, one costs.csv per suite), simulate (ppay simulate)"
                + " and report (ppay report --runs) in one command.",
            "Writes OUT/bench/ (JMH results, host.json), OUT/costs-<suite>.csv, OUT/plan.txt, OUT/runs.csv and the"
                + " report in OUT."})
public final class PipelineCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", defaultValue = "standard", paramLabel = "NAME",
            description = "quick, standard (default) or full: for both the benchmarks and the report.")
    String profile;

    @Option(names = "--out", defaultValue = "reports/out", paramLabel = "DIR",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--suites", split = ",", paramLabel = "SUITE",
            description = "Signature suites to measure (default: every suite available here).")
    List<String> suites = new ArrayList<>();

    @Option(names = "--figures", paramLabel = "N[,N...]", description = "Only these figures, e.g. 1,6.")
    String figures;

    @Override
    public Integer call() {
        final Path benchDir = out.resolve("bench");
        final List<String> bench = new ArrayList<>(List.of("bench", "--profile", profile, "--out", benchDir.toString()));
        if (!suites.isEmpty()) {
            bench.add("--suites");
            bench.add(String.join(",", suites));
        }
        int status = step(bench);
        if (status != 0) {
            return status;
        }
        final Path results = benchDir.resolve("jmh-results.json");
        if (!Files.isRegularFile(results)) {
            spec.commandLine().getErr().println("ppay pipeline: bench wrote no " + results);
            return 1;
        }
        final List<Path> tables = new ArrayList<>();
        final List<String> uncalibrated = new ArrayList<>();
        for (String suite : new Calibrator(JmhResults.read(results)).suites()) {
            final Path costs = out.resolve("costs-" + suite + ".csv");
            status = step(List.of("calibrate", results.toString(), "--suite", suite, "--out", costs.toString()));
            if (status != 0) {
                uncalibrated.add(suite);
                continue;
            }
            tables.add(costs);
        }
        if (tables.isEmpty()) {
            spec.commandLine().getErr().println("ppay pipeline: the benchmark results price no signature suite");
            return 1;
        }
        final Path main = cheapestEd25519(tables);
        final Path planFile = out.resolve("plan.txt");
        final List<String> plan = new ArrayList<>(List.of("report", "--profile", profile, "--plan",
                planFile.toString()));
        if (figures != null) {
            plan.add("--figures");
            plan.add(figures);
        }
        status = step(plan);
        if (status != 0) {
            return status;
        }
        final Path runs = out.resolve("runs.csv");
        status = step(List.of("simulate", "--sweep", planFile.toString(), "--costs", main.toString(), "--out",
                runs.toString(), "--no-progress"));
        if (status != 0 && status != ReportCommand.EXIT_FAILED_RUNS) {
            return status;
        }
        final List<String> report = new ArrayList<>(List.of("report", "--runs", runs.toString(), "--out",
                out.toString(), "--costs", main.toString()));
        final List<Path> others = new ArrayList<>(tables);
        others.remove(main);
        if (CostTable.hasEmbeddedDefault()) {
            final Path embedded = out.resolve("costs-embedded-default.csv");
            CostTable.embeddedDefault().write(embedded);
            others.add(embedded);
        }
        if (!others.isEmpty()) {
            report.add("--compare-costs");
            for (Path p : others) {
                report.add(p.toString());
            }
        }
        status = step(report);
        if (!uncalibrated.isEmpty()) {
            spec.commandLine().getErr().println("ppay pipeline: FAILED to calibrate suite(s) " + uncalibrated
                    + " (see above); the report leaves them out");
            return status != 0 ? status : 1;
        }
        return status;
    }

    /** The table the pipeline's report is priced with ({@link TableChoice#cheapestEd25519}). */
    static Path cheapestEd25519(List<Path> tables) {
        return TableChoice.cheapestEd25519(tables);
    }

    /** Runs one ppay command on a fresh command line that writes where this one does. */
    private int step(List<String> args) {
        return CommandSteps.run(spec.commandLine(), args);
    }
}
