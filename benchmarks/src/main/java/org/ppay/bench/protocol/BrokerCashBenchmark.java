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
import org.openjdk.jmh.infra.IterationParams;
import org.ppay.bench.Inputs;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.coin.MessageWriter;
import org.ppay.bench.crypto.SuiteChoice;

/**
 * What cashing a coin costs the broker, as the core's {@link org.ppay.core.broker.Broker#cash} does it: the holder's
 * cash request, the owner's assignment and the self-printed coin with its limit certificate are checked, the coin is
 * looked up in the ledger for an earlier claim, and the holder is paid.
 *
 * <p>A coin is cashed once, so each iteration's set-up (not measured) prints, assigns and signs a cash request for
 * {@code poolSize} fresh coins; an iteration that would need more fails with a message to raise {@code poolSize}.
 * Unit: ns/op, average time. Run: {@code java -jar benchmarks/target/benchmarks.jar BrokerCashBenchmark
 * -p suite=ed25519-accp}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class BrokerCashBenchmark {

    /** At most this many cash requests prepared per iteration ({@link PoolSizer} sizes the pool to the suite). */
    @Param({"20000"})
    public int poolSize;

    private ProtocolWorld world;
    private PoolSizer pools;
    private MessageWriter writer;
    private byte[][] requests;
    private int size;
    private int next;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice) {
        world = new ProtocolWorld(choice.resolve());
        pools = PoolSizer.measure(world.suite);
        writer = new MessageWriter(world.suite);
        world.owner.addLimitCertificate(world.broker.buyLimitCertificate(ProtocolWorld.OWNER, Integer.MAX_VALUE));
        requests = new byte[poolSize][];
    }

    @Setup(Level.Iteration)
    public void prepareCoins(IterationParams iteration) {
        // a cash checks the request, the assignment, the coin and its certificate: at least 4 verifies
        size = pools.inputs(iteration, 4, 0, poolSize);
        for (int i = 0; i < size; i++) {
            byte[] assignment = world.owner.assign(world.owner.printCoin(), ProtocolWorld.HOLDER_V);
            requests[i] = writer.cashRequest(world.holderVKeys, world.clock.nowSeconds(), assignment, 0,
                    assignment.length);
        }
        next = 0;
        CashReceipt receipt = cash();
        if (receipt.evidence() != null || receipt.payoutCents() <= 0) {
            throw new IllegalStateException("an honest coin was not paid out: " + receipt);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** BROKER_CASH_COIN: one coin cashed by its holder. */
    @Benchmark
    public CashReceipt cash() {
        if (next == size) {
            throw new IllegalStateException("all " + size + " prepared coins were cashed within one iteration:"
                    + " run with -p poolSize=" + 4 * poolSize);
        }
        return world.broker.cash(requests[next++]);
    }
}
