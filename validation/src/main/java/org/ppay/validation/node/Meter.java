package org.ppay.validation.node;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.ppay.sim.load.Task;
import org.ppay.validation.measure.OperationTimes;

/** What one process measured, by task: thread CPU time spent handling protocol work, and socket bytes in and out. */
public final class Meter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int TASKS = Task.values().length;

    private final AtomicLongArray cpuNanos = new AtomicLongArray(TASKS);
    private final AtomicLongArray bytesIn = new AtomicLongArray(TASKS);
    private final AtomicLongArray bytesOut = new AtomicLongArray(TASKS);
    private final Map<String, OperationTimes> operations = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** CPU time the calling thread set aside within the operation it is measuring (see {@link #setAside}). */
    private final ThreadLocal<long[]> asideNanos = ThreadLocal.withInitial(() -> new long[1]);

    /**
     * What reading the thread CPU clock twice costs (about 0.4 us on the development host): every interval measured
     * between two reads includes it once. It is nothing beside a signature, but a soft-credit step is 17 ns.
     */
    private static final long CLOCK_READ_NANOS;

    static {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        THREADS.setThreadCpuTimeEnabled(true);
        CLOCK_READ_NANOS = clockReadNanos();
    }

    private static long clockReadNanos() {
        final long[] pairs = new long[2_001];
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < pairs.length; i++) {
                final long first = THREADS.getCurrentThreadCpuTime();
                pairs[i] = THREADS.getCurrentThreadCpuTime() - first;
            }
        }
        java.util.Arrays.sort(pairs);
        return pairs[pairs.length / 2];
    }

    /** A frame is being handled: its numbers are not all recorded until {@link #handled()}. */
    public void handling() {
        inFlight.incrementAndGet();
    }

    public void handled() {
        inFlight.decrementAndGet();
    }

    /**
     * Waits (up to a second) until no frame is half recorded: a server thread records a frame's numbers just after it
     * has written the reply, so the driver's request for a report can overtake it.
     */
    public void awaitRecorded() {
        final long end = System.nanoTime() + 1_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < end) {
            LockSupport.parkNanos(100_000);
        }
        if (inFlight.get() > 0) {
            throw new IllegalStateException(inFlight.get() + " frames still being handled after a second");
        }
    }

    /** Forgets everything measured so far (after the warm-up pass); call only while no frame is being handled. */
    public void reset() {
        for (int t = 0; t < TASKS; t++) {
            cpuNanos.set(t, 0);
            bytesIn.set(t, 0);
            bytesOut.set(t, 0);
        }
        operations.clear();
    }

    /** CPU time of the calling thread so far, in nanoseconds. */
    public static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU time of the calling thread since {@code startNanos} (a {@link #threadCpuNanos()}), less the clock's own. */
    public static long cpuNanosSince(long startNanos) {
        return Math.max(0, THREADS.getCurrentThreadCpuTime() - startNanos - CLOCK_READ_NANOS);
    }

    public void cpu(Task task, long nanos) {
        cpuNanos.addAndGet(task.ordinal(), nanos);
    }

    public void in(Task task, long bytes) {
        bytesIn.addAndGet(task.ordinal(), bytes);
    }

    public void out(Task task, long bytes) {
        bytesOut.addAndGet(task.ordinal(), bytes);
    }

    /**
     * A request was answered with {@code reply}, on a clock started at {@code startCpuNanos} before the request was
     * read: the reply's bytes go out under the request's task, and the CPU since then, less what the thread set aside,
     * is charged to that task and recorded as {@code operation}.
     */
    public void answered(Frame request, Frame reply, long startCpuNanos, String operation) {
        answered(request, reply.sizeBytes(), startCpuNanos, operation);
    }

    /** As {@link #answered(Frame, Frame, long, String)}, for a reply of {@code replyBytes} in one or more frames. */
    public void answered(Frame request, long replyBytes, long startCpuNanos, String operation) {
        out(request.task(), replyBytes);
        final long nanos = cpuNanosSince(startCpuNanos) - takeSetAside();
        cpu(request.task(), nanos);
        operation(operation, nanos);
    }

    /** One operation (a handled frame or a performed step) took {@code nanos} of CPU. */
    public void operation(String name, long nanos) {
        operations.computeIfAbsent(name, n -> new OperationTimes()).record(nanos);
    }

    /**
     * A one-time cost met inside an operation (e.g. an audit trail's new segment): recorded as operation {@code name}
     * and left out of the enclosing operation and of its task's CPU time (see {@link #takeSetAside}).
     */
    public void setAside(String name, long nanos) {
        operation(name, nanos);
        asideNanos.get()[0] += nanos;
    }

    /**
     * Work measured inside an enclosing operation that belongs to another task (a probe's soft-credit bookkeeping):
     * charged to {@code task}, and left out of the enclosing operation and its task together with the two clock reads
     * that measured it (the enclosing interval holds both whole).
     */
    public void nested(Task task, long nanos) {
        cpu(task, nanos);
        asideNanos.get()[0] += nanos + 2 * CLOCK_READ_NANOS;
    }

    /** The CPU time the calling thread set aside since the last call, which its operation must not count. */
    public long takeSetAside() {
        final long[] cell = asideNanos.get();
        final long nanos = cell[0];
        cell[0] = 0;
        return nanos;
    }

    /** Every operation as {@code name=count:nanos:histogram} ({@link OperationTimes}), separated by spaces, by name. */
    public String encodeOperations() {
        final StringBuilder line = new StringBuilder();
        new TreeMap<>(operations).forEach((name, times) -> line.append(line.length() == 0 ? "" : " ").append(name)
                .append('=').append(times.encode()));
        return line.toString();
    }

    /** One line: for each task in order, {@code cpuNanos bytesIn bytesOut}. */
    public String encode() {
        final StringBuilder line = new StringBuilder();
        for (int t = 0; t < TASKS; t++) {
            line.append(t == 0 ? "" : " ").append(cpuNanos.get(t)).append(' ').append(bytesIn.get(t)).append(' ')
                    .append(bytesOut.get(t));
        }
        return line.toString();
    }
}
