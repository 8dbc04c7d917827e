package org.ppay.bench.audit;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ppay.bench.Inputs;
import org.ppay.core.audit.AuditTrail;

/**
 * What closing a renewal epoch costs an owner (section 5.3): {@code purgeBefore} over an epoch of {@code proofs}
 * 200-byte proofs of as many coins, while the next epoch already holds a proof for each of them.
 *
 * <p>Unit: ms per purge, single shot (each iteration builds a fresh trail in its set-up, outside the measurement).
 * The cost is renaming the epoch's segment files to spares (up to 16; the rest are deleted) and writing the purge
 * horizon; the serial index is left alone (its entries for the purged records read as absent).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AuditPurgeBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class AuditPurgeBenchmark extends TrailState {

    @Param({"10000", "1000000"})
    public int proofs;


    @Setup(Level.Iteration)
    public void setUp() {
        openTrail();
        appendTwoProofsPerCoin(proofs, 1, AuditTrail.ProofType.RENEWAL);
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        if (trail.proofCount() != proofs) {
            throw new IllegalStateException("after the purge the trail holds " + trail.proofCount() + " proofs, not "
                + proofs);
        }
        closeTrail();
    }

    @Benchmark
    public long purge() {
        trail.purgeBefore(1);
        return trail.proofCount();
    }
}
