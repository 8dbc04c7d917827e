package org.ppay.sim;

import static org.ppay.sim.load.LoadCounters.peer;

import org.ppay.sim.coins.CoinLedger;
import org.ppay.sim.coins.CoinProtocol;
import org.ppay.sim.coins.HeldCoins;
import org.ppay.sim.credit.CreditWindows;
import org.ppay.sim.load.LoadCounters;
import org.ppay.sim.load.Task;

/**
 * The peers' decisions about money (sections 5.4, 6.3, 7.1): when a probe may be paid for, how a picopayment is
 * recorded, which coin step settles a full window under each scheme, and how a due coin is renewed. It asks the
 * {@link CoinProtocol} to perform each step and counts what it asked for.
 */
final class PaymentPolicy {

    private final SimulationParameters parameters;
    private final boolean[] online;
    private final boolean[] lazy;
    private final double renewalGraceSeconds;
    private final CoinLedger ledger;
    private final CreditWindows credit;
    private final CoinProtocol protocol;
    private final LoadCounters counters;
    private final RunTallies tallies;
    private final WindowScheduler windows;

    PaymentPolicy(SimulationParameters parameters, boolean[] online, boolean[] lazy, CoinLedger ledger,
                  CreditWindows credit, CoinProtocol protocol, LoadCounters counters, RunTallies tallies,
                  WindowScheduler windows) {
        this.parameters = parameters;
        this.online = online;
        this.lazy = lazy;
        this.renewalGraceSeconds = parameters.renewalGraceDays() * 86_400.0;
        this.ledger = ledger;
        this.credit = credit;
        this.protocol = protocol;
        this.counters = counters;
        this.tallies = tallies;
        this.windows = windows;
    }


    /** Lazy peers never owe a coin; NetLossCap makes a payee refuse credit unless the payer prepays a coin. */
    boolean mayProbe(int payer, int payee, double now) {
        if (lazy[payer]) {
            return credit.lazyMayPay(payer, payee) && credit.capAllows(payee);
        }
        if (!credit.capAllows(payee)) {
            if (!credit.mayPrepay(payer, payee)) {
                return false;
            }
            credit.prepay(payer, payee);
            tallies.prepaidCoins++;
            payCoin(payer, payee, now);
            return true;
        }
        return credit.mayAbsorbSettlement(payer) || !credit.wouldSettle(payer, payee);
    }

    void picopay(int payer, int payee, double now) {
        final long cancelledBefore = credit.cancelled();
        final int outcome = credit.pay(payer, payee);
        tallies.picopayments++;
        tallies.cancelledPicopayments += credit.cancelled() - cancelledBefore;
        final int from = peer(payer);
        final int to = peer(payee);
        if (parameters.windowType() == WindowType.SOFT_CREDIT) {
            counters.softCreditStep(from, to);
        } else {
            if ((outcome & CreditWindows.PAID_NEW_CHAIN) != 0) {
                counters.paywordCommitment(from, to);
            }
            counters.payword(from, to);
        }
        if ((outcome & CreditWindows.SETTLE_WITH_COIN) != 0) {
            payCoin(payer, payee, now);
        }
    }

    /** Section 6.3: a coin whose owner is online, else a layer, else print (PPay) or the broker (PPay*). */
    private void payCoin(int payer, int payee, double now) {
        tallies.coinPayments++;
        if (parameters.scheme() == Scheme.RM) {
            payCoinRm(payer, payee, now);
            return;
        }
        int coin = firstWithOwnerOnline(payer);
        if (coin >= 0) {
            if (ledger.owner(coin) == payer) {
                protocol.assign(coin, payee, now);
                tallies.ownerAssigned++;
            } else {
                protocol.reassignViaOwner(coin, payee, now);
                tallies.reassignedByOwner++;
            }
        } else if ((coin = firstLayerable(payer)) >= 0) {
            protocol.addLayer(coin, payee, now);
            tallies.layersAdded++;
        } else if (parameters.scheme() == Scheme.PPAY_STAR && !ledger.held(payer).isEmpty()) {
            coin = ledger.held(payer).coin(0);
            protocol.reassignViaBroker(coin, payee, now);
            tallies.reassignedByBroker++;
        } else {
            coin = printCoin(payer, now);
            protocol.assign(coin, payee, now);
            tallies.ownerAssigned++;
        }
        if (ledger.owner(coin) == payee && ledger.layers(coin) > 0) {
            protocol.peel(coin, now);
            tallies.peels++;
        }
    }

    /** RM: coins never go back to their owner; a payee passes a coin on by a layer, or deposits it at the limit. */
    private void payCoinRm(int payer, int payee, double now) {
        int coin = firstLayerable(payer);
        if (coin >= 0) {
            protocol.addLayer(coin, payee, now);
            tallies.layersAdded++;
        } else {
            coin = printCoin(payer, now);
            protocol.assign(coin, payee, now);
            tallies.ownerAssigned++;
        }
        if (ledger.layers(coin) >= parameters.maxLayers()) {
            protocol.cash(coin, Task.MISC, now);
            tallies.coinsCashed++;
        }
    }

    private int printCoin(int owner, double now) {
        final int coin = protocol.print(owner, now);
        tallies.coinsPrinted++;
        windows.windowStarts(coin);
        return coin;
    }

    private int firstWithOwnerOnline(int payer) {
        final HeldCoins held = ledger.held(payer);
        final int i = held.firstOwnedByOrOnline(payer, online);
        return i < 0 ? -1 : held.coin(i);
    }

    private int firstLayerable(int payer) {
        final HeldCoins held = ledger.held(payer);
        final int maxLayers = parameters.maxLayers();
        for (int i = 0, n = held.size(); i < n; i++) {
            final int coin = held.coin(i);
            if (ledger.layers(coin) < maxLayers) {
                return coin;
            }
        }
        return -1;
    }

    /** The holder renews at the owner when it can; near the window's end it falls back on cashing (PPay, RM) or the broker (PPay*). */
    void renew(int coin, double now) {
        final int holder = ledger.holder(coin);
        final int owner = ledger.owner(coin);
        if (parameters.scheme() != Scheme.RM && holder == owner) {
            protocol.renewOwnCoin(coin, now);
            tallies.ownCoinRenewals++;
            windows.windowStarts(coin);
        } else if (parameters.scheme() != Scheme.RM && online[owner]) {
            protocol.renewViaOwner(coin, now);
            tallies.renewedByOwner++;
            windows.windowStarts(coin);
        } else if (parameters.scheme() == Scheme.RM || now >= ledger.renewalEnd(coin) - renewalGraceSeconds) {
            if (parameters.scheme() == Scheme.PPAY_STAR) {
                protocol.renewViaBroker(coin, now);
                tallies.renewedByBroker++;
                windows.windowStarts(coin);
            } else {
                protocol.cash(coin, Task.MISC, now);
                tallies.coinsCashed++;
                tallies.coinsCashedExpiring++;
            }
        }
    }

    /** Told when a coin enters a renewal epoch (printed or renewed), to schedule its window. */
    @FunctionalInterface
    interface WindowScheduler {
        void windowStarts(int coin);
    }
}
