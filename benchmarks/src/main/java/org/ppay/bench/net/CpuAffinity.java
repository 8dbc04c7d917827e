package org.ppay.bench.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ppay.core.transport.Placement;

/**
 * Pins the calling thread to one CPU, on Linux, without native code: the thread's kernel id is the last element of
 * {@code /proc/thread-self}, and util-linux's {@code taskset -p} sets the affinity of that id. Where a message wakes
 * its reader decides what the hand-off costs (a queue switch on a running CPU, or an idle CPU's wake-up), and the
 * scheduler would otherwise choose it anew in each JVM.
 */
final class CpuAffinity {

    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final Path PROCESS_STATUS = Path.of("/proc/self/status");

    private CpuAffinity() {
    }

    /** The CPUs this process may run on, in ascending order (its {@code Cpus_allowed_list}). */
    static List<Integer> allowedCpus() {
        return parseCpuList(statusField(PROCESS_STATUS, "Cpus_allowed_list"));
    }

    /** Pins the calling thread to {@code cpu} and checks that the kernel now reports exactly that CPU for it. */
    /** The CPU for the sending end (the benchmark thread) and for the answering end of {@code placement}. */
    static int[] cpus(Placement placement, List<Integer> allowed) {
        if (placement == Placement.SPREAD && allowed.size() < 2) {
            throw new IllegalStateException("placement spread needs two CPUs; this process may use only " + allowed);
        }
        return new int[] {allowed.get(0), placement == Placement.SPREAD ? allowed.get(1) : allowed.get(0)};
    }

    static void pinCurrentThread(int cpu) {
        final String threadId = threadId();
        final Process taskset;
        try {
            taskset = new ProcessBuilder("taskset", "-p", "-c", Integer.toString(cpu), threadId)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run taskset (util-linux) to pin a thread: " + e.getMessage(), e);
        }
        try {
            final String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!taskset.waitFor(10, TimeUnit.SECONDS) || taskset.exitValue() != 0) {
                throw new IllegalStateException("taskset could not pin thread " + threadId + " to CPU " + cpu + ": "
                        + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading taskset's output", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pinning a thread", e);
        }
        final List<Integer> now = parseCpuList(statusField(THREAD_SELF.resolve("status"), "Cpus_allowed_list"));
        if (!now.equals(List.of(cpu))) {
            throw new IllegalStateException("thread " + threadId + " should run on CPU " + cpu + " only, runs on "
                    + now);
        }
    }

    /** "0-2,5" -> [0, 1, 2, 5]. */
    static List<Integer> parseCpuList(String list) {
        final List<Integer> cpus = new ArrayList<>();
        for (String range : list.strip().split(",")) {
            final int dash = range.indexOf('-');
            try {
                final int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                final int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1));
                for (int cpu = first; cpu <= last; cpu++) {
                    cpus.add(cpu);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CPU list: '" + list + "'", e);
            }
        }
        return cpus;
    }

    private static String threadId() {
        try {
            return THREAD_SELF.toRealPath().getFileName().toString();
        } catch (IOException e) {
            throw new IllegalStateException("pinning threads needs Linux's /proc/thread-self: " + e.getMessage(), e);
        }
    }

    private static String statusField(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + status + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException(status + " has no " + field);
    }
}
