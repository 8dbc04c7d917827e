package org.ppay.core.crypto;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The threads of one parallel verifier: {@link #run} runs task(0) on the caller and task(k) on helper k, and returns
 * when all are done. A helper that has finished spins for {@link #SPIN_NANOS} before it parks, and so does a caller
 * waiting for a helper: a batch hands work over once or twice (once more when it fails), and waking a parked thread
 * on an idle core costs tens of microseconds each time, where a spinning one answers in well under one. Nothing is
 * allocated per run, and each task index always runs on the same thread, so per-index scratch stays with one core.
 *
 * <p>One caller at a time (the verifier serialises its calls). Helpers are daemon threads; {@link #close()} stops them.
 */
final class VerifierCrew implements AutoCloseable {

    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final Helper[] helpers;
    private volatile boolean closed;

    /** A crew of {@code size} threads in all, the caller included: {@code size - 1} helpers named prefix-pool-k. */
    VerifierCrew(String prefix, AtomicInteger poolNumbers, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a crew needs at least 1 thread, was " + size);
        }
        int poolNumber = poolNumbers.incrementAndGet();
        helpers = new Helper[size - 1];
        for (int k = 0; k < helpers.length; k++) {
            helpers[k] = new Helper(k + 1);
            Thread thread = new Thread(helpers[k], prefix + "-" + poolNumber + "-" + (k + 1));
            thread.setDaemon(true);
            helpers[k].thread = thread;
        }
        for (Helper helper : helpers) {
            helper.thread.start();
        }
    }

    /** How many threads run tasks, the caller included. */
    int size() {
        return helpers.length + 1;
    }

    /**
     * Runs task(0..count-1), task 0 on the calling thread, and waits for all; rethrows the first failure (a
     * checked one wrapped in {@link IllegalStateException}) once every task has ended.
     */
    void run(int count, IntConsumer task) {
        if (closed) {
            throw new IllegalStateException("verifier crew is closed");
        }
        if (count < 1 || count > size()) {
            throw new IllegalArgumentException("count must be in [1, " + size() + "], was " + count);
        }
        Thread caller = Thread.currentThread();
        for (int k = 1; k < count; k++) {
            helpers[k - 1].post(task, caller);
        }
        Throwable failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (int k = 1; k < count; k++) {
            Throwable helperFailure = helpers[k - 1].awaitDone();
            if (failure == null) {
                failure = helperFailure;
            }
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("a verification share failed", failure);
        }
    }

    /** Stops the helpers (waiting up to 10 s for each); later runs throw {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        for (Helper helper : helpers) {
            LockSupport.unpark(helper.thread);
        }
        boolean interrupted = false;
        for (Helper helper : helpers) {
            try {
                helper.thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One helper thread. Hand-over in both directions is a volatile counter plus a "parked" flag that each side
     * sets before re-checking the counter, so a wake-up is never lost.
     */
    private final class Helper implements Runnable {

        private final int index;
        private Thread thread;
        private IntConsumer task;
        private Thread caller;
        private Throwable failure;
        private volatile int posted;
        private volatile int completed;
        private volatile boolean helperParked;
        private volatile boolean callerParked;

        Helper(int index) {
            this.index = index;
        }

        /** Caller side: hands over the task (the volatile write of posted publishes it). */
        void post(IntConsumer work, Thread callerThread) {
            task = work;
            caller = callerThread;
            failure = null;
            posted = posted + 1;
            if (helperParked) {
                LockSupport.unpark(thread);
            }
        }

        /** Caller side: waits for the posted task; returns its failure or null. */
        Throwable awaitDone() {
            int expected = posted;
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (completed != expected) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                    continue;
                }
                callerParked = true;
                if (completed != expected) {
                    LockSupport.park(this);
                }
                callerParked = false;
            }
            Throwable result = failure;
            failure = null;
            task = null;
            return result;
        }

        @Override
        public void run() {
            int seen = 0;
            while (true) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                while (posted == seen && !closed) {
                    if (System.nanoTime() < spinUntil) {
                        Thread.onSpinWait();
                        continue;
                    }
                    helperParked = true;
                    if (posted == seen && !closed) {
                        LockSupport.park(this);
                    }
                    helperParked = false;
                }
                if (closed) {
                    return;
                }
                seen = posted;
                try {
                    task.accept(index);
                } catch (Throwable e) {
                    failure = e;
                }
                completed = seen;
                if (callerParked) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }
}
