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
import org.ppay.core.broker.Broker;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.coin.MessageWriter;

/**
 * What cashing a coin costs the broker, as the core's {@link org.ppay.core.broker.Broker#cash} does it: the holder's
 * cash request, the owner's assignment and the self-printed coin with its limit certificate are checked, the coin is
 * looked up in the ledger for an earlier claim, and the holder is paid.
 *
 * <p>A coin is cashed once, so the trial's set-up (not measured) prints, assigns and signs a cash request for
 * {@code poolSize} coins, and the broker is replaced by a fresh one with an empty ledger (same keys and accounts)
 * each time they have all been cashed ({@link ReplayedPool}): every measured cash is a coin's first, honestly paid.
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

    /** Cash requests made once per trial and replayed against a fresh broker each time they are used up. */
    @Param({"128"})
    public int poolSize;

    private ProtocolWorld world;
    private ReplayedPool requests;
    private Broker broker;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice) {
        world = new ProtocolWorld(choice.resolve());
        MessageWriter writer = new MessageWriter(world.suite);
        world.certifyOwnerWithoutLimit();
        requests = new ReplayedPool(poolSize, i -> world.cashRequest(writer), () -> broker = world.freshBroker());
        requests.restart();
        for (int round = 0; round < 2; round++) {
            CashReceipt receipt = cash();
            if (receipt.evidence() != null || receipt.payoutCents() <= 0) {
                throw new IllegalStateException("an honest coin was not paid out: " + receipt);
            }
            checkLedger();
            requests.restart();   // the second round proves a fresh broker pays the same request again
        }
    }

    /** Every cash since the broker was renewed was a coin's first, and kept the fee. */
    @TearDown(Level.Iteration)
    public void checkLedger() {
        long expected = ProtocolWorld.TARIFF.cashFeeCents() * requests.usedSinceRenewal();
        if (broker.ledger().revenueCents() != expected) {
            throw new IllegalStateException("the broker earned " + broker.ledger().revenueCents() + " cents in fees"
                    + " for " + requests.usedSinceRenewal() + " cashes, not " + expected);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** BROKER_CASH_COIN: one coin cashed by its holder. */
    @Benchmark
    public CashReceipt cash() {
        byte[] request = requests.next();   // may renew the broker: read it after
        return broker.cash(request);
    }
}
