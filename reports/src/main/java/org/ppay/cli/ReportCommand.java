package org.ppay.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ppay.costs.CostTable;
import org.ppay.costs.TableChoice;
import org.ppay.costs.TableHost;
import org.ppay.reports.Figures;
import org.ppay.reports.ProgressBar;
import org.ppay.reports.Profile;
import org.ppay.reports.Report;
import org.ppay.reports.ReportPlan;
import org.ppay.sim.RunRow;
import org.ppay.sim.RunsCsv;
import org.ppay.sim.SweepFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ppay report}: the figures of section 7, with the paper's numbers beside ours. Plan, simulate, read: the plan
 * is every run of every figure, simulating writes OUT/runs.csv, and the report is rendered from runs.csv alone. Each
 * step can run apart: {@code --plan FILE} writes the plan, {@code ppay simulate --sweep FILE [--shard i/n]} runs
 * it (or a slice of it), and {@code --runs FILE...} renders from runs.csv files, merging shards.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Simulates the figures of section 7 of the PPay paper and writes, in --out: figure-N.csv/.svg/.png,"
                + " REPORT.md, a self-contained index.html and runs.csv.",
            "Steps apart: --plan FILE writes the plan (one run per line) and stops; ppay simulate --sweep FILE"
                + " [--shard i/n] runs it; --runs FILE... renders from runs.csv files (shards merged, checked complete)"
                + " without simulating, priced with --costs.",
            "Exit status: 0 when every run completed, 3 when some runs failed (they are listed in the report),"
                + " 2 for bad options or runs files that do not make the plan."})
public final class ReportCommand implements Callable<Integer> {

    /** Exit status when the report was written but some runs failed. */
    public static final int EXIT_FAILED_RUNS = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(exclusive = true)
    ProfileChoice profileChoice = new ProfileChoice();

    static final class ProfileChoice {
        @Option(names = "--quick", description = "CI-sized: small network, few points, 2 seeds (minutes).")
        boolean quick;

        @Option(names = "--full", description = "The paper's scale: 1,000 peers, 40 days, 5 seeds (about half an hour on 2 cores).")
        boolean full;

        @Option(names = "--profile", paramLabel = "NAME", description = "quick, standard (default) or full.")
        String profile;

        boolean given() {
            return quick || full || profile != null;
        }

        Profile resolve() {
            if (quick) {
                return Profile.QUICK;
            }
            if (full) {
                return Profile.FULL;
            }
            return Profile.named(profile == null ? "standard" : profile);
        }
    }

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--figures", paramLabel = "N[,N...]", split = ",",
            description = "Only these figures (1-9), e.g. --figures 1,6. Default: all.")
    List<Integer> figures = new ArrayList<>();

    @Option(names = "--costs", paramLabel = "FILE",
            description = "costs.csv to price the runs with (default: the calibration embedded in ppay).")
    Path costs;

    @Option(names = "--compare-costs", paramLabel = "FILE", arity = "1..*",
            description = "More costs.csv files: the same runs re-priced with each, figures in OUT/recosted/.")
    List<Path> compareCosts = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per point (default: the profile's).")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "S",
            description = "First seed; a point's runs use S, S+1, ... (default: 1).")
    Long firstSeed;

    @Option(names = "--threads", paramLabel = "N", description = "Simulations in parallel (default: all cores).")
    Integer threads;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "Write the plan (every run of every figure, one line each with its run id) to FILE and stop.")
    Path planFile;

    @Option(names = "--runs", paramLabel = "FILE", arity = "1..*",
            description = "Render from these runs.csv files (one, or every shard of the plan) instead of simulating;"
                    + " the plan is the one the files name.")
    List<Path> runsFiles = new ArrayList<>();

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        final CommandLine cl = spec.commandLine();
        final ReportPlan plan;
        final CostTable main;
        final List<CostTable> others = new ArrayList<>();
        final List<RunsCsv.RunsFile> files = new ArrayList<>();
        final int threadCount;
        if (!runsFiles.isEmpty()) {
            if (planFile != null) {
                throw new IllegalArgumentException("--plan writes a plan, --runs renders runs: give one of them");
            }
            if (profileChoice.given() || !figures.isEmpty() || seeds != null || firstSeed != null) {
                throw new IllegalArgumentException("with --runs the plan is the one the runs files name; drop"
                        + " --quick/--full/--profile/--figures/--seeds/--seed");
            }
            for (Path p : runsFiles) {
                files.add(RunsCsv.read(p));
            }
            plan = ReportPlan.parse(files.get(0).plan());
        } else {
            plan = planFromOptions();
        }
        if (planFile != null) {
            SweepFile.write(planFile, plan.sweepPlan());
            cl.getOut().println("ppay report: wrote the plan " + planFile + " (" + plan.runs().size() + " runs, "
                    + plan.name() + ", sha256 " + plan.sweepPlan().sha256() + ")");
            return CommandLine.ExitCode.OK;
        }
        main = costs == null ? TableChoice.forReport() : CostTable.read(costs);
        if (costs == null) {
            // the same figures with the broker priced as a lightly loaded one: what its regime moves
            TableChoice.besideReport().ifPresent(others::add);
        }
        for (Path p : compareCosts) {
            others.add(CostTable.read(p));
        }
        threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threadCount);
        }
        final String version = PpayCommand.versionText();
        cl.getErr().println("ppay report: " + TableHost.of(main).describe());
        if (files.isEmpty()) {
            final Path runsCsv = out.resolve("runs.csv");
            cl.getErr().printf("ppay report: profile %s, %d figures, %d runs on %d threads, costs %s%n",
                    plan.profile().name(), plan.figures().size(), plan.runs().size(), threadCount, main.id());
            Report.simulate(plan, main, threadCount, new ProgressBar(System.err, System.console() != null,
                    !noProgress), version, runsCsv);
            files.add(RunsCsv.read(runsCsv));
        }
        final List<RunRow> rows;
        rows = Report.read(plan, files);
        final Report.Outcome outcome = new Report(plan, main, others, version).write(out, rows,
                files.get(0).ppayVersion());
        cl.getOut().println("ppay report: wrote " + out.resolve("REPORT.md") + " and " + out.resolve("index.html")
                + " (" + outcome.runs() + " runs" + (runsFiles.isEmpty() ? "" : " from " + files.size() + " runs file"
                + (files.size() == 1 ? "" : "s")) + ")");
        if (outcome.failedRuns() > 0) {
            cl.getErr().println("ppay report: " + outcome.failedRuns() + " of " + outcome.runs()
                    + " runs FAILED; see the 'Failed runs' section of REPORT.md");
            return EXIT_FAILED_RUNS;
        }
        return CommandLine.ExitCode.OK;
    }

    private ReportPlan planFromOptions() {
        Profile profile = profileChoice.resolve();
        if (seeds != null) {
            if (seeds < 1) {
                throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
            }
            profile = profile.withSeeds(seeds);
        }
        final Set<Integer> chosen = new LinkedHashSet<>(figures);
        return new ReportPlan(profile, chosen.isEmpty() ? Figures.section7(profile)
                : Figures.select(Figures.section7(profile), chosen), firstSeed == null ? 1 : firstSeed);
    }
}
