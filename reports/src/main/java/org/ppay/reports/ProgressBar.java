package org.ppay.reports;

import java.io.PrintStream;
import java.util.Locale;
import org.ppay.sim.Sweep;

/**
 * The progress bar of a sweep, for {@code ppay simulate} and {@code ppay report} alike: runs done, time elapsed and
 * the time left, estimated from the fraction of all simulated time done so far. On a terminal it redraws in place;
 * elsewhere (CI logs) it prints a line every tenth of the way; disabled, it prints nothing.
 */
public final class ProgressBar implements Sweep.Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private int lastDecile = -1;
    private int lastPercent = -1;
    private boolean finished;

    public ProgressBar(PrintStream out, boolean terminal) {
        this(out, terminal, true);
    }

    public ProgressBar(PrintStream out, boolean terminal, boolean enabled) {
        this.out = out;
        this.terminal = terminal;
        this.enabled = enabled;
    }

    @Override
    public synchronized void update(int runsDone, int runsTotal, double fractionDone) {
        if (!enabled || finished) {
            return;
        }
        final double fraction = Math.max(0, Math.min(1, fractionDone));
        final int percent = (int) Math.floor(100 * fraction);
        final int decile = percent / 10;
        if (terminal ? percent == lastPercent && runsDone < runsTotal : decile == lastDecile && runsDone < runsTotal) {
            return;
        }
        lastPercent = percent;
        lastDecile = decile;
        final double elapsed = (System.nanoTime() - startNanos) / 1e9;
        final double left = fraction <= 0 ? 0 : elapsed / fraction * (1 - fraction);
        final int filled = (int) (WIDTH * fraction);
        final String line = String.format(Locale.ROOT, "[%s%s] %3d%% %d/%d runs, %s elapsed, ~%s left",
                "#".repeat(filled), ".".repeat(WIDTH - filled), percent, runsDone, runsTotal, duration(elapsed),
                duration(left));
        finished = runsDone == runsTotal;
        if (terminal) {
            out.print("\r" + line + (finished ? "\n" : ""));
            out.flush();
        } else {
            out.println(line);
        }
    }

    static String duration(double seconds) {
        final long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
