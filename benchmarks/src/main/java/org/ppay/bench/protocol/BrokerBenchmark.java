package org.ppay.bench.protocol;

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
import org.ppay.bench.crypto.SuiteChoice;

/**
 * What selling coins costs the broker, as the core's {@link org.ppay.core.broker.Broker} does it: reserving serials
 * in the owner's account and signing a raw coin (1) or a limit certificate (6).
 *
 * <p>Unit: ns/op, average time. Run: {@code java -jar benchmarks/target/benchmarks.jar protocol.BrokerBenchmark
 * -p suite=ed25519-accp}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class BrokerBenchmark {

    /** Coins a limit certificate covers: the work does not depend on it. */
    @Param({"1000"})
    public int coinsPerCertificate;

    private ProtocolWorld world;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice) {
        world = new ProtocolWorld(choice.resolve());
        long serial = world.owner.addRawCoin(printRawCoin());
        world.owner.addLimitCertificate(issueLimitCertificate());
        if (world.owner.coin(serial) == null || world.owner.printableCoins() != coinsPerCertificate) {
            throw new IllegalStateException("the owner refused what the broker sold");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** BROKER_PRINT_RAW_COIN: one raw coin sold to the owner. */
    @Benchmark
    public byte[] printRawCoin() {
        return world.broker.buyRawCoins(ProtocolWorld.OWNER, 1)[0];
    }

    /** BROKER_ISSUE_LIMIT_CERTIFICATE: one limit certificate sold to the owner. */
    @Benchmark
    public byte[] issueLimitCertificate() {
        return world.broker.buyLimitCertificate(ProtocolWorld.OWNER, coinsPerCertificate);
    }
}
