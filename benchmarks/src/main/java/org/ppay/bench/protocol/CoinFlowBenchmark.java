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
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.MessageWriter;
import org.ppay.bench.crypto.SuiteChoice;

/**
 * What moving a coin costs each role, through the core's own {@link org.ppay.core.owner.Owner},
 * {@link org.ppay.core.holder.Holder} and {@link org.ppay.core.broker.Broker}: the owner assigning a printed coin
 * (2)/(9), a holder checking and taking an assignment, the owner processing a reassignment request (3) into a new
 * assignment (4) with a proof appended to its memory-mapped audit trail, and the broker doing so for an offline owner
 * (5); the same for renewal requests (10) into renewed assignments (11), each pool's renewal window opened by the
 * world's clock.
 *
 * <p>Each step changes the state it needs, so every iteration's set-up (not measured) prepares a pool of fresh
 * inputs for the benchmark being run: printed coins for {@code ownerAssign}, assignments or signed requests for the
 * others, as many as the iteration can use at the suite's speed ({@link PoolSizer}), at most {@code 4 * poolSize}
 * and {@code poolSize}. An iteration that would need more fails and says so.
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

    @Param({"60000"})
    public int poolSize;

    private ProtocolWorld world;
    private PoolSizer pools;
    private MessageWriter writer;
    private long[] serials;
    private byte[][] messages;
    private int size;
    private int next;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice) {
        world = new ProtocolWorld(choice.resolve());
        pools = PoolSizer.measure(world.suite);
        writer = new MessageWriter(world.suite);
        world.owner.addLimitCertificate(world.broker.buyLimitCertificate(ProtocolWorld.OWNER, Integer.MAX_VALUE));
    }

    @Setup(Level.Iteration)
    public void preparePool(BenchmarkParams params, IterationParams iteration) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        world.owner.comeOnline();
        next = 0;
        switch (method) {
            case "ownerAssign" -> {
                size = pools.inputs(iteration, 0, 1, 4 * poolSize);   // one signature
                serials = new long[size];
                for (int i = 0; i < size; i++) {
                    serials[i] = world.owner.printCoin();
                }
            }
            case "holderCheckAssignment" -> {
                size = pools.inputs(iteration, 3, 0, poolSize);   // certificate, coin, assignment
                messages = new byte[size][];
                for (int i = 0; i < size; i++) {
                    messages[i] = world.owner.assign(world.owner.printCoin(), ProtocolWorld.HOLDER_V);
                }
            }
            case "ownerReassign", "brokerReassign" -> {
                size = pools.inputs(iteration, 1, 1, poolSize);   // at least the request and the new assignment
                messages = new byte[size][];
                for (int i = 0; i < size; i++) {
                    byte[] assignment = world.owner.assign(world.owner.printCoin(), ProtocolWorld.HOLDER_V);
                    messages[i] = writer.reassignmentRequest(world.holderVKeys, ProtocolWorld.HOLDER_X, assignment, 0,
                            assignment.length);
                }
                if (method.equals("brokerReassign")) {
                    world.owner.goOffline();
                }
            }
            case "ownerPeelOneLayer" -> {
                size = pools.inputs(iteration, 1, 1, poolSize);   // at least the request and the new assignment
                messages = new byte[size][];
                for (int i = 0; i < size; i++) {
                    byte[] assignment = world.owner.assign(world.owner.printCoin(), ProtocolWorld.HOLDER_V);
                    messages[i] = writer.layer(world.holderVKeys, ProtocolWorld.HOLDER_X, 2, assignment, 0,
                            assignment.length);
                }
            }
            case "ownerRenew", "brokerRenew" -> {
                size = pools.inputs(iteration, 1, 1, poolSize);   // at least the request and the new assignment
                messages = new byte[size][];
                long windowBegin = 0;
                for (int i = 0; i < size; i++) {
                    byte[] assignment = world.owner.assign(world.owner.printCoin(), ProtocolWorld.HOLDER_V);
                    windowBegin = world.holderV.renewalBegin(world.holderV.receive(assignment));
                    messages[i] = writer.renewalRequest(world.holderVKeys, assignment, 0, assignment.length);
                }
                // every coin of this pool was assigned in the same period: open their common renewal window
                world.clock.setSeconds(windowBegin + 1);
                if (method.equals("brokerRenew")) {
                    world.owner.goOffline();
                }
            }
            default -> throw new IllegalStateException("no pool for benchmark method " + method);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    private int take() {
        if (next == size) {
            throw new IllegalStateException("all " + size + " prepared inputs were used within one iteration: run"
                    + " with a larger -p poolSize (now " + poolSize + ")");
        }
        return next++;
    }

    /** OWNER_ASSIGN: a printed coin assigned to a holder. */
    @Benchmark
    public byte[] ownerAssign() {
        return world.owner.assign(serials[take()], ProtocolWorld.HOLDER_V);
    }

    /** HOLDER_CHECK_ASSIGNMENT: the holder checks an assignment (owner's signature, coin, certificate) and keeps it. */
    @Benchmark
    public CoinKey holderCheckAssignment() {
        return world.holderV.receive(messages[take()]);
    }

    /** OWNER_PROCESS_REASSIGNMENT: request checked, proof appended to the audit trail, new assignment signed. */
    @Benchmark
    public byte[] ownerReassign() {
        return world.owner.reassign(messages[take()]);
    }

    /**
     * A coin with one layer (8) peeled by its owner: the layer checked and recorded in the audit trail, then the new
     * assignment signed. OWNER_PEEL_LAYER is this less {@link #ownerAssign} (the calibration subtracts it).
     */
    @Benchmark
    public byte[] ownerPeelOneLayer() {
        return world.owner.peel(messages[take()]);
    }

    /** OWNER_RENEW: renewal request (10) checked, proof appended to the audit trail, renewed assignment (11) signed. */
    @Benchmark
    public byte[] ownerRenew() {
        return world.owner.renew(messages[take()]);
    }

    /** BROKER_RENEW: the broker renews for an offline owner: request checked, stored, renewed assignment signed. */
    @Benchmark
    public byte[] brokerRenew() {
        return world.broker.renewForOwner(messages[take()]);
    }

    /** BROKER_REASSIGN: the broker checks the request and the owner's assignment, stores it, signs (5). */
    @Benchmark
    public byte[] brokerReassign() {
        return world.broker.reassignForOwner(messages[take()]);
    }
}
