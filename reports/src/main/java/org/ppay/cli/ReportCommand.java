package org.ppay.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ppay.costs.CostTable;
import org.ppay.reports.Figures;
import org.ppay.reports.ProgressBar;
import org.ppay.reports.Profile;
import org.ppay.reports.Report;
import org.ppay.reports.ReportPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ppay report}: the figures of section 7, with the paper's numbers beside ours. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Simulates the figures of section 7 of the PPay paper and writes, in --out: figure-N.csv/.svg/.png,"
                + " REPORT.md, a self-contained index.html and runs.csv.",
            "Exit status: 0 when every run completed, 3 when some runs failed (they are listed in the report),"
                + " 2 for bad options."})
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

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "First seed; a point's runs use S, S+1, ... (default: ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = "--threads", paramLabel = "N", description = "Simulations in parallel (default: all cores).")
    Integer threads;

    @Override
    public Integer call() {
        final CommandLine cl = spec.commandLine();
        Profile profile;
        final CostTable main;
        final List<CostTable> others = new ArrayList<>();
        final ReportPlan plan;
        final int threadCount;
        try {
            profile = profileChoice.resolve();
            if (seeds != null) {
                if (seeds < 1) {
                    throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
                }
                profile = profile.withSeeds(seeds);
            }
            final Set<Integer> chosen = new LinkedHashSet<>(figures);
            plan = new ReportPlan(profile, chosen.isEmpty() ? Figures.section7(profile)
                    : Figures.select(Figures.section7(profile), chosen), firstSeed);
            main = costs == null ? CostTable.embeddedDefault() : CostTable.read(costs);
            if (costs == null) {
                // the same figures with the broker priced as a lightly loaded one: what its regime moves
                CostTable.embeddedSparse().ifPresent(others::add);
            }
            for (Path p : compareCosts) {
                others.add(CostTable.read(p));
            }
            threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (threadCount < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threadCount);
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            cl.getErr().println("ppay report: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        final Report report = new Report(plan, main, others, threadCount,
                new ProgressBar(System.err, System.console() != null), PpayCommand.versionText());
        cl.getErr().printf("ppay report: profile %s, %d figures, %d runs on %d threads, costs %s%n", profile.name(),
                plan.figures().size(), plan.runs().size(), threadCount, main.id());
        final Report.Outcome outcome = report.run(out);
        cl.getOut().println("ppay report: wrote " + out.resolve("REPORT.md") + " and " + out.resolve("index.html")
                + " (" + outcome.runs() + " runs)");
        if (outcome.failedRuns() > 0) {
            cl.getErr().println("ppay report: " + outcome.failedRuns() + " of " + outcome.runs()
                    + " runs FAILED; see the 'Failed runs' section of REPORT.md");
            return EXIT_FAILED_RUNS;
        }
        return CommandLine.ExitCode.OK;
    }
}
