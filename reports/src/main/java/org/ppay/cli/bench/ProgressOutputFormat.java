package org.ppay.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * Passes JMH's own output to a delegate (a log file) and prints one progress line per benchmark to the console: what
 * runs, how many remain, the estimated time left (measured average so far, the profile's estimate before that); then
 * its score and its wall time (fork, set-up and iterations), and at the end the whole run's wall time beside the
 * estimate printed at the start, so a profile's estimate can be checked against the machine.
 */
public final class ProgressOutputFormat implements OutputFormat {

    private final OutputFormat delegate;
    private final PrintStream console;
    private final int total;
    private final double estimatedSecondsEach;
    private final long startNanos = System.nanoTime();
    private long benchmarkStartNanos;
    private int started;
    private int finished;

    public ProgressOutputFormat(OutputFormat delegate, PrintStream console, int total, double estimatedSecondsEach) {
        this.delegate = delegate;
        this.console = console;
        this.total = total;
        this.estimatedSecondsEach = estimatedSecondsEach;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        started++;
        benchmarkStartNanos = System.nanoTime();
        double elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
        double each = finished == 0 ? estimatedSecondsEach : elapsedSeconds / finished;
        int remaining = Math.max(0, total - started + 1);
        console.printf("[%d/%d] %s %s  (%d to go including this one, about %s left)%n", started, total,
                shortName(params.getBenchmark()), describe(params), remaining, formatDuration(remaining * each));
        console.flush();
        delegate.startBenchmark(params);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        finished++;
        double wallSeconds = (System.nanoTime() - benchmarkStartNanos) / 1e9;
        if (result == null) {
            console.printf(Locale.ROOT, "        failed after %.1f s: see JMH's log for the reason%n", wallSeconds);
        } else {
            console.printf(Locale.ROOT, "        %.1f %s  (%.1f s)%n", result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreUnit(), wallSeconds);
        }
        delegate.endBenchmark(result);
        delegate.println(String.format(Locale.ROOT, "# Wall time of this benchmark run: %.1f s", wallSeconds));
    }

    static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    private static String describe(BenchmarkParams params) {
        Map<String, String> values = new TreeMap<>();
        for (String key : params.getParamsKeys()) {
            values.put(key, params.getParam(key));
        }
        return values.isEmpty() ? "" : values.toString();
    }

    /** {@code 42s}, {@code 3m05s} or {@code 1h20m}. */
    public static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        delegate.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
                                IterationResult data) {
        delegate.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        delegate.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        delegate.endRun(result);
        String summary = String.format("%d benchmark runs in %s (estimated %s)", finished,
                formatDuration((System.nanoTime() - startNanos) / 1e9), formatDuration(total * estimatedSecondsEach));
        console.println(summary);
        delegate.println("# " + summary);
    }

    @Override
    public void print(String s) {
        delegate.print(s);
    }

    @Override
    public void println(String s) {
        delegate.println(s);
    }

    @Override
    public void flush() {
        delegate.flush();
        console.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void verbosePrintln(String s) {
        delegate.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        delegate.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        delegate.write(b);
    }
}
