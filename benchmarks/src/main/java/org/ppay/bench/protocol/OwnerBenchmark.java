package org.ppay.bench.protocol;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ppay.bench.Inputs;
import org.ppay.bench.crypto.SuiteChoice;

/**
 * What printing a coin costs an owner, as the core's {@link org.ppay.core.owner.Owner} does it: the next serial of its
 * limit certificate signed into a self-printed coin (7) and kept among its coins.
 *
 * <p>Unit: ns/op, average time. Run: {@code java -jar benchmarks/target/benchmarks.jar protocol.OwnerBenchmark
 * -p suite=ed25519-accp}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class OwnerBenchmark {

    private ProtocolWorld world;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice) {
        world = new ProtocolWorld(choice.resolve());
        world.certifyOwnerWithoutLimit();
        long serial = printCoin();
        if (world.owner.coin(serial).length == 0 || world.owner.printableCoins() != Integer.MAX_VALUE - 1L) {
            throw new IllegalStateException("printing a coin did not use one serial of the certificate");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** OWNER_PRINT_COIN: one self-printed coin. */
    @Benchmark
    public long printCoin() {
        return world.owner.printCoin();
    }
}
