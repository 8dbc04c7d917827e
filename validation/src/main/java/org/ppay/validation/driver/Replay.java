package org.ppay.validation.driver;

import static org.ppay.validation.node.NodeConfig.peerId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.ppay.validation.measure.Measurement;
import org.ppay.validation.measure.Operations;
import org.ppay.validation.schedule.SchedulePredictor;
import org.ppay.validation.schedule.Step;
import org.ppay.validation.schedule.StepKind;

/**
 * Replays a schedule on a deployment, one step at a time, each at least a pace after the one before (none: as fast as
 * the processes go), and keeps in step a
 * {@link SchedulePredictor}: its counts are the simulator's for exactly the steps replayed. When the wall-clock budget
 * runs out the replay stops at the next step boundary where no coin is half moved, and every holder cashes what it
 * holds.
 */
public final class Replay {

    private final Deployment deployment;
    private final SchedulePredictor predictor;
    private final Map<Integer, Long> serials = new HashMap<>();
    private final long[] nodeSeconds;
    private final long offsetSeconds;
    private final long paceNanos;
    private long lastSeconds;
    private int replayed;
    private boolean cut;

    public Replay(Deployment deployment, int peers) {
        this(deployment, peers, 0);
    }

    /**
     * A replay whose steps happen {@code offsetSeconds} later on the deployment's clocks than the schedule says, so
     * that a schedule can be replayed again after an earlier pass on the same processes. The offset must be a whole
     * number of renewal periods, so every coin's renewal window falls where the schedule expects it.
     */
    public Replay(Deployment deployment, int peers, long offsetSeconds) {
        this(deployment, peers, offsetSeconds, 0);
    }

    /**
     * As {@link #Replay(Deployment, int, long)}, waiting {@code paceNanos} before each step: every process is idle
     * between steps, as the peers of a real network and a lightly loaded broker are between their messages.
     */
    public Replay(Deployment deployment, int peers, long offsetSeconds, long paceNanos) {
        if (offsetSeconds < 0) {
            throw new IllegalArgumentException("a replay cannot move into the past: offset " + offsetSeconds);
        }
        if (paceNanos < 0) {
            throw new IllegalArgumentException("a replay's pace cannot be negative: " + paceNanos + " ns");
        }
        this.paceNanos = paceNanos;
        this.deployment = deployment;
        this.predictor = new SchedulePredictor(peers);
        this.nodeSeconds = new long[deployment.size()];
        this.offsetSeconds = offsetSeconds;
        this.lastSeconds = offsetSeconds;
    }

    public void run(List<Step> schedule, double budgetSeconds) {
        run(schedule, budgetSeconds, Integer.MAX_VALUE);
    }

    private void pause() {
        final long end = System.nanoTime() + paceNanos;
        for (long left = paceNanos; left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** As {@link #run(List, double)}, stopping also once {@code stepLimit} steps are replayed (before cashing out). */
    public void run(List<Step> schedule, double budgetSeconds, int stepLimit) {
        final long deadline = System.nanoTime() + (long) (budgetSeconds * 1e9);
        long last = 0;
        for (Step step : schedule) {
            if (safeToStopBefore(step) && (System.nanoTime() > deadline || replayed >= stepLimit)) {
                cut = true;
                break;
            }
            pause();
            perform(step);
            predictor.apply(step);
            last = step.timeSeconds();
            replayed++;
        }
        for (Step cash : predictor.cashOut(last)) {
            perform(cash);
            replayed++;
        }
    }

    /**
     * Not between a coin's printing and its assignment, a layer to its owner and the peel, or a coin's last use and
     * its forfeit: every other step boundary leaves a state that cashing out can close.
     */
    private static boolean safeToStopBefore(Step step) {
        return step.kind() != StepKind.ASSIGN && step.kind() != StepKind.PEEL && step.kind() != StepKind.FORFEIT;
    }

    private void perform(Step scheduled) {
        final Step step = new Step(scheduled.kind(), scheduled.timeSeconds() + offsetSeconds, scheduled.actor(),
                scheduled.coin(), scheduled.other(), scheduled.task());
        lastSeconds = Math.max(lastSeconds, step.timeSeconds());
        if (touchesBroker(step.kind())) {
            syncClock(0, step.timeSeconds());
        }
        long owner = 0;
        long serial = 0;
        if (carriesCoin(step.kind())) {
            owner = peerId(predictor.ledger().owner(step.coin()));
            final Long known = serials.get(step.coin());
            if (known == null) {
                throw new IllegalStateException("step " + step.encode() + " names a coin never printed");
            }
            serial = known;
            if (step.kind() == StepKind.REASSIGN_VIA_OWNER || step.kind() == StepKind.RENEW_VIA_OWNER) {
                syncClock(deployment.nodeOf(predictor.ledger().owner(step.coin())), step.timeSeconds());
            }
        }
        nodeSeconds[deployment.nodeOf(step.actor())] = step.timeSeconds();
        final String answer = deployment.node(deployment.nodeOf(step.actor()))
                .send("STEP " + step.encode() + " " + owner + " " + serial);
        if (step.kind() == StepKind.PRINT) {
            serials.put(predictor.ledger().count(), Long.parseLong(answer.substring(3).trim()));
        }
    }

    /**
     * The acting process sets its clock from the step; a process it calls must not lag behind it where a check
     * depends on the time (an owner renewing, the broker cashing). A lagging payee only judges expiry leniently.
     */
    private void syncClock(int node, long seconds) {
        if (nodeSeconds[node] != seconds) {
            deployment.node(node).send("TIME " + seconds);
            nodeSeconds[node] = seconds;
        }
    }

    private static boolean touchesBroker(StepKind kind) {
        return kind == StepKind.LIMIT_CERTIFICATE || kind == StepKind.CASH || kind == StepKind.REASSIGN_VIA_BROKER
                || kind == StepKind.RENEW_VIA_BROKER;
    }

    private static boolean carriesCoin(StepKind kind) {
        return switch (kind) {
            case LIMIT_CERTIFICATE, PRINT, PROBE, COME_ONLINE, GO_OFFLINE -> false;
            default -> true;
        };
    }

    /**
     * Brings every peer's owner online and has it take what the broker stored for it, at the replay's last time: after
     * a pass, the next one starts as a schedule does, with every peer online.
     */
    public void bringEveryoneOnline(int peers) {
        for (int p = 0; p < peers; p++) {
            perform(new Step(StepKind.COME_ONLINE, lastSeconds - offsetSeconds, p, 1, -1,
                    org.ppay.sim.load.Task.MISC));
        }
    }

    /** The latest time (the deployment's, offset included) a step of this replay happened at. */
    public long lastSeconds() {
        return lastSeconds;
    }

    /** Has every process forget what it measured so far. */
    public void resetMeasurements() {
        deployment.tellEach("RESET");
    }

    /** Mean CPU per operation, from every process. */
    public Operations operations() {
        final Operations operations = new Operations();
        final List<String> answers = deployment.askEach("OPERATIONS", "OPERATIONS");
        for (int node = 0; node < answers.size(); node++) {
            operations.add(node == 0, answers.get(node));
        }
        return operations;
    }

    public SchedulePredictor predictor() {
        return predictor;
    }

    public int stepsReplayed() {
        return replayed;
    }

    /** Whether the budget ran out before the schedule's end. */
    public boolean cut() {
        return cut;
    }

    /** The broker's measurement, then the sum over the peer processes. */
    public Measurement[] collect() {
        final Measurement broker = new Measurement();
        final Measurement peers = new Measurement();
        final List<String> reports = deployment.askEach("REPORT", "REPORT");
        for (int node = 0; node < reports.size(); node++) {
            (node == 0 ? broker : peers).add(reports.get(node));
        }
        return new Measurement[] {broker, peers};
    }

    /**
     * What the JIT did in each process since {@link Deployment#recordJit()} or the last reset, one line per process ({@code name: deopts=N
     * compiles=M c2=K [trap=thread:method:reason ...]}), broker first.
     */
    public List<String> jit() {
        final List<String> answers = deployment.askEach("JIT", "JIT");
        final List<String> lines = new ArrayList<>();
        for (int node = 0; node < answers.size(); node++) {
            lines.add(deployment.node(node).name() + ": " + answers.get(node));
        }
        return List.copyOf(lines);
    }
}
