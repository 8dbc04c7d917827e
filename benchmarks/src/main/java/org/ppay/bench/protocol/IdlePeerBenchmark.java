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
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.holder.Holder;
import org.ppay.core.wire.MessageType;

/**
 * A peer's coin actions as a peer of a real network performs them: each after an {@link IdleGap} (a pause while other
 * work evicts the caches), which is left out of the score. A GUESS peer pays or is paid every few minutes, not back
 * to back, so its code and data are cold each time; {@code ppay validate}'s paced deployment showed its owners' and
 * holders' actions at 3-10 times their back-to-back price. Compare each method with its back-to-back twin:
 * {@link OwnerBenchmark#printCoin}, {@link CoinFlowBenchmark} ({@code ownerAssign}, {@code holderCheckAssignment},
 * {@code ownerReassign}, {@code ownerRenew}) and {@link MessageBenchmark#requestReassignment} (for the holder's
 * requests).
 * {@code ppay calibrate --regime sparse} prices the peer from this class, as it prices the broker from
 * {@link IdleBrokerBenchmark}. Before the first gap each action runs back to back until compiled ({@link Compilation}):
 * the peer's code is cold in the caches, not new to the JIT.
 *
 * <p>Inputs: the holder's check replays assignments against a fresh holder ({@link ReplayedPool}); the owner's actions
 * take inputs made between iterations ({@link ConsumedPool}), as many as an iteration can use, which the gap bounds: at
 * most one per {@code idleMicros}. The holder's request cycles over {@link Inputs#COUNT} assignments (building and
 * signing a request changes nothing). Unit: ns/op, average time. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar IdlePeerBenchmark -p suite=ed25519-accp}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Inputs.AGRONA_EXPORTS)
@State(Scope.Thread)
public class IdlePeerBenchmark {

    /** Assignments the holder's check replays per holder. */
    private static final int REPLAYED_ASSIGNMENTS = 128;
    /** Inputs made beyond what the gap lets an iteration take. */
    private static final int MARGIN = 16;

    private ProtocolWorld world;
    private MessageWriter writer;
    private String method;
    private ConsumedPool<Long> serials;
    private ConsumedPool<byte[]> requests;
    private ReplayedPool replayed;
    private Holder holder;
    private byte[][] assignments;
    private int next;

    @Setup(Level.Trial)
    public void setUp(SuiteChoice choice, BenchmarkParams params) {
        world = new ProtocolWorld(choice.resolve());
        writer = new MessageWriter(world.suite);
        world.certifyOwnerWithoutLimit();
        method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        switch (method) {
            case "ownerPrintCoin" -> {
                // printing changes only the owner's next serial: nothing to prepare
            }
            case "ownerAssign" -> serials = new ConsumedPool<>(world.owner::printCoin);
            case "ownerReassign" -> requests = new ConsumedPool<>(() -> world.reassignmentRequest(writer));
            case "ownerRenew" -> requests = new ConsumedPool<>(() -> world.renewalRequest(writer));
            case "holderCheckAssignment" -> {
                replayed = new ReplayedPool(REPLAYED_ASSIGNMENTS, i -> world.freshAssignment(),
                        () -> holder = world.freshHolderV());
                replayed.restart();
                CoinKey first = holderCheckAssignment();
                if (first.owner() != ProtocolWorld.OWNER || !holder.holds(first)) {
                    throw new IllegalStateException("the holder did not keep an honest assignment: " + first);
                }
            }
            case "holderRequest" -> {
                assignments = new byte[Inputs.COUNT][];
                for (int i = 0; i < Inputs.COUNT; i++) {
                    assignments[i] = world.freshAssignment();
                }
            }
            default -> throw new IllegalStateException("no inputs for benchmark method " + method);
        }
        compile();
    }

    /** Runs the action back to back until compiled ({@link Compilation}), making the owner's inputs as it goes. */
    private void compile() {
        Runnable action = switch (method) {
            case "ownerPrintCoin" -> () -> ownerPrintCoin(null);
            case "ownerAssign" -> () -> ownerAssign(null);
            case "ownerReassign" -> () -> ownerReassign(null);
            case "ownerRenew" -> () -> ownerRenew(null);
            case "holderCheckAssignment" -> this::holderCheckAssignment;
            case "holderRequest" -> () -> holderRequest(null);
            default -> throw new IllegalStateException("no benchmark method " + method);
        };
        Compilation.compile(() -> {
            topUp(1);
            action.run();
        });
    }

    /** Makes the owner's inputs until {@code wanted} are unused; the other methods use nothing up. */
    private void topUp(int wanted) {
        switch (method) {
            case "ownerAssign" -> serials.topUp(wanted);
            case "ownerReassign" -> requests.topUp(wanted);
            case "ownerRenew" -> renewalRequests(wanted);
            default -> {
                // replayed or cycled inputs
            }
        }
    }

    /**
     * Tops the renewal requests up to {@code wanted}, then opens their renewal window: every pool's coins are assigned
     * at the world's start, so leftovers and new ones share one window.
     */
    private void renewalRequests(int wanted) {
        if (requests.unused() >= wanted) {
            return;
        }
        world.clock.set(ProtocolWorld.START_SECONDS);
        long windowBegin = ProtocolWorld.SCHEDULE.firstWindowBegin(world.clock.nowSeconds());
        requests.topUp(wanted);
        world.clock.set(windowBegin + 1);
    }

    /** Tops up the owner's inputs to what the iteration can take: one per gap at most, plus a margin. */
    @Setup(Level.Iteration)
    public void prepareIteration(IterationParams iteration, IdleGap gap) {
        long iterationMicros = iteration.getTime().convertTo(TimeUnit.MICROSECONDS);
        int wanted = (int) Math.min(Integer.MAX_VALUE - MARGIN, iterationMicros / Math.max(1, gap.idleMicros))
                + MARGIN;
        if (method.equals("ownerRenew")) {
            renewalRequests(wanted + 1);
            // one renewal unmeasured and checked: the window's first proof opens the epoch's audit segment
            ProtocolWorld.requireAnswer("the owner's renewal request", MessageType.ASSIGNMENT,
                    world.owner.renew(requests.take()));
        } else {
            topUp(wanted);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
    }

    /** OWNER_PRINT_COIN after an idle gap. */
    @Benchmark
    public long ownerPrintCoin(IdleGap gap) {
        return world.owner.printCoin();
    }

    /** OWNER_ASSIGN after an idle gap. */
    @Benchmark
    public byte[] ownerAssign(IdleGap gap) {
        return world.owner.assign(serials.take(), ProtocolWorld.HOLDER_V);
    }

    /** HOLDER_CHECK_ASSIGNMENT after an idle gap. */
    @Benchmark
    public CoinKey holderCheckAssignment(IdleGap gap) {
        return holderCheckAssignment();
    }

    private CoinKey holderCheckAssignment() {
        byte[] assignment = replayed.next();   // may renew the holder: read it after
        return holder.receive(assignment);
    }

    /** OWNER_PROCESS_REASSIGNMENT after an idle gap. */
    @Benchmark
    public byte[] ownerReassign(IdleGap gap) {
        return world.owner.reassign(requests.take());
    }

    /** OWNER_RENEW after an idle gap. */
    @Benchmark
    public byte[] ownerRenew(IdleGap gap) {
        return world.owner.renew(requests.take());
    }

    /**
     * A holder's request after an idle gap: a reassignment request built around an assignment and signed. The sparse
     * regime prices all four of the holder's requests (reassignment, layer, renewal, cash) by it: the same writer
     * code and one signature each, alike back to back ({@link MessageBenchmark}: within 2 %).
     */
    @Benchmark
    public byte[] holderRequest(IdleGap gap) {
        byte[] a = assignments[next++ & Inputs.MASK];
        return writer.reassignmentRequest(world.holderVKeys, ProtocolWorld.HOLDER_X, a, 0, a.length);
    }



}
