package org.ppay.validation.measure;

import org.ppay.sim.load.Task;

/** What processes measured, by task: CPU nanoseconds and socket bytes in and out (summed over the processes). */
public final class Measurement {

    private static final int TASKS = Task.values().length;

    private final long[] cpuNanos = new long[TASKS];
    private final long[] bytesIn = new long[TASKS];
    private final long[] bytesOut = new long[TASKS];

    /** Adds one process's {@code REPORT} numbers: per task, cpuNanos bytesIn bytesOut. */
    public void add(String report) {
        final String[] f = report.trim().split(" ");
        if (f.length != 3 * TASKS) {
            throw new IllegalArgumentException("a report has " + 3 * TASKS + " numbers, got " + f.length + ": '"
                    + report + "'");
        }
        for (int t = 0; t < TASKS; t++) {
            cpuNanos[t] += Long.parseLong(f[3 * t]);
            bytesIn[t] += Long.parseLong(f[3 * t + 1]);
            bytesOut[t] += Long.parseLong(f[3 * t + 2]);
        }
    }

    public long cpuNanos(Task task) {
        return cpuNanos[task.ordinal()];
    }

    public long bytesIn(Task task) {
        return bytesIn[task.ordinal()];
    }

    public long bytesOut(Task task) {
        return bytesOut[task.ordinal()];
    }
}
