package org.ppay.bench.audit;

/**
 * {@link AuditAppendBenchmark} with scattered serials: coin {@code c} has serial {@code c * 1 000 003}, so no two coins
 * share an index block and every serial lives in the index's fallback hash table (16-byte slots, 32 MiB at a million
 * coins): what an owner whose serials are not dense ranges pays. Same unit, parameters and goal.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AuditAppendScatteredBenchmark -prof gc}.
 */
public class AuditAppendScatteredBenchmark extends AuditAppendBenchmark {

    public AuditAppendScatteredBenchmark() {
        serialStride = SCATTERED_STRIDE;
    }
}
