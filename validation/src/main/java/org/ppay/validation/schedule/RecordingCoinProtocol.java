package org.ppay.validation.schedule;

import java.util.List;
import org.ppay.sim.coins.CoinLedger;
import org.ppay.sim.coins.CoinProtocol;
import org.ppay.sim.load.Task;

/**
 * Wraps the simulator's accounting protocol and writes down every step the simulation takes, with the peer that
 * performs it (read from the ledger before the step moves the coin).
 */
final class RecordingCoinProtocol implements CoinProtocol {

    private final CoinLedger ledger;
    private final CoinProtocol accounting;
    private final List<Step> steps;

    RecordingCoinProtocol(CoinLedger ledger, CoinProtocol accounting, List<Step> steps) {
        this.ledger = ledger;
        this.accounting = accounting;
        this.steps = steps;
    }

    private void record(StepKind kind, double now, int actor, int coin, int other, Task task) {
        steps.add(new Step(kind, (long) now, actor, coin, other, task));
    }

    @Override
    public void issueLimitCertificate(int peer, double now) {
        record(StepKind.LIMIT_CERTIFICATE, now, peer, -1, -1, Task.MISC);
        accounting.issueLimitCertificate(peer, now);
    }

    @Override
    public int print(int owner, double now) {
        record(StepKind.PRINT, now, owner, -1, -1, Task.MISC);
        return accounting.print(owner, now);
    }

    @Override
    public void assign(int coin, int payee, double now) {
        record(StepKind.ASSIGN, now, ledger.holder(coin), coin, payee, Task.REASSIGNMENT);
        accounting.assign(coin, payee, now);
    }

    @Override
    public void reassignViaOwner(int coin, int payee, double now) {
        record(StepKind.REASSIGN_VIA_OWNER, now, ledger.holder(coin), coin, payee, Task.REASSIGNMENT);
        accounting.reassignViaOwner(coin, payee, now);
    }

    @Override
    public void reassignViaBroker(int coin, int payee, double now) {
        record(StepKind.REASSIGN_VIA_BROKER, now, ledger.holder(coin), coin, payee, Task.REASSIGNMENT);
        accounting.reassignViaBroker(coin, payee, now);
    }

    @Override
    public void addLayer(int coin, int payee, double now) {
        record(StepKind.ADD_LAYER, now, ledger.holder(coin), coin, payee, Task.REASSIGNMENT);
        accounting.addLayer(coin, payee, now);
    }

    @Override
    public void peel(int coin, double now) {
        record(StepKind.PEEL, now, ledger.owner(coin), coin, -1, Task.REASSIGNMENT);
        accounting.peel(coin, now);
    }

    @Override
    public void renewViaOwner(int coin, double now) {
        record(StepKind.RENEW_VIA_OWNER, now, ledger.holder(coin), coin, -1, Task.RENEWAL);
        accounting.renewViaOwner(coin, now);
    }

    @Override
    public void renewViaBroker(int coin, double now) {
        record(StepKind.RENEW_VIA_BROKER, now, ledger.holder(coin), coin, -1, Task.RENEWAL);
        accounting.renewViaBroker(coin, now);
    }

    @Override
    public void renewOwnCoin(int coin, double now) {
        record(StepKind.RENEW_OWN, now, ledger.holder(coin), coin, -1, Task.RENEWAL);
        accounting.renewOwnCoin(coin, now);
    }

    @Override
    public void cash(int coin, Task task, double now) {
        record(StepKind.CASH, now, ledger.holder(coin), coin, -1, task);
        accounting.cash(coin, task, now);
    }
}
