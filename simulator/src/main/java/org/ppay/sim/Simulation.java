package org.ppay.sim;

import static org.ppay.sim.load.LoadCounters.peer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.SplittableRandom;
import org.ppay.sim.churn.ChurnModel;
import org.ppay.sim.coins.AccountingCoinProtocol;
import org.ppay.sim.coins.CoinLedger;
import org.ppay.sim.coins.CoinProtocol;
import org.ppay.sim.coins.HeldCoins;
import org.ppay.sim.coins.ProofStore;
import org.ppay.sim.credit.CreditWindows;
import org.ppay.sim.engine.EventQueue;
import org.ppay.sim.guess.PongCaches;
import org.ppay.sim.guess.QueryModel;
import org.ppay.sim.load.LoadCounters;
import org.ppay.sim.load.Task;

/**
 * One run of the file-sharing scenario of section 6: peers come and go, query through GUESS, pay one picopayment per
 * probe, settle full windows with coins under PPay, PPay* or RM, renew and cash coins; at the end every peer leaves and
 * cashes what it holds.
 *
 * <p>The instance owns its clock and event queue, its seeded random source, and its metrics; nothing is static, so
 * runs can proceed in parallel. The same parameters give the same {@link RunResult} counts.
 */
public final class Simulation {

    private static final int SESSION_START = 0;
    private static final int SESSION_END = 1;
    private static final int QUERY = 2;
    private static final int WINDOW_OPEN = 3;
    private static final int WINDOW_CLOSE = 4;
    private static final double SECONDS_PER_DAY = 86_400.0;
    private static final int PROGRESS_EVERY_EVENTS = 1 << 16;

    private final SimulationParameters parameters;
    private final int peers;
    private final double endSeconds;
    private final SplittableRandom random;
    private final EventQueue queue = new EventQueue();
    private final ChurnModel churn;
    private final QueryModel queryModel;
    private final PongCaches caches;
    private final CreditWindows credit;
    private final CoinLedger ledger;
    private final ProofStore proofs;
    private final LoadCounters counters;
    private final CoinProtocol protocol;
    private final RunTallies tallies = new RunTallies();
    private final PaymentPolicy payments;

    private final double[] uptime;
    private final int[] files;
    private final boolean[] lazy;
    private final boolean[] online;
    private final int[] queryGeneration;
    private final int[] slots;
    private int onlineCount;
    private double onlineIntegral;
    private double lastOnlineChange;

    public Simulation(SimulationParameters parameters) {
        this(parameters, (p, ledger, accounting) -> accounting);
    }

    /**
     * A simulation whose protocol steps go through the protocol {@code factory} makes around the model's accounting,
     * e.g. one that also performs every step with the core's real roles.
     */
    public Simulation(SimulationParameters parameters, ProtocolFactory factory) {
        this.parameters = parameters;
        this.peers = parameters.networkSize();
        this.endSeconds = parameters.simulatedDays() * SECONDS_PER_DAY;
        this.random = new SplittableRandom(parameters.seed());
        this.churn = new ChurnModel(parameters);
        this.queryModel = new QueryModel(parameters);
        this.uptime = new double[peers];
        this.files = new int[peers];
        this.lazy = new boolean[peers];
        this.online = new boolean[peers];
        this.queryGeneration = new int[peers];
        for (int p = 0; p < peers; p++) {
            uptime[p] = churn.drawUptime(random);
            files[p] = (int) queryModel.drawFiles(random);
            lazy[p] = random.nextDouble() * 100 < parameters.percentLazy();
        }
        this.caches = new PongCaches(peers, parameters.pongCacheSize(), random);
        this.slots = new int[parameters.pongCacheSize()];
        this.credit = new CreditWindows(parameters.windowType(), peers, parameters.creditWindowSize(),
                parameters.netLossCap());
        this.ledger = new CoinLedger(peers, parameters.renewalWaitDays() * SECONDS_PER_DAY);
        this.proofs = new ProofStore(peers);
        this.counters = new LoadCounters(peers);
        this.protocol = factory.create(parameters, ledger, new AccountingCoinProtocol(ledger, proofs, counters));
        this.payments = new PaymentPolicy(parameters, online, lazy, ledger, credit, protocol, counters, tallies,
                this::scheduleWindow);
    }

    /** Runs the scenario with the given parameters. */
    public static RunResult run(SimulationParameters parameters) {
        return new Simulation(parameters).run(fraction -> { });
    }

    /** Runs the scenario, reporting the fraction of simulated time done now and then; an instance runs once. */
    public RunResult run(ProgressListener progress) {
        if (tallies.events != 0 || queue.size() != 0) {
            throw new IllegalStateException("a Simulation runs once; make a new one");
        }
        final long startNanos = System.nanoTime();
        advance(endSeconds, progress);
        finish();
        counters.settle();
        progress.progress(1.0);
        final long wallNanos = System.nanoTime() - startNanos;
        return new RunResult(parameters, endSeconds, counters, tallies, onlineIntegral / (peers * endSeconds),
                proofs.timeAverages(endSeconds), creditLosses(), lazy.clone(), PeerAccounts.of(ledger, credit),
                new RunStatistics(tallies.events, wallNanos, peakHeapBytes()));
    }

    /**
     * Processes every event before {@code seconds} of simulated time (at most the run's end) and stops there: the loop
     * of {@link #run} in steps, for benchmarks of it. A simulation advanced this way gives no {@link RunResult}.
     */
    public void advanceTo(double seconds) {
        advance(Math.min(seconds, endSeconds), fraction -> { });
    }

    /** Simulated seconds so far: the time of the last event processed. */
    public double now() {
        return queue.now();
    }

    private void advance(double until, ProgressListener progress) {
        if (tallies.events == 0 && queue.size() == 0) {
            start();
        }
        while (!queue.isEmpty() && queue.peekTime() < until) {
            queue.pop();
            dispatch(queue.poppedType(), queue.poppedPayload());
            if (++tallies.events % PROGRESS_EVERY_EVENTS == 0) {
                progress.progress(queue.now() / endSeconds);
            }
        }
    }

    private void start() {
        for (int p = 0; p < peers; p++) {
            protocol.issueLimitCertificate(p, 0);
            tallies.limitCertificates++;
        }
        for (int p = 0; p < peers; p++) {
            if (random.nextDouble() < churn.onlineFraction(uptime[p])) {
                comeOnline(p);
            } else {
                queue.schedule(churn.drawDowntimeSeconds(random, uptime[p]), SESSION_START, p);
            }
        }
    }

    private void dispatch(int type, long payload) {
        switch (type) {
            case SESSION_START -> {
                tallies.churnEvents++;
                comeOnline((int) payload);
            }
            case SESSION_END -> {
                tallies.churnEvents++;
                goOffline((int) payload);
            }
            case QUERY -> {
                final int p = (int) payload;
                if (online[p] && queryGeneration[p] == (int) (payload >>> 32)) {
                    query(p);
                    scheduleQuery(p);
                }
            }
            case WINDOW_OPEN -> windowOpens((int) payload, (int) (payload >>> 32));
            case WINDOW_CLOSE -> windowCloses((int) payload, (int) (payload >>> 32));
            default -> throw new IllegalStateException("unknown event type " + type);
        }
    }

    // ---- churn ----

    private void comeOnline(int p) {
        final double now = queue.now();
        countOnline(now, +1);
        online[p] = true;
        queryGeneration[p]++;
        scheduleQuery(p);
        queue.schedule(now + churn.drawSessionSeconds(random), SESSION_END, p);
        renewDueCoins(p);
    }

    private void goOffline(int p) {
        final double now = queue.now();
        renewDueCoins(p);
        countOnline(now, -1);
        online[p] = false;
        queryGeneration[p]++;
        queue.schedule(now + churn.drawDowntimeSeconds(random, uptime[p]), SESSION_START, p);
    }

    private void countOnline(double now, int delta) {
        onlineIntegral += onlineCount * (now - lastOnlineChange);
        lastOnlineChange = now;
        onlineCount += delta;
    }

    private void scheduleQuery(int p) {
        final double wait = -StrictMath.log(1.0 - random.nextDouble()) / parameters.queryRatePerSecond();
        queue.schedule(queue.now() + wait, QUERY, ((long) queryGeneration[p] << 32) | p);
    }

    // ---- GUESS ----

    private void query(int querier) {
        tallies.queries++;
        final double logMiss = queryModel.logMissPerFile(queryModel.drawQuery(random));
        final int size = slots.length;
        for (int k = 0; k < size; k++) {
            slots[k] = k;
        }
        int skippedSlot = -1;
        for (int k = 0; k < size; k++) {
            final int j = k + random.nextInt(size - k);
            final int slot = slots[j];
            slots[j] = slots[k];
            slots[k] = slot;
            final int target = caches.entry(querier, slot);
            if (!online[target]) {
                tallies.skippedOffline++;
                if (skippedSlot < 0) {
                    skippedSlot = slot;
                }
                continue;
            }
            if (!payments.mayProbe(querier, target, queue.now())) {
                tallies.refusedProbes++;
                continue;
            }
            final boolean hit = probe(querier, target, logMiss);
            if (skippedSlot >= 0 && random.nextDouble() < parameters.pongReplaceProbability()) {
                final int introduced = caches.entry(target, random.nextInt(size));
                if (caches.replace(querier, skippedSlot, introduced)) {
                    skippedSlot = -1;
                }
            }
            if (random.nextDouble() < parameters.learnProberProbability()) {
                caches.replace(target, random.nextInt(size), querier);
            }
            if (hit) {
                tallies.hits++;
                return;
            }
        }
    }

    private boolean probe(int querier, int target, double logMiss) {
        tallies.probes++;
        final boolean hit = QueryModel.hits(random, files[target], logMiss);
        counters.probe(peer(querier), peer(target), hit);
        payments.picopay(querier, target, queue.now());
        return hit;
    }

    // ---- renewal (section 5.3, 7.2.2) ----

    private void scheduleWindow(int coin) {
        queue.scheduleShared(ledger.renewalBegin(coin), WINDOW_OPEN, ((long) ledger.epoch(coin) << 32) | coin);
    }

    private void windowOpens(int coin, int epoch) {
        if (ledger.epoch(coin) != epoch) {
            return;
        }
        final double now = queue.now();
        proofs.purgeEarlier(ledger.owner(coin), coin, now);
        queue.scheduleShared(ledger.renewalEnd(coin), WINDOW_CLOSE, ((long) epoch << 32) | coin);
        if (ledger.active(coin) && (online[ledger.holder(coin)] || ledger.holder(coin) == ledger.owner(coin))) {
            payments.renew(coin, now);
        }
    }

    private void windowCloses(int coin, int epoch) {
        if (ledger.epoch(coin) != epoch) {
            return;
        }
        if (ledger.active(coin)) {
            ledger.forfeit(coin);
            tallies.coinsForfeited++;
        }
        proofs.purgeAll(ledger.owner(coin), coin, queue.now());
    }

    /** Renews, last received first, every held coin whose window has opened; most churn events find none due. */
    private void renewDueCoins(int p) {
        final double now = queue.now();
        if (!ledger.mayHaveDueCoins(p, now)) {
            return;
        }
        final HeldCoins held = ledger.held(p);
        for (int i = held.size() - 1; i >= 0; i--) {
            if (i < held.size()) {
                final int coin = held.coin(i);
                if (now >= ledger.renewalBegin(coin)) {
                    payments.renew(coin, now);
                }
            }
        }
        ledger.refreshDue(p);
    }

    // ---- the end ----

    /** Section 6.3: at the end every peer leaves the system and cashes every coin it holds. */
    private void finish() {
        countOnline(endSeconds, 0);
        for (int p = 0; p < peers; p++) {
            final HeldCoins held = ledger.held(p);
            while (!held.isEmpty()) {
                protocol.cash(held.coin(held.size() - 1), Task.MISC, endSeconds);
                tallies.coinsCashed++;
                tallies.coinsCashedAtEnd++;
            }
        }
    }

    private long[] creditLosses() {
        int honest = 0;
        for (int p = 0; p < peers; p++) {
            if (!lazy[p]) {
                honest++;
            }
        }
        final long[] losses = new long[honest];
        int i = 0;
        for (int p = 0; p < peers; p++) {
            if (!lazy[p]) {
                losses[i++] = credit.loss(p);
            }
        }
        return losses;
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Makes the protocol a run uses from the model's accounting protocol (which it must call for every step). */
    @FunctionalInterface
    public interface ProtocolFactory {
        CoinProtocol create(SimulationParameters parameters, CoinLedger ledger, CoinProtocol accounting);
    }

    /** Receives the fraction of simulated time done, from 0 to 1. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(double fractionDone);
    }
}
