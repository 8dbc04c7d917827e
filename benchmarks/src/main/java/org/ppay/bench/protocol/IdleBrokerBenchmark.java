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
import org.ppay.bench.Inputs;
import org.ppay.bench.crypto.SuiteChoice;
import org.ppay.core.broker.Broker;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.coin.MessageWriter;

/**
 * The broker's two commonest actions as a lightly loaded broker performs them: each request arrives after an
 * {@link IdleGap} (a pause while other work evicts the caches), which is left out of the score. Compare with
 * {@link BrokerCashBenchmark#cash} and {@link BrokerBenchmark#issueLimitCertificate}, the same actions back to back:
 * the difference is what sparse requests cost beyond their hot price. {@code ppay calibrate --regime sparse} prices
 * the broker's actions from this class. Before the first gap each action runs back to back until compiled
 * ({@link Compilation}): the broker's code is cold in the caches, not new to the JIT.
 *
 * <p>Cash requests are made once per trial and replayed against a fresh broker each time they are used up
 * ({@link ReplayedPool}), as in {@link BrokerCashBenchmark}. Unit: ns/op, average time. Run: {@code java -jar benchmarks/target/benchmarks.jar
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
    /** Cash requests replayed per broker: the broker's renewal, inside the score, runs once per this many cashes. */
    private static final int POOL_SIZE = 128;

    private ProtocolWorld world;
    private ReplayedPool requests;
    private Broker broker;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice, BenchmarkParams params) {
        world = new ProtocolWorld(choice.resolve());
        MessageWriter writer = new MessageWriter(world.suite);
        world.certifyOwnerWithoutLimit();
        requests = new ReplayedPool(POOL_SIZE, i -> world.cashRequest(writer), () -> broker = world.freshBroker());
        requests.restart();
        CashReceipt receipt = broker.cash(requests.next());
        if (receipt.evidence() != null || receipt.payoutCents() <= 0) {
            throw new IllegalStateException("an honest coin was not paid out: " + receipt);
        }
        boolean cashing = params.getBenchmark().endsWith(".cash");
        Compilation.compile(() -> {
            if (cashing) {
                cash(null);
            } else {
                issueLimitCertificate(null);
            }
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** BROKER_CASH_COIN after an idle gap. */
    @Benchmark
    public CashReceipt cash(IdleGap gap) {
        byte[] request = requests.next();   // may renew the broker: read it after
        return broker.cash(request);
    }

    /** BROKER_ISSUE_LIMIT_CERTIFICATE after an idle gap. */
    @Benchmark
    public byte[] issueLimitCertificate(IdleGap gap) {
        return world.broker.buyLimitCertificate(ProtocolWorld.OWNER, COINS_PER_CERTIFICATE);
    }
}
