package org.ppay.validation.schedule;

import static org.ppay.sim.load.LoadCounters.peer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ppay.costs.CostAction;
import org.ppay.sim.coins.AccountingCoinProtocol;
import org.ppay.sim.coins.CoinLedger;
import org.ppay.sim.coins.HeldCoins;
import org.ppay.sim.coins.ProofStore;
import org.ppay.sim.load.LoadCounters;
import org.ppay.sim.load.Messages;
import org.ppay.sim.load.Task;

/**
 * Applies steps to the simulator's own bookkeeping ({@link AccountingCoinProtocol} over a {@link CoinLedger}) and keeps
 * them: its {@link LoadCounters} are the simulator's counts for exactly the steps applied, in order. The probe and
 * credit counts are those of the simulator's probe and soft-credit picopayment.
 */
public final class SchedulePredictor {

    private final int peers;
    private final CoinLedger ledger;
    private final LoadCounters counters;
    private final AccountingCoinProtocol protocol;
    private final List<Step> steps = new ArrayList<>();

    public SchedulePredictor(int peers) {
        this.peers = peers;
        this.ledger = new CoinLedger(peers, 1.0);
        this.counters = new LoadCounters(peers);
        this.protocol = new AccountingCoinProtocol(ledger, new ProofStore(peers), counters);
    }

    public int peers() {
        return peers;
    }

    public CoinLedger ledger() {
        return ledger;
    }

    public LoadCounters counters() {
        return counters;
    }

    public List<Step> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** Counts one step and keeps it; returns the coin id a PRINT step created, else the step's coin. */
    public int apply(Step step) {
        if (step.actor() >= peers || step.other() >= peers) {
            throw new IllegalArgumentException("step names a peer beyond " + (peers - 1) + ": " + step.encode());
        }
        final double now = step.timeSeconds();
        int coin = step.coin();
        switch (step.kind()) {
            case LIMIT_CERTIFICATE -> protocol.issueLimitCertificate(step.actor(), now);
            case PRINT -> coin = protocol.print(step.actor(), now);
            case ASSIGN -> protocol.assign(coin, step.other(), now);
            case REASSIGN_VIA_OWNER -> protocol.reassignViaOwner(coin, step.other(), now);
            case REASSIGN_VIA_BROKER -> protocol.reassignViaBroker(coin, step.other(), now);
            case ADD_LAYER -> protocol.addLayer(coin, step.other(), now);
            case PEEL -> protocol.peel(coin, now);
            case RENEW_VIA_OWNER -> protocol.renewViaOwner(coin, now);
            case RENEW_VIA_BROKER -> protocol.renewViaBroker(coin, now);
            case RENEW_OWN -> protocol.renewOwnCoin(coin, now);
            case FORFEIT -> ledger.forfeit(coin);
            case CASH -> protocol.cash(coin, step.task(), now);
            case PROBE -> probe(step.actor(), step.other(), coin == 1);
            case COME_ONLINE, GO_OFFLINE -> { }
            default -> throw new IllegalStateException("unknown step " + step.kind());
        }
        steps.add(step);
        return coin;
    }

    /** The cash steps that end a run: every holder cashes every coin it holds (section 6.3). */
    public List<Step> cashOut(long nowSeconds) {
        final List<Step> cash = new ArrayList<>();
        for (int p = 0; p < peers; p++) {
            final HeldCoins held = ledger.held(p);
            while (!held.isEmpty()) {
                final int coin = held.coin(held.size() - 1);
                final Step step = new Step(StepKind.CASH, nowSeconds, p, coin, -1, Task.MISC);
                apply(step);
                cash.add(step);
            }
        }
        return cash;
    }

    /** The simulator's probe (a GUESS query and its response) and one soft-credit picopayment on both sides. */
    private void probe(int querier, int target, boolean hit) {
        final int q = peer(querier);
        final int t = peer(target);
        counters.action(q, Task.GUESS, CostAction.GUESS_PROBE);
        counters.action(t, Task.GUESS, CostAction.GUESS_PROBE);
        counters.message(q, t, Task.GUESS, Messages.GUESS_QUERY_BYTES, 0, false);
        counters.message(t, q, Task.GUESS, hit ? Messages.GUESS_RESPONSE_HIT_BYTES : Messages.GUESS_RESPONSE_MISS_BYTES,
                0, false);
        counters.action(q, Task.MISC, CostAction.SOFT_CREDIT_STEP);
        counters.action(t, Task.MISC, CostAction.SOFT_CREDIT_STEP);
    }
}
