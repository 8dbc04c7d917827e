package org.ppay.bench.net;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.ppay.bench.Inputs;

/**
 * The answering end of an exchange, on its own thread: receives a message, sends the reply, and meters its own thread
 * CPU time for each half (receiving includes the wake-up after the blocking read; time blocked is not CPU time). Each
 * metered interval holds one read of the thread CPU clock, whose cost is measured once and left out.
 *
 * <p>Single writer: the totals are plain fields published by the volatile {@link #completed} count written last, so a
 * reader that has seen {@code completed >= n} sees the totals of the first {@code n} exchanges.
 */
final class EchoThread implements Runnable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Endpoint endpoint;
    private final long clockReadNanos;
    private final int cpu;
    private final Thread thread;
    private long receiveCpuNanos;
    private long sendCpuNanos;
    private volatile long completed;
    private volatile IOException failure;

    /** An echo over {@code endpoint} whose thread pins itself to {@code cpu} before it answers anything. */
    EchoThread(Endpoint endpoint, long clockReadNanos, int cpu) {
        this.endpoint = endpoint;
        this.clockReadNanos = clockReadNanos;
        this.cpu = cpu;
        this.thread = new Thread(this, "echo");
        thread.setDaemon(true);
    }

    static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The cost of one read of the thread CPU clock, on the calling thread (best of a few rounds). */
    static long clockReadNanos() {
        final int reads = 20_000;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            final long start = threadCpuNanos();
            long last = start;
            for (int i = 0; i < reads; i++) {
                last = threadCpuNanos();
            }
            best = Math.min(best, (last - start) / reads);
        }
        return best;
    }

    EchoThread start() {
        thread.start();
        return this;
    }

    @Override
    public void run() {
        int next = 0;
        try {
            CpuAffinity.pinCurrentThread(cpu);
        } catch (RuntimeException e) {
            failure = new IOException("the echo thread could not pin itself to CPU " + cpu, e);
            return;
        }
        long mark = threadCpuNanos();
        try {
            while (endpoint.receive() >= 0) {
                final long received = threadCpuNanos();
                endpoint.send(next++ & Inputs.MASK);
                final long sent = threadCpuNanos();
                receiveCpuNanos += received - mark - clockReadNanos;
                sendCpuNanos += sent - received - clockReadNanos;
                mark = sent;
                completed = completed + 1;
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Waits until {@code exchanges} replies have been sent and metered; fails if the thread stopped. */
    void awaitCompleted(long exchanges) {
        while (completed < exchanges) {
            if (!thread.isAlive()) {
                throw new IllegalStateException("the echo thread stopped after " + completed + " exchanges", failure);
            }
            Thread.onSpinWait();
        }
    }

    long completed() {
        return completed;
    }

    long receiveCpuNanos() {
        return receiveCpuNanos;
    }

    long sendCpuNanos() {
        return sendCpuNanos;
    }

    /** Closes the endpoint (which ends the blocking read) and waits for the thread. */
    void stop() throws IOException, InterruptedException {
        endpoint.close();
        thread.join(5_000);
    }
}
