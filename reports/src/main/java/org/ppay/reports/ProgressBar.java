package org.ppay.reports;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar with the time left, estimated from the pace so far. On a terminal it redraws in place;
 * elsewhere (CI logs) it prints a line every tenth of the way.
 */
public final class ProgressBar implements SweepRunner.Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private int lastDecile = -1;

    public ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void runFinished(int done, int total, RunRecord record) {
        final double elapsed = (System.nanoTime() - startNanos) / 1e9;
        final double left = done == 0 ? 0 : elapsed / done * (total - done);
        final int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        final String line = String.format(Locale.ROOT, "[%s%s] %d/%d runs, %s elapsed, ~%s left%s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, duration(elapsed), duration(left),
                record.failed() ? " (a run FAILED: " + record.failure() + ")" : "");
        if (terminal) {
            out.print("\r" + line + (done == total ? "\n" : ""));
            out.flush();
        } else {
            final int decile = total == 0 ? 10 : 10 * done / total;
            if (decile != lastDecile || record.failed()) {
                lastDecile = decile;
                out.println(line);
            }
        }
    }

    static String duration(double seconds) {
        final long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
