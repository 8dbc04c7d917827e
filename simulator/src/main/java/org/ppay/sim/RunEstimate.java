package org.ppay.sim;

import java.util.List;
import java.util.Locale;

/**
 * What a run will take before it starts: live heap from the formula of docs/simulator.md ("Memory"),
 * {@code a + b x days} bytes per peer with the query rate scaling the daily part, plus the dense tables of small
 * networks; wall time from the measured cost of a peer-day on the 2-core reference machine. Both are estimates of
 * the accounting-only path (not of {@code --roles}); the heap one is what a run is refused on.
 *
 * @param liveHeapBytes live heap at the end of the run
 * @param seconds       wall time of the run on the reference machine, one core
 */
public record RunEstimate(long liveHeapBytes, double seconds) {

    /** Per-peer bytes that do not grow with time (pong cache of 100, counters, ledger, pair rows, churn state). */
    static final double BYTES_PER_PEER = 1_300;
    /** Per-peer bytes per simulated day at the default query rate: open Payword chains and soft balances, coins. */
    static final double BYTES_PER_PEER_DAY = 3_700;
    /** Bytes per pong-cache entry above or below the default cache of 100, per peer. */
    static final double BYTES_PER_CACHE_ENTRY = 4;
    /** The JVM, classes and the run's fixed tables. */
    static final long FIXED_BYTES = 64L << 20;
    /**
     * CPU seconds per peer-day at the default query rate, measured on the shared 2-core machine: small networks stay in
     * cache (dense pair matrix, membership bit matrix), large ones miss on every probe (1.2 ms at 100,000 peers, 1.8
     * at 300,000, 2.0 at a million).
     */
    static final double SECONDS_PER_PEER_DAY_SMALL = 0.3e-3;
    static final double SECONDS_PER_PEER_DAY_LARGE = 1.2e-3;
    static final double SECONDS_PER_PEER_DAY_HUGE = 2.0e-3;
    /** Heap a run needs beyond its live data, for the collector to work without thrashing. */
    static final double HEADROOM = 1.3;

    /** The estimate for one run of {@code p}. */
    public static RunEstimate of(SimulationParameters p) {
        final double peers = p.networkSize();
        final double rate = p.queryRatePerSecond() / SimulationParameters.defaults().queryRatePerSecond();
        double bytes = FIXED_BYTES + peers * (BYTES_PER_PEER + BYTES_PER_CACHE_ENTRY * (p.pongCacheSize() - 100)
                + BYTES_PER_PEER_DAY * rate * p.simulatedDays());
        if (p.networkSize() <= 3000) {
            bytes += (2L * p.creditWindowSize() + 2 <= Byte.MAX_VALUE ? 1 : 4) * peers * peers;
        }
        if (p.networkSize() <= 4096) {
            bytes += peers * peers / 8;
        }
        final double perPeerDay = p.networkSize() <= 4096 ? SECONDS_PER_PEER_DAY_SMALL
                : p.networkSize() <= 200_000 ? SECONDS_PER_PEER_DAY_LARGE : SECONDS_PER_PEER_DAY_HUGE;
        return new RunEstimate((long) bytes, peers * p.simulatedDays() * rate * perPeerDay);
    }

    /** Heap to give the JVM for this run: the live heap with headroom for the collector. */
    public long heapNeededBytes() {
        return (long) (liveHeapBytes * HEADROOM);
    }

    /**
     * Heap the busiest moment of a sweep needs: the {@code threads} largest runs side by side.
     */
    public static long heapNeededBytes(List<SimulationParameters> runs, int threads) {
        return runs.stream().map(RunEstimate::of).mapToLong(RunEstimate::heapNeededBytes).boxed()
                .sorted((a, b) -> Long.compare(b, a)).limit(Math.max(1, threads)).mapToLong(Long::longValue).sum();
    }

    /** Whether the run is large enough that a user should hear the estimate before it starts. */
    public boolean large() {
        return heapNeededBytes() > (1L << 30) || seconds > 60;
    }

    /** "about 2.1 GiB of heap and 4 min" */
    public String describe() {
        return String.format(Locale.ROOT, "about %s of heap and %s", gib(heapNeededBytes()), duration(seconds));
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(1, seconds));
        }
        if (seconds < 5400) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
