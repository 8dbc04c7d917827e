package org.ppay.sim.coins;

import static org.ppay.sim.load.LoadCounters.BROKER;
import static org.ppay.sim.load.LoadCounters.peer;

import org.ppay.costs.CostAction;
import org.ppay.sim.load.LoadCounters;
import org.ppay.sim.load.Messages;
import org.ppay.sim.load.Task;

/**
 * The protocol steps as bookkeeping: each step moves the coin in the ledger, records the owner's proofs, and counts
 * the macro actions and messages each entity would perform and send (docs/simulator.md, "What each step counts").
 */
public final class AccountingCoinProtocol implements CoinProtocol {

    private final CoinLedger ledger;
    private final ProofStore proofs;
    private final LoadCounters counters;

    public AccountingCoinProtocol(CoinLedger ledger, ProofStore proofs, LoadCounters counters) {
        this.ledger = ledger;
        this.proofs = proofs;
        this.counters = counters;
    }

    @Override
    public void issueLimitCertificate(int p, double now) {
        counters.message(peer(p), BROKER, Task.MISC, Messages.LIMIT_CERTIFICATE_REQUEST_BYTES, 0, true);
        counters.action(BROKER, Task.MISC, CostAction.BROKER_ISSUE_LIMIT_CERTIFICATE);
        counters.message(BROKER, peer(p), Task.MISC, Messages.LIMIT_CERTIFICATE_BYTES, 1, true);
    }

    @Override
    public int print(int owner, double now) {
        counters.action(peer(owner), Task.MISC, CostAction.OWNER_PRINT_COIN);
        return ledger.create(owner, now);
    }

    @Override
    public void assign(int coin, int payee, double now) {
        final int owner = ledger.holder(coin);
        counters.action(peer(owner), Task.REASSIGNMENT, CostAction.OWNER_ASSIGN);
        counters.message(peer(owner), peer(payee), Task.REASSIGNMENT, Messages.ASSIGNMENT_BYTES,
                Messages.ASSIGNMENT_SIGNATURES, true);
        counters.action(peer(payee), Task.REASSIGNMENT, CostAction.HOLDER_CHECK_ASSIGNMENT);
        ledger.nextSequence(coin);
        ledger.transfer(coin, payee);
    }

    @Override
    public void reassignViaOwner(int coin, int payee, double now) {
        final int holder = ledger.holder(coin);
        final int owner = ledger.owner(coin);
        final int layers = ledger.layers(coin);
        counters.action(peer(holder), Task.REASSIGNMENT, CostAction.HOLDER_REQUEST_REASSIGNMENT);
        counters.message(peer(holder), peer(owner), Task.REASSIGNMENT, Messages.reassignmentRequestBytes(layers),
                Messages.reassignmentRequestSignatures(layers), true);
        counters.action(peer(owner), Task.REASSIGNMENT, CostAction.OWNER_PEEL_LAYER, layers);
        counters.action(peer(owner), Task.REASSIGNMENT, CostAction.OWNER_PROCESS_REASSIGNMENT);
        proofs.record(owner, coin, 1 + layers, now);
        newAssignmentTo(peer(owner), holder, payee, owner, Task.REASSIGNMENT);
        ledger.setLayers(coin, 0);
        ledger.nextSequence(coin);
        ledger.transfer(coin, payee);
    }

    @Override
    public void reassignViaBroker(int coin, int payee, double now) {
        final int holder = ledger.holder(coin);
        final int owner = ledger.owner(coin);
        final int layers = ledger.layers(coin);
        counters.action(peer(holder), Task.REASSIGNMENT, CostAction.HOLDER_REQUEST_REASSIGNMENT);
        final int requestBytes = Messages.reassignmentRequestBytes(layers);
        final int requestSignatures = Messages.reassignmentRequestSignatures(layers);
        counters.message(peer(holder), BROKER, Task.REASSIGNMENT, requestBytes, requestSignatures, true);
        counters.action(BROKER, Task.REASSIGNMENT, CostAction.BROKER_REASSIGN);
        counters.action(BROKER, Task.REASSIGNMENT, CostAction.BROKER_CASH_LAYER, layers);
        newAssignmentTo(BROKER, holder, payee, -1, Task.REASSIGNMENT);
        forwardToOwner(coin, owner, layers, requestBytes, requestSignatures, Task.REASSIGNMENT, now);
        ledger.setLayers(coin, 0);
        ledger.nextSequence(coin);
        ledger.transfer(coin, payee);
    }

    @Override
    public void addLayer(int coin, int payee, double now) {
        final int holder = ledger.holder(coin);
        final int layers = ledger.layers(coin) + 1;
        counters.action(peer(holder), Task.REASSIGNMENT, CostAction.HOLDER_ADD_LAYER);
        counters.message(peer(holder), peer(payee), Task.REASSIGNMENT, Messages.instrumentBytes(layers),
                Messages.instrumentSignatures(layers), true);
        counters.action(peer(payee), Task.REASSIGNMENT, CostAction.HOLDER_CHECK_ASSIGNMENT, 1 + layers);
        ledger.setLayers(coin, layers);
        ledger.transfer(coin, payee);
    }

    @Override
    public void peel(int coin, double now) {
        final int owner = ledger.owner(coin);
        final int layers = ledger.layers(coin);
        counters.action(peer(owner), Task.REASSIGNMENT, CostAction.OWNER_PEEL_LAYER, layers);
        proofs.record(owner, coin, layers, now);
        ledger.setLayers(coin, 0);
    }

    @Override
    public void renewViaOwner(int coin, double now) {
        final int holder = ledger.holder(coin);
        final int owner = ledger.owner(coin);
        final int layers = ledger.layers(coin);
        counters.action(peer(holder), Task.RENEWAL, CostAction.HOLDER_REQUEST_RENEWAL);
        counters.message(peer(holder), peer(owner), Task.RENEWAL, Messages.renewalRequestBytes(layers),
                Messages.renewalRequestSignatures(layers), true);
        counters.action(peer(owner), Task.RENEWAL, CostAction.OWNER_PEEL_LAYER, layers);
        counters.action(peer(owner), Task.RENEWAL, CostAction.OWNER_RENEW);
        proofs.record(owner, coin, 1 + layers, now);
        counters.message(peer(owner), peer(holder), Task.RENEWAL, Messages.ASSIGNMENT_BYTES,
                Messages.ASSIGNMENT_SIGNATURES, true);
        counters.action(peer(holder), Task.RENEWAL, CostAction.HOLDER_CHECK_ASSIGNMENT);
        advanceEpoch(coin);
    }

    @Override
    public void renewViaBroker(int coin, double now) {
        final int holder = ledger.holder(coin);
        final int owner = ledger.owner(coin);
        final int layers = ledger.layers(coin);
        counters.action(peer(holder), Task.RENEWAL, CostAction.HOLDER_REQUEST_RENEWAL);
        final int requestBytes = Messages.renewalRequestBytes(layers);
        final int requestSignatures = Messages.renewalRequestSignatures(layers);
        counters.message(peer(holder), BROKER, Task.RENEWAL, requestBytes, requestSignatures, true);
        counters.action(BROKER, Task.RENEWAL, CostAction.BROKER_RENEW);
        counters.action(BROKER, Task.RENEWAL, CostAction.BROKER_CASH_LAYER, layers);
        counters.message(BROKER, peer(holder), Task.RENEWAL, Messages.ASSIGNMENT_BYTES,
                Messages.ASSIGNMENT_SIGNATURES, true);
        counters.action(peer(holder), Task.RENEWAL, CostAction.HOLDER_CHECK_ASSIGNMENT);
        forwardToOwner(coin, owner, layers, requestBytes, requestSignatures, Task.RENEWAL, now);
        advanceEpoch(coin);
    }

    @Override
    public void renewOwnCoin(int coin, double now) {
        advanceEpoch(coin);
    }

    @Override
    public void cash(int coin, Task task, double now) {
        final int holder = ledger.holder(coin);
        final int layers = ledger.layers(coin);
        counters.action(peer(holder), task, CostAction.HOLDER_REQUEST_CASH);
        counters.message(peer(holder), BROKER, task, Messages.cashRequestBytes(layers),
                Messages.cashRequestSignatures(layers), true);
        counters.action(BROKER, task, CostAction.BROKER_CASH_COIN);
        counters.action(BROKER, task, CostAction.BROKER_CASH_LAYER, layers);
        counters.message(BROKER, peer(holder), task, Messages.CASH_RECEIPT_BYTES, 0, true);
        ledger.markCashed(coin);
    }

    /** The new assignment goes to the payee and, as a copy, to the old holder; nobody sends to itself. */
    private void newAssignmentTo(int signer, int oldHolder, int payee, int signerPeer, Task task) {
        if (payee != signerPeer) {
            counters.message(signer, peer(payee), task, Messages.ASSIGNMENT_BYTES, Messages.ASSIGNMENT_SIGNATURES, true);
            counters.action(peer(payee), task, CostAction.HOLDER_CHECK_ASSIGNMENT);
        }
        counters.message(signer, peer(oldHolder), task, Messages.ASSIGNMENT_BYTES, Messages.ASSIGNMENT_SIGNATURES, true);
        counters.action(peer(oldHolder), task, CostAction.HOLDER_CHECK_ASSIGNMENT);
    }

    /**
     * The broker keeps the request and hands it to the owner when it returns, which checks and records it (and each
     * peeled layer) as proofs. Counted when the broker acts: the owner's work falls inside the run either way.
     */
    private void forwardToOwner(int coin, int owner, int layers, int bytes, int signatures, Task task, double now) {
        counters.message(BROKER, peer(owner), task, bytes, signatures, true);
        counters.action(peer(owner), task, CostAction.OWNER_PEEL_LAYER, 1 + layers);
        proofs.record(owner, coin, 1 + layers, now);
    }

    private void advanceEpoch(int coin) {
        ledger.setLayers(coin, 0);
        ledger.nextEpoch(coin);
        proofs.epochAdvanced(coin);
    }
}
