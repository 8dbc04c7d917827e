package org.ppay.bench.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.ppay.bench.crypto.SuiteChoice;
import org.ppay.core.broker.Broker;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.broker.FileLedgerJournal;
import org.ppay.core.broker.LedgerJournal;
import org.ppay.core.coin.MessageWriter;

/**
 * What durability adds to a cash: {@link Broker#cash} on one broker shared by every benchmark thread, its ledger in
 * memory ({@code ledger=memory}) or appended to a {@link FileLedgerJournal} and synced before each cash returns
 * ({@code ledger=durable}). With {@code -t 2} the two threads' records share syncs (group commit), so the durable
 * cost per cash falls towards the memory one as more callers wait on the same sync.
 *
 * <p>Each thread prints, assigns and signs the cash requests an iteration can use at most ({@link PoolSizer}: four
 * signature checks per cash, capped by {@code poolSize}) before the first iteration that needs them, not measured;
 * every iteration starts on a fresh broker with an empty ledger (and, durable, a fresh log file in
 * {@code java.io.tmpdir}, the disk measured), so every measured cash is a coin's first, honestly paid, and the
 * requests serve every iteration again. Unit: ns/op, average time per cash per thread. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar BrokerCashLedger -p suite=ed25519-accp -t 2}. The cost table
 * takes the in-memory cash from {@link BrokerCashBenchmark}; this benchmark answers a question of its own, so
 * {@code ppay bench} runs it only when {@code --include} names it (making fresh signed requests for every thread
 * costs minutes on RSA).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Benchmark)
public class BrokerCashLedgerBenchmark {

    /** Where the broker keeps its ledger: {@code memory} (today's broker) or {@code durable} (a synced log). */
    @Param({"memory", "durable"})
    public String ledger;

    /** The most cash requests a thread makes: caps what {@link PoolSizer} asks for. */
    @Param({"16384"})
    public int poolSize;

    private ProtocolWorld world;
    private PoolSizer sizer;
    private Path logDirectory;
    private LedgerJournal journal;
    private volatile Broker broker;
    private int renewals;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice) {
        if (!ledger.equals("memory") && !ledger.equals("durable")) {
            throw new IllegalArgumentException("ledger must be memory or durable, not " + ledger);
        }
        world = new ProtocolWorld(choice.resolve());
        world.certifyOwnerWithoutLimit();
        sizer = PoolSizer.measure(world.suite, world.holderVKeys);
        try {
            logDirectory = Files.createTempDirectory("ppay-ledger-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the ledger log", e);
        }
        renew();
        CashReceipt receipt = broker.cash(world.cashRequest(new MessageWriter(world.suite)));
        if (receipt.evidence() != null || receipt.payoutCents() <= 0) {
            throw new IllegalStateException("an honest coin was not paid out: " + receipt);
        }
    }

    /** A fresh broker, with a fresh log when durable, before every iteration. */
    @Setup(Level.Iteration)
    public void renew() {
        closeJournal();
        journal = ledger.equals("durable")
                ? LedgerJournal.open(logDirectory.resolve("ledger-" + renewals++ + ".log"))
                : LedgerJournal.memoryOnly();
        broker = world.freshBroker(journal);
    }

    /**
     * Every cash of the iteration was a coin's first: fees only, and money conserved. Durable, prints how many
     * records each sync covered (group commit: above 1 when callers shared syncs).
     */
    @TearDown(Level.Iteration)
    public void checkLedger() {
        long revenue = broker.ledger().revenueCents();
        if (revenue <= 0 || revenue % ProtocolWorld.TARIFF.cashFeeCents() != 0
                || broker.ledger().imbalanceCents() != 0) {
            throw new IllegalStateException("the broker's ledger is not a run of first cashes: " + broker.ledger());
        }
        if (journal instanceof FileLedgerJournal file) {
            System.out.printf(" [%d records, %d syncs: %.2f records per sync]", file.appendedRecords(),
                    file.syncs(), (double) file.appendedRecords() / Math.max(1, file.syncs()));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        closeJournal();
        world.close();
        try (var files = Files.list(logDirectory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(logDirectory);
    }

    private void closeJournal() {
        if (journal instanceof FileLedgerJournal file) {
            file.close();
            try {
                Files.delete(file.path());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file.path(), e);
            }
        }
        journal = null;
    }

    /** One thread's cash requests, made once per trial and cashed again by every iteration's fresh broker. */
    @State(Scope.Thread)
    public static class Requests {

        private byte[][] pool = new byte[0][];
        private int next;

        /** Rewinds to the first request, making more first when this iteration may need more. */
        @Setup(Level.Iteration)
        public void rewind(BrokerCashLedgerBenchmark shared, IterationParams iteration) {
            int wanted = shared.sizer.inputs(iteration, 4, 0, shared.poolSize);
            if (pool.length < wanted) {
                byte[][] larger = Arrays.copyOf(pool, wanted);
                MessageWriter writer = new MessageWriter(shared.world.suite);
                synchronized (shared.world) {   // one owner prints every thread's coins: distinct serials
                    for (int i = pool.length; i < wanted; i++) {
                        larger[i] = shared.world.cashRequest(writer);
                    }
                }
                pool = larger;
            }
            next = 0;
        }

        byte[] next() {
            if (next == pool.length) {
                throw new IllegalStateException("all " + pool.length + " cash requests of this thread were cashed"
                        + " in one iteration: PoolSizer underestimated the suite's speed, or -p poolSize capped it");
            }
            return pool[next++];
        }
    }

    /** One coin cashed by its holder, its ledger entry in memory or synced to the log. */
    @Benchmark
    public CashReceipt cash(Requests requests) {
        return broker.cash(requests.next());
    }
}
