package org.ppay.sim.coins;

import org.ppay.sim.load.Task;

/**
 * The protocol steps the simulation asks for, one method per step of sections 3 and 5. The simulation decides which
 * step a situation calls for (its payment and renewal policy); an implementation performs the step: moves the coin in
 * the {@link CoinLedger}, has owners record proofs, and counts every macro action and message of every entity.
 *
 * <p>This is the seam between the model and the protocol: {@link AccountingCoinProtocol} does the bookkeeping
 * directly; an implementation over the core's broker, owner and holder roles can replace it.
 */
public interface CoinProtocol {

    /** The broker issues {@code peer} its limit certificate (6) when it joins. */
    void issueLimitCertificate(int peer, double now);

    /** {@code owner} prints a coin under its limit certificate (7); it holds the coin. Returns the coin id. */
    int print(int owner, double now);

    /** The holder of {@code coin}, which is its owner, assigns it to {@code payee} (2). */
    void assign(int coin, int payee, double now);

    /** The holder asks the online owner to reassign the coin to {@code payee} (3)-(4); the owner peels any layers. */
    void reassignViaOwner(int coin, int payee, double now);

    /** The downtime protocol: the broker reassigns the coin of an offline owner (5) and stores the request for it. */
    void reassignViaBroker(int coin, int payee, double now);

    /** The holder passes the coin to {@code payee} by adding a layer (8). */
    void addLayer(int coin, int payee, double now);

    /** The owner, holding its own layered coin, peels the layers off and records each as a proof. */
    void peel(int coin, double now);

    /** The holder renews the coin at its online owner (10)-(11). */
    void renewViaOwner(int coin, double now);

    /** The holder renews the coin of an offline owner at the broker, which stores the request for the owner. */
    void renewViaBroker(int coin, double now);

    /** An owner holding its own coin moves it to its next renewal window: nobody else is involved. */
    void renewOwnCoin(int coin, double now);

    /** The holder cashes the coin at the broker. */
    void cash(int coin, Task task, double now);
}
