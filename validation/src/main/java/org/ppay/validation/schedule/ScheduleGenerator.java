package org.ppay.validation.schedule;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ppay.sim.Scheme;
import org.ppay.sim.SimulationParameters;
import org.ppay.sim.WindowType;
import org.ppay.sim.churn.ChurnModel;
import org.ppay.sim.coins.CoinLedger;
import org.ppay.sim.coins.HeldCoins;
import org.ppay.sim.credit.CreditWindows;
import org.ppay.sim.engine.EventQueue;
import org.ppay.sim.guess.PongCaches;
import org.ppay.sim.guess.QueryModel;
import org.ppay.sim.load.Task;

/**
 * A deterministic workload in the simulator's models: churn ({@link ChurnModel}), Poisson queries probing pong caches
 * ({@link PongCaches}, {@link QueryModel}), one soft-credit picopayment per probe ({@link CreditWindows}), and PPay's
 * payment policy of section 6.3 (a coin whose owner is online, else a layer, else a new coin), renewals in the
 * renewal windows of section 5.3, and cashing at the end. It writes each decision as a {@link Step}.
 *
 * <p>The simulator's own {@code Simulation} builds its protocol seam internally, so this class replays the same models
 * with the same parameters rather than the simulation's exact event stream. Renewal windows follow the core's
 * {@code RenewalSchedule}: a coin assigned at t has the window [(floor(t/P)+1)P, that + W], P the renewal wait and W
 * the renewal grace; the holder renews when the window opens, or cashes the coin when its owner is offline then.
 */
public final class ScheduleGenerator {

    private static final int SESSION_START = 0;
    private static final int SESSION_END = 1;
    private static final int QUERY = 2;
    private static final int WINDOW_OPEN = 3;
    private static final int WINDOW_CLOSE = 4;
    private static final double SECONDS_PER_DAY = 86_400.0;

    private final SimulationParameters parameters;
    private final int peers;
    private final SplittableRandom random;
    private final EventQueue queue = new EventQueue();
    private final ChurnModel churn;
    private final QueryModel queries;
    private final PongCaches caches;
    private final CreditWindows credit;
    private final SchedulePredictor predictor;
    private final CoinLedger ledger;
    private final long periodSeconds;
    private final long windowSeconds;
    private final double[] uptime;
    private final double[] files;
    private final boolean[] online;
    private final boolean[] storedFor;
    private final int[] queryGeneration;
    private final int[] slots;
    private long[] windowBegin = new long[64];
    private int[] epoch = new int[64];

    public ScheduleGenerator(SimulationParameters parameters) {
        if (parameters.scheme() != Scheme.PPAY) {
            throw new IllegalArgumentException("validation replays scheme PPAY only, not " + parameters.scheme());
        }
        if (parameters.windowType() != WindowType.SOFT_CREDIT || parameters.netLossCap() != SimulationParameters.NO_CAP
                || parameters.percentLazy() != 0) {
            throw new IllegalArgumentException("validation replays soft credit windows without NetLossCap or lazy peers");
        }
        this.parameters = parameters;
        this.peers = parameters.networkSize();
        this.random = new SplittableRandom(parameters.seed());
        this.churn = new ChurnModel(parameters);
        this.queries = new QueryModel(parameters);
        this.periodSeconds = Math.max(1, Math.round(parameters.renewalWaitDays() * SECONDS_PER_DAY));
        this.windowSeconds = Math.min(periodSeconds, Math.round(parameters.renewalGraceDays() * SECONDS_PER_DAY));
        this.uptime = new double[peers];
        this.files = new double[peers];
        this.online = new boolean[peers];
        this.storedFor = new boolean[peers];
        this.queryGeneration = new int[peers];
        for (int p = 0; p < peers; p++) {
            uptime[p] = churn.drawUptime(random);
            files[p] = queries.drawFiles(random);
        }
        this.caches = new PongCaches(peers, parameters.pongCacheSize(), random);
        this.slots = new int[parameters.pongCacheSize()];
        this.credit = new CreditWindows(WindowType.SOFT_CREDIT, peers, parameters.creditWindowSize(),
                parameters.netLossCap());
        this.predictor = new SchedulePredictor(peers);
        this.ledger = predictor.ledger();
    }

    /** The schedule of the whole run, ending with every holder cashing every coin. */
    public static List<Step> generate(SimulationParameters parameters) {
        return new ScheduleGenerator(parameters).run();
    }

    public List<Step> run() {
        final double end = parameters.simulatedDays() * SECONDS_PER_DAY;
        for (int p = 0; p < peers; p++) {
            step(StepKind.LIMIT_CERTIFICATE, p, -1, -1, Task.MISC);
        }
        for (int p = 0; p < peers; p++) {
            if (random.nextDouble() < churn.onlineFraction(uptime[p])) {
                comeOnline(p);
            } else {
                queue.schedule(churn.drawDowntimeSeconds(random, uptime[p]), SESSION_START, p);
            }
        }
        while (!queue.isEmpty() && queue.peekTime() <= end) {
            queue.pop();
            final long payload = queue.poppedPayload();
            switch (queue.poppedType()) {
                case SESSION_START -> comeOnline((int) payload);
                case SESSION_END -> goOffline((int) payload);
                case QUERY -> {
                    final int p = (int) payload;
                    if (online[p] && queryGeneration[p] == (int) (payload >>> 32)) {
                        query(p);
                        scheduleQuery(p);
                    }
                }
                case WINDOW_OPEN -> windowOpens((int) payload, (int) (payload >>> 32));
                case WINDOW_CLOSE -> windowCloses((int) payload, (int) (payload >>> 32));
                default -> throw new IllegalStateException("unknown event " + queue.poppedType());
            }
        }
        predictor.cashOut((long) end);
        return predictor.steps();
    }

    private long now() {
        return (long) queue.now();
    }

    private int step(StepKind kind, int actor, int coin, int other, Task task) {
        return predictor.apply(new Step(kind, now(), actor, coin, other, task));
    }

    // ---- churn ----

    private void comeOnline(int p) {
        online[p] = true;
        step(StepKind.COME_ONLINE, p, storedFor[p] ? 1 : 0, -1, Task.MISC);
        storedFor[p] = false;
        queryGeneration[p]++;
        scheduleQuery(p);
        queue.schedule(queue.now() + churn.drawSessionSeconds(random), SESSION_END, p);
        renewDueCoins(p);
    }

    private void goOffline(int p) {
        renewDueCoins(p);
        online[p] = false;
        step(StepKind.GO_OFFLINE, p, -1, -1, Task.MISC);
        queryGeneration[p]++;
        queue.schedule(queue.now() + churn.drawDowntimeSeconds(random, uptime[p]), SESSION_START, p);
    }

    private void scheduleQuery(int p) {
        final double wait = -Math.log(1.0 - random.nextDouble()) / parameters.queryRatePerSecond();
        queue.schedule(queue.now() + wait, QUERY, ((long) queryGeneration[p] << 32) | p);
    }

    // ---- GUESS and picopayments ----

    private void query(int querier) {
        final double logMiss = queries.logMissPerFile(queries.drawQuery(random));
        final int size = slots.length;
        for (int k = 0; k < size; k++) {
            slots[k] = k;
        }
        for (int k = 0; k < size; k++) {
            final int j = k + random.nextInt(size - k);
            final int slot = slots[j];
            slots[j] = slots[k];
            slots[k] = slot;
            final int target = caches.entry(querier, slot);
            if (!online[target]) {
                continue;
            }
            final boolean hit = QueryModel.hits(random, files[target], logMiss);
            step(StepKind.PROBE, querier, hit ? 1 : 0, target, Task.GUESS);
            if ((credit.pay(querier, target) & CreditWindows.SETTLE_WITH_COIN) != 0) {
                payCoin(querier, target);
            }
            if (random.nextDouble() < parameters.learnProberProbability()) {
                caches.replace(target, random.nextInt(size), querier);
            }
            if (hit) {
                return;
            }
        }
    }

    /** Section 6.3 under PPay: a coin whose owner is online, else a layer, else print a new one. */
    private void payCoin(int payer, int payee) {
        int coin = firstWithOwnerOnline(payer);
        if (coin >= 0) {
            step(ledger.owner(coin) == payer ? StepKind.ASSIGN : StepKind.REASSIGN_VIA_OWNER, payer, coin, payee,
                    Task.REASSIGNMENT);
        } else if ((coin = firstLayerable(payer)) >= 0) {
            step(StepKind.ADD_LAYER, payer, coin, payee, Task.REASSIGNMENT);
        } else {
            coin = step(StepKind.PRINT, payer, -1, -1, Task.MISC);
            windowStarts(coin, now());
            step(StepKind.ASSIGN, payer, coin, payee, Task.REASSIGNMENT);
        }
        if (ledger.owner(coin) == payee && ledger.layers(coin) > 0) {
            step(StepKind.PEEL, payee, coin, -1, Task.REASSIGNMENT);
        }
    }

    private int firstWithOwnerOnline(int payer) {
        final HeldCoins held = ledger.held(payer);
        for (int i = 0, n = held.size(); i < n; i++) {
            final int coin = held.coin(i);
            final int owner = ledger.owner(coin);
            if (owner == payer || online[owner]) {
                return coin;
            }
        }
        return -1;
    }

    private int firstLayerable(int payer) {
        final HeldCoins held = ledger.held(payer);
        for (int i = 0, n = held.size(); i < n; i++) {
            final int coin = held.coin(i);
            if (ledger.layers(coin) < parameters.maxLayers()) {
                return coin;
            }
        }
        return -1;
    }

    // ---- renewal windows ----

    private void windowStarts(int coin, long assignedAt) {
        if (coin >= windowBegin.length) {
            windowBegin = Arrays.copyOf(windowBegin, coin * 2);
            epoch = Arrays.copyOf(epoch, coin * 2);
        }
        windowBegin[coin] = (assignedAt / periodSeconds + 1) * periodSeconds;
        scheduleWindow(coin);
    }

    private void scheduleWindow(int coin) {
        queue.schedule(windowBegin[coin], WINDOW_OPEN, ((long) epoch[coin] << 32) | coin);
    }

    private void windowOpens(int coin, int windowEpoch) {
        if (epoch[coin] != windowEpoch || !ledger.active(coin)) {
            return;
        }
        queue.schedule(windowBegin[coin] + windowSeconds, WINDOW_CLOSE, ((long) windowEpoch << 32) | coin);
        if (online[ledger.holder(coin)]) {
            renew(coin);
        }
    }

    private void windowCloses(int coin, int windowEpoch) {
        if (epoch[coin] == windowEpoch && ledger.active(coin)) {
            step(StepKind.FORFEIT, ledger.holder(coin), coin, -1, Task.MISC);
        }
    }

    private void renewDueCoins(int p) {
        final HeldCoins held = ledger.held(p);
        for (int i = held.size() - 1; i >= 0; i--) {
            if (i < held.size()) {
                final int coin = held.coin(i);
                if (now() >= windowBegin[coin] && now() <= windowBegin[coin] + windowSeconds) {
                    renew(coin);
                }
            }
        }
    }

    /** The holder renews at the online owner (itself, for its own coin); with the owner offline it cashes the coin. */
    private void renew(int coin) {
        final int holder = ledger.holder(coin);
        final int owner = ledger.owner(coin);
        if (holder == owner || online[owner]) {
            step(holder == owner ? StepKind.RENEW_OWN : StepKind.RENEW_VIA_OWNER, holder, coin, -1, Task.RENEWAL);
            epoch[coin]++;
            windowBegin[coin] += periodSeconds;
            scheduleWindow(coin);
        } else {
            step(StepKind.CASH, holder, coin, -1, Task.MISC);
        }
    }
}
