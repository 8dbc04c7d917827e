package org.ppay.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.ppay.bench.Inputs;
import org.ppay.cli.bench.BenchPlan;
import org.ppay.cli.bench.BenchProfile;
import org.ppay.cli.bench.HostProbe;
import org.ppay.cli.bench.ProgressOutputFormat;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.costs.ClockProbe;
import org.ppay.costs.HostInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ppay bench}: runs the JMH suite through JMH's Runner and writes its JSON results plus a host file. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {"Measure what signatures, messages and protocol actions cost on this machine (JMH).",
            "Writes DIR/jmh-results.json (JMH's own -rf json output), DIR/host.json (CPU, measured clock, OS, JDK,"
                + " providers) and DIR/jmh-output.txt (JMH's log). Then: ppay calibrate DIR/jmh-results.json"})
public final class BenchCommand implements Callable<Integer> {

    /** Every benchmark of the suite lives under this package. */
    static final String SUITE_PACKAGE = "org\\.ppay\\.bench\\.";

    /**
     * Benchmarks that price no action of the cost table and answer a question of their own (what a synced ledger adds
     * to a cash): left out unless {@code --include} is given.
     */
    static final List<String> ON_REQUEST = List.of("BrokerCashLedgerBenchmark");

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "standard",
            description = "smoke (cold, one 0.2 s iteration: proves it runs), quick (whole suite in about 10 minutes"
                    + " on 2 cores, rough error bars), standard (default; 2 forks) or full.")
    String profileName;

    @Option(names = "--suites", split = ",", paramLabel = "SUITE",
            description = "Signature suites to measure, e.g. ed25519-bc,ecdsa-p256-jdk (default: every suite"
                    + " available here).")
    List<String> suites;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Only benchmarks whose full name matches (repeatable), e.g. Signature or GuessProbe.")
    List<String> includes;

    @Option(names = "--param", paramLabel = "NAME=V1[,V2...]",
            description = "Run a JMH parameter at these values only, in every benchmark that has it (repeatable),"
                    + " e.g. --param transport=udp --param placement=same-cpu,spread. The suites are --suites.")
    List<String> paramValues = new ArrayList<>();

    @Option(names = "--out", defaultValue = "bench-results", paramLabel = "DIR",
            description = "Directory for the results (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--list", description = "Print what would run, and the estimated time, without running it.")
    boolean listOnly;

    @Override
    public Integer call() throws IOException {
        PrintStream console = System.out;
        BenchProfile profile = profile();
        List<String> suiteNames = suiteNames();
        List<String> patterns = includes == null || includes.isEmpty() ? List.of(SUITE_PACKAGE)
                : includes.stream().map(p -> SUITE_PACKAGE + ".*" + p).toList();
        for (String pattern : patterns) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new ParameterException(spec.commandLine(), "--include: not a regular expression: "
                        + e.getDescription());
            }
        }
        List<String> excludes = new ArrayList<>();
        if (includes == null || includes.isEmpty()) {
            excludes.addAll(ON_REQUEST);
        }
        Map<String, List<String>> overrides = overrides(suiteNames);
        OutputFormat quiet = OutputFormatFactory.createFormatInstance(console, VerboseMode.SILENT);
        BenchPlan plan = BenchPlan.of(quiet, patterns, excludes, overrides);
        if (suiteNames.isEmpty()) {
            List<String> needSuites = plan.benchmarksWithParam("suite");
            if (!needSuites.isEmpty()) {
                console.println("No signature suite is available in this build: skipping " + needSuites);
                for (String name : needSuites) {
                    excludes.add(Pattern.quote(name) + "$");
                }
                plan = BenchPlan.of(quiet, patterns, excludes, overrides);
            }
        }
        if (plan.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no benchmark matches " + patterns
                    + (excludes.isEmpty() ? "" : " once " + excludes + " are left out"));
        }
        for (String name : overrides.keySet()) {
            if (!name.equals("suite") && plan.benchmarksWithParam(name).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--param " + name + ": no selected benchmark has a"
                        + " parameter of that name");
            }
        }
        double estimate = plan.runs() * profile.estimatedSecondsPerBenchmark();
        console.printf("ppay bench: %d benchmark runs, profile %s, suites %s; about %s%n", plan.runs(),
                profile.label(), suiteNames.isEmpty() ? "none" : String.join(",", suiteNames),
                ProgressOutputFormat.formatDuration(estimate));
        if (listOnly) {
            for (int i = 0; i < plan.entries().size(); i++) {
                console.printf("  %s  (%d parameter combination%s)%n", plan.entries().get(i).getUsername(),
                        plan.combinations().get(i), plan.combinations().get(i) == 1 ? "" : "s");
            }
            return 0;
        }

        Files.createDirectories(out);
        Path results = out.resolve("jmh-results.json");
        Path log = out.resolve("jmh-output.txt");
        console.println("Measuring the clock ...");
        HostInfo host = HostProbe.describe(profile.label());
        console.printf("  %s, %d cores, %.3f GHz measured (/proc/cpuinfo says %.0f MHz)%n", host.cpuModel(),
                host.cores(), host.ghz(), host.cpuinfoMhz());

        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(profile.forks())
                .warmupIterations(profile.warmupIterations())
                .warmupTime(profile.warmupTime())
                .measurementIterations(profile.measurementIterations())
                .measurementTime(profile.measurementTime())
                .timeUnit(TimeUnit.NANOSECONDS)
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend(Inputs.AGRONA_EXPORTS)
                .resultFormat(ResultFormatType.JSON)
                .result(results.toString())
                .shouldFailOnError(false);
        for (String pattern : patterns) {
            options.include(pattern);
        }
        for (String exclude : excludes) {
            options.exclude(exclude);
        }
        for (Map.Entry<String, List<String>> param : overrides.entrySet()) {
            if (!param.getValue().isEmpty()) {
                options.param(param.getKey(), param.getValue().toArray(String[]::new));
            }
        }
        Collection<RunResult> done;
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            OutputFormat jmhLog = OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL);
            ProgressOutputFormat progress = new ProgressOutputFormat(jmhLog, console, plan.runs(),
                    profile.estimatedSecondsPerBenchmark());
            done = new Runner(options.build(), progress).run();
        } catch (RunnerException e) {
            // e.g. another JMH run on this machine holds /tmp/jmh.lock: measuring beside it would be wrong
            throw new IllegalStateException("JMH did not run: " + e.getMessage(), e);
        }
        // The machine is often shared: the best of the clock before and after the run is the core's own clock.
        double ghzAfter = ClockProbe.measureGhz();
        if (ghzAfter > host.ghz()) {
            host = host.withGhz(ghzAfter, ClockProbe.METHOD + ", after the run (before: "
                    + String.format(Locale.ROOT, "%.3f", host.ghz()) + " GHz)");
        }
        host.write(out.resolve("host.json"));
        int failed = plan.runs() - done.size();
        console.printf("Wrote %s, %s and %s%n", results, out.resolve("host.json"), log);
        if (failed > 0) {
            console.printf("%d of %d benchmark runs failed; %s says why.%n", failed, plan.runs(), log);
            return 1;
        }
        console.printf("Next: ppay calibrate %s%n", results);
        return 0;
    }

    /** The suites, and every {@code --param}, by parameter name. */
    private Map<String, List<String>> overrides(List<String> suiteNames) {
        Map<String, List<String>> overrides = new LinkedHashMap<>();
        overrides.put("suite", suiteNames);
        for (String given : paramValues) {
            int equals = given.indexOf('=');
            String name = equals < 0 ? "" : given.substring(0, equals).trim();
            List<String> values = equals < 0 ? List.of() : List.of(given.substring(equals + 1).split(",")).stream()
                    .map(String::trim).filter(v -> !v.isEmpty()).toList();
            if (name.isEmpty() || values.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--param: expected NAME=V1[,V2...], got '" + given
                        + "'");
            }
            if (name.equals("suite")) {
                throw new ParameterException(spec.commandLine(), "--param: give the suites with --suites");
            }
            overrides.put(name, values);
        }
        return overrides;
    }

    private BenchProfile profile() {
        return BenchProfile.of(profileName).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--profile: unknown profile '" + profileName + "' (expected smoke, quick, standard or full)"));
    }

    private List<String> suiteNames() {
        if (suites == null || suites.isEmpty()) {
            return SignatureSuite.available().stream().map(SignatureSuite::name).toList();
        }
        List<String> names = new ArrayList<>();
        for (String name : suites) {
            try {
                names.add(SignatureSuite.of(name.trim()).name());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--suites: " + e.getMessage());
            }
        }
        return names;
    }
}
