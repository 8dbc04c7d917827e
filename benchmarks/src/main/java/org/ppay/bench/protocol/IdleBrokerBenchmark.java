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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.ppay.bench.Inputs;
import org.ppay.bench.crypto.SuiteChoice;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.coin.MessageWriter;

/**
 * The broker's two commonest actions as a lightly loaded broker performs them: each request arrives after an
 * {@link IdleGap} (a pause while other work evicts the caches), which is left out of the score. Compare with
 * {@link BrokerCashBenchmark#cash} and {@link BrokerBenchmark#issueLimitCertificate}, the same actions back to back:
 * the difference is what sparse requests cost beyond their hot price. {@code ppay calibrate --regime sparse} prices
 * the broker's actions from this class.
 *
 * <p>At most one request per idle gap, so each iteration's set-up prepares as many cash requests as the iteration's
 * time holds gaps (not measured). Unit: ns/op, average time. Run: {@code java -jar benchmarks/target/benchmarks.jar
 * IdleBrokerBenchmark -p suite=ed25519-accp}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class IdleBrokerBenchmark {

    /** Coins a limit certificate covers: the work does not depend on it. */
    private static final int COINS_PER_CERTIFICATE = 1000;

    private ProtocolWorld world;
    private MessageWriter writer;
    private byte[][] requests;
    private int size;
    private int next;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice) {
        world = new ProtocolWorld(choice.resolve());
        writer = new MessageWriter(world.suite);
        world.owner.addLimitCertificate(world.broker.buyLimitCertificate(ProtocolWorld.OWNER, Integer.MAX_VALUE));
    }

    @Setup(Level.Iteration)
    public void prepareCashRequests(BenchmarkParams params, IterationParams iteration, IdleGap gap) {
        next = 0;
        size = 0;
        if (!params.getBenchmark().endsWith(".cash")) {
            return;
        }
        size = gap.invocationsWithin(iteration.getTime().convertTo(TimeUnit.NANOSECONDS)) + 1;
        requests = new byte[size][];
        for (int i = 0; i < size; i++) {
            byte[] assignment = world.owner.assign(world.owner.printCoin(), ProtocolWorld.HOLDER_V);
            requests[i] = writer.cashRequest(world.holderVKeys, world.clock.nowSeconds(), assignment, 0,
                    assignment.length);
        }
        CashReceipt receipt = world.broker.cash(requests[next++]);
        if (receipt.evidence() != null || receipt.payoutCents() <= 0) {
            throw new IllegalStateException("an honest coin was not paid out: " + receipt);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** BROKER_CASH_COIN after an idle gap. */
    @Benchmark
    public CashReceipt cash(IdleGap gap) {
        if (next == size) {
            throw new IllegalStateException("all " + size + " prepared cash requests were used within one iteration");
        }
        return world.broker.cash(requests[next++]);
    }

    /** BROKER_ISSUE_LIMIT_CERTIFICATE after an idle gap. */
    @Benchmark
    public byte[] issueLimitCertificate(IdleGap gap) {
        return world.broker.buyLimitCertificate(ProtocolWorld.OWNER, COINS_PER_CERTIFICATE);
    }
}
