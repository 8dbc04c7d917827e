package org.ppay.bench.protocol;

import java.util.ArrayList;
import java.util.List;
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
import org.ppay.core.broker.BrokerVerifier;
import org.ppay.core.broker.CashOutcome;
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
 * The certificate is the broker's own, so {@code cash} checks three signatures. This is the single-request price the
 * cost table's {@code broker_cash_coin} takes (its parameters are only {@code suite} and {@code poolSize}).
 *
 * <p>{@code cashBatched} is the broker cashing batches ({@link Broker#cashBatch}) under the batched verification
 * policy ({@link BrokerVerifier#batched}) on {@code verifierThreads} threads, for a realistic population
 * ({@link CashPopulation}: 16 owners with one certificate each, 48 holders, 1,024 requests). Each call takes one
 * request; every {@code batchSize}-th call cashes the {@code batchSize} taken so far as one batch, so the score is the
 * time per cash, batch work included (a drained queue). At {@code batchSize} 1 each call is the single-request
 * {@code cash} under the same policy (the batch verifier's own single check). Its parameters are its own state's, so
 * they never multiply {@code cash}'s results. Unit: ns/op (per cash), average time. Run: {@code java -jar
 * benchmarks/target/benchmarks.jar BrokerCashBenchmark -p suite=ed25519-accp,ed25519-bc -f 1 -wi 3 -i 5}.
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

    /** One cash request taken; every {@code batchSize}-th cashes the batch taken (the time per cash). */
    @Benchmark
    public Object cashBatched(Batches batches) {
        return batches.take();
    }

    /** The batched broker, its population and its queue. */
    @State(Scope.Thread)
    public static class Batches {

        /**
         * How long the set-up cashes before the first warm-up iteration. A batch of 64 takes milliseconds, so JMH's
         * warm-up seconds make only hundreds of batches, and the verifier's batch-sized methods (the multiplication,
         * the bisection) were still being compiled in the third warm-up second; cashing first, as a broker up for a
         * while has, puts the measurement on compiled code.
         */
        static final long WARM_NANOS = 4_000_000_000L;

        /** Requests a population holds: a multiple of every batch size, so a batch never spans two brokers. */
        static final int REQUESTS = 1_024;

        /** Cash requests per batch; 1 is the single-request path. */
        @Param({"1", "16", "64", "256"})
        public int batchSize;

        /** Threads the broker's batch verifier runs on (JMH calls from one). */
        @Param({"1", "2"})
        public int verifierThreads;

        private CashPopulation population;
        private BrokerVerifier verifier;
        private Broker broker;
        private byte[][] requests;
        private final List<byte[]> queue = new ArrayList<>();
        private int next;
        private int cashesSinceRenewal;

        @Setup(Level.Trial)
        public void setUp(SuiteChoice choice) {
            if (REQUESTS % batchSize != 0) {
                throw new IllegalArgumentException("batchSize " + batchSize + " does not divide " + REQUESTS);
            }
            population = new CashPopulation(choice.resolve(), REQUESTS);
            requests = population.requests();
            verifier = BrokerVerifier.batched(population.suite(), verifierThreads);
            renew();
            for (int i = 0; i < REQUESTS; i++) {
                Object answer = take();
                if (answer instanceof CashReceipt receipt) {
                    requirePaid(receipt);
                } else if (answer instanceof List<?> outcomes) {
                    for (Object outcome : outcomes) {
                        if (!((CashOutcome) outcome).isPaid()) {
                            throw new IllegalStateException("an honest coin was refused: " + outcome);
                        }
                        requirePaid(((CashOutcome) outcome).receipt());
                    }
                }
            }
            checkLedger();
            long deadline = System.nanoTime() + WARM_NANOS;
            while (System.nanoTime() - deadline < 0) {
                take();
            }
            renew();
        }

        /** Every cash since the broker was renewed was a coin's first, and kept the fee. */
        @TearDown(Level.Iteration)
        public void checkLedger() {
            long expected = ProtocolWorld.TARIFF.cashFeeCents() * cashesSinceRenewal;
            if (broker.ledger().revenueCents() != expected) {
                throw new IllegalStateException("the broker earned " + broker.ledger().revenueCents() + " cents in"
                        + " fees for " + cashesSinceRenewal + " cashes, not " + expected);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            verifier.close();
        }

        Object take() {
            if (next == requests.length) {
                renew();
            }
            byte[] request = requests[next++];
            if (batchSize == 1) {
                cashesSinceRenewal++;
                return broker.cash(request);
            }
            queue.add(request);
            if (queue.size() < batchSize) {
                return request;
            }
            List<CashOutcome> outcomes = broker.cashBatch(queue);
            cashesSinceRenewal += queue.size();
            queue.clear();
            return outcomes;
        }

        private void renew() {
            broker = population.freshBroker(verifier);
            next = 0;
            cashesSinceRenewal = 0;
        }

        private static void requirePaid(CashReceipt receipt) {
            if (receipt.evidence() != null || receipt.payoutCents() <= 0) {
                throw new IllegalStateException("an honest coin was not paid out: " + receipt);
            }
        }
    }
}
