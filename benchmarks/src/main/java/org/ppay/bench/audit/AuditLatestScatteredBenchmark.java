package org.ppay.bench.audit;

/**
 * {@link AuditLatestBenchmark} with scattered serials: coin {@code c} has serial {@code c * 1 000 003}, so no two coins
 * share an index block and every lookup probes the index's fallback hash table (16-byte slots, 32 MiB at a million
 * coins). Same unit, parameters and goal.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AuditLatestScatteredBenchmark}.
 */
public class AuditLatestScatteredBenchmark extends AuditLatestBenchmark {

    public AuditLatestScatteredBenchmark() {
        serialStride = SCATTERED_STRIDE;
    }
}
