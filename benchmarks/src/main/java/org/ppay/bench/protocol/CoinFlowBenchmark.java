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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.ppay.bench.Inputs;
import org.ppay.bench.crypto.SuiteChoice;
import org.ppay.core.broker.Broker;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.holder.Holder;
import org.ppay.core.wire.MessageType;

/**
 * What moving a coin costs each role, through the core's own {@link org.ppay.core.owner.Owner},
 * {@link org.ppay.core.holder.Holder} and {@link org.ppay.core.broker.Broker}: the owner assigning a printed coin
 * (2)/(9), a holder checking and taking an assignment, the owner processing a reassignment request (3) into a new
 * assignment (4) with a proof appended to its memory-mapped audit trail, and the broker doing so for an offline owner
 * (5); the same for renewal requests (10) into renewed assignments (11), each pool's renewal window opened by the
 * world's clock.
 *
 * <p>Each step changes the state it needs, so inputs are used once by the role that takes them. The holder's and the
 * broker's ({@code holderCheckAssignment}, {@code brokerReassign}, {@code brokerRenew}) are {@code replayedInputs}
 * inputs made once per trial and replayed, the role renewed from its keys whenever they are used up
 * ({@link ReplayedPool}). The owner's are made between iterations ({@link ConsumedPool}), as many as the iteration
 * can use at the suite's speed ({@link PoolSizer}) less those the last one left, at most {@code 4 * poolSize} printed
 * coins for {@code ownerAssign} and {@code poolSize} requests for the others; an iteration that needs more fails.
 * Unit: ns/op, average time. Run: {@code java -jar benchmarks/target/benchmarks.jar CoinFlowBenchmark
 * -p suite=ed25519-accp}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class CoinFlowBenchmark {

    /**
     * At most this many owner inputs made per iteration (four times this many printed coins for ownerAssign). A cap,
     * not a size: the full profile's 2 s iterations use about 280000 printed coins and 50000 requests with a fast
     * suite on a 4 GHz core, so it must stay above those.
     */
    @Param({"120000"})
    public int poolSize;

    /** Holder and broker inputs made once per trial and replayed against a renewed role. */
    @Param({"128"})
    public int replayedInputs;

    private ProtocolWorld world;
    private MessageWriter writer;
    private String method;
    private PoolSizer pools;
    private ConsumedPool<Long> serials;
    private ConsumedPool<byte[]> requests;
    private ReplayedPool replayed;
    private Holder holder;
    private Broker broker;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice, BenchmarkParams params) {
        world = new ProtocolWorld(choice.resolve());
        writer = new MessageWriter(world.suite);
        world.certifyOwnerWithoutLimit();
        method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        switch (method) {
            case "holderCheckAssignment" -> replayHolderChecks();
            case "brokerReassign", "brokerRenew" -> replayDowntime(method.equals("brokerRenew"));
            case "ownerAssign" -> {
                pools = PoolSizer.measure(world.suite, world.ownerKeys);
                serials = new ConsumedPool<>(world.owner::printCoin);
            }
            case "ownerReassign" -> {
                pools = PoolSizer.measure(world.suite, world.ownerKeys);
                requests = new ConsumedPool<>(() -> world.reassignmentRequest(writer));
            }
            case "ownerPeelOneLayer" -> {
                pools = PoolSizer.measure(world.suite, world.ownerKeys);
                requests = new ConsumedPool<>(() -> {
                    byte[] assignment = world.freshAssignment();
                    return writer.layer(world.holderVKeys, ProtocolWorld.HOLDER_X, 2, assignment, 0,
                            assignment.length);
                });
            }
            case "ownerRenew" -> {
                pools = PoolSizer.measure(world.suite, world.ownerKeys);
                requests = new ConsumedPool<>(() -> world.renewalRequest(writer));
            }
            default -> throw new IllegalStateException("no inputs for benchmark method " + method);
        }
    }

    /** The window every coin assigned now must be renewed in opens at this second. */
    private long renewalWindowBegin() {
        return ProtocolWorld.SCHEDULE.firstWindowBegin(world.clock.nowSeconds());
    }

    private void replayHolderChecks() {
        replayed = new ReplayedPool(replayedInputs, i -> world.freshAssignment(), () -> holder = world.freshHolderV());
        replayed.restart();
        for (int round = 0; round < 2; round++) {
            CoinKey first = holderCheckAssignment();
            if (first.owner() != ProtocolWorld.OWNER || !holder.holds(first)) {
                throw new IllegalStateException("the holder did not keep an honest assignment: " + first);
            }
            replayed.restart();   // the second round proves a renewed holder takes the same input again
        }
    }

    private void replayDowntime(boolean renewal) {
        long windowBegin = renewalWindowBegin();
        replayed = new ReplayedPool(replayedInputs,
                i -> renewal ? world.renewalRequest(writer) : world.reassignmentRequest(writer),
                () -> broker = world.freshBroker());
        if (renewal) {
            // every coin of the pool was assigned in the same period: open their common renewal window
            world.clock.set(windowBegin + 1);
        }
        world.owner.goOffline();
        replayed.restart();
        for (int round = 0; round < 2; round++) {
            byte[] assignment = renewal ? brokerRenew() : brokerReassign();
            ProtocolWorld.requireAnswer("the broker's downtime request", MessageType.BROKER_ASSIGNMENT, assignment);
            checkDowntimeLedger();
            replayed.restart();   // the second round proves a renewed broker takes the same input again
        }
    }

    @Setup(Level.Iteration)
    public void prepareIteration(IterationParams iteration) {
        switch (method) {
            // a printed coin is assigned with one signature
            case "ownerAssign" -> serials.topUp(pools.inputs(iteration, 0, 1, 4 * poolSize));
            // at least the request checked and the new assignment signed
            case "ownerReassign", "ownerPeelOneLayer" -> requests.topUp(pools.inputs(iteration, 1, 1, poolSize));
            case "ownerRenew" -> {
                // every pool's coins are assigned at the world's start, so leftovers and new ones share one window
                world.clock.set(ProtocolWorld.START_SECONDS);
                long windowBegin = renewalWindowBegin();
                requests.topUp(pools.inputs(iteration, 1, 1, poolSize) + 1);
                world.clock.set(windowBegin + 1);
                // One renewal unmeasured, checked: the first proof of the window's epoch opens a new audit segment (a
                // file mapped: milliseconds, hundreds on a busy disk), once per period for a real owner.
                ProtocolWorld.requireAnswer("the owner's renewal request", MessageType.ASSIGNMENT, ownerRenew());
            }
            default -> {
                // the replayed pools were made for the whole trial
            }
        }
    }

    /** Every downtime operation since the broker was renewed was a first one, charged to both parties. */
    @TearDown(Level.Iteration)
    public void checkIteration() {
        if (method.equals("brokerReassign") || method.equals("brokerRenew")) {
            checkDowntimeLedger();
        } else if (method.equals("holderCheckAssignment") && holder.coins().size() != replayed.usedSinceRenewal()) {
            throw new IllegalStateException("the holder kept " + holder.coins().size() + " coins of "
                    + replayed.usedSinceRenewal() + " assignments");
        }
    }

    private void checkDowntimeLedger() {
        long expected = 2 * ProtocolWorld.TARIFF.downtimeFeeCents() * replayed.usedSinceRenewal();
        if (broker.ledger().revenueCents() != expected) {
            throw new IllegalStateException("the broker earned " + broker.ledger().revenueCents() + " cents for "
                    + replayed.usedSinceRenewal() + " downtime operations, not " + expected
                    + ": some were not first ones");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** OWNER_ASSIGN: a printed coin assigned to a holder. */
    @Benchmark
    public byte[] ownerAssign() {
        return world.owner.assign(serials.take(), ProtocolWorld.HOLDER_V);
    }

    /** HOLDER_CHECK_ASSIGNMENT: the holder checks an assignment (owner's signature, coin, certificate) and keeps it. */
    @Benchmark
    public CoinKey holderCheckAssignment() {
        byte[] assignment = replayed.next();   // may renew the holder: read it after
        return holder.receive(assignment);
    }

    /** OWNER_PROCESS_REASSIGNMENT: request checked, proof appended to the audit trail, new assignment signed. */
    @Benchmark
    public byte[] ownerReassign() {
        return world.owner.reassign(requests.take());
    }

    /**
     * A coin with one layer (8) peeled by its owner: the layer checked and recorded in the audit trail, then the new
     * assignment signed. OWNER_PEEL_LAYER is this less {@link #ownerAssign} (the calibration subtracts it).
     */
    @Benchmark
    public byte[] ownerPeelOneLayer() {
        return world.owner.peel(requests.take());
    }

    /** OWNER_RENEW: renewal request (10) checked, proof appended to the audit trail, renewed assignment (11) signed. */
    @Benchmark
    public byte[] ownerRenew() {
        return world.owner.renew(requests.take());
    }

    /** BROKER_RENEW: the broker renews for an offline owner: request checked, stored, renewed assignment signed. */
    @Benchmark
    public byte[] brokerRenew() {
        byte[] request = replayed.next();   // may renew the broker: read it after
        return broker.renewForOwner(request);
    }

    /** BROKER_REASSIGN: the broker checks the request and the owner's assignment, stores it, signs (5). */
    @Benchmark
    public byte[] brokerReassign() {
        byte[] request = replayed.next();   // may renew the broker: read it after
        return broker.reassignForOwner(request);
    }
}
