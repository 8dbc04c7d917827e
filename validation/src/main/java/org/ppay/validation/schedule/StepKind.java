package org.ppay.validation.schedule;

/**
 * One step of a schedule: a protocol step of the simulator's seam ({@code org.ppay.sim.coins.CoinProtocol}), a GUESS
 * probe with its picopayment, or a churn event.
 */
public enum StepKind {
    /** The broker issues the actor its limit certificate (6). */
    LIMIT_CERTIFICATE,
    /** The actor prints a self-printed coin (7). */
    PRINT,
    /** The actor, the coin's owner and holder, assigns it to {@code other} (2). */
    ASSIGN,
    /** The actor, the coin's holder, pays {@code other} through the online owner (3)-(4). */
    REASSIGN_VIA_OWNER,
    /** The actor pays {@code other} through the broker because the owner is offline (5). */
    REASSIGN_VIA_BROKER,
    /** The actor pays {@code other} by adding a layer (8). */
    ADD_LAYER,
    /** The actor, the coin's owner, holds its own layered coin and peels it. */
    PEEL,
    /** The actor renews the coin at its online owner (10)-(11). */
    RENEW_VIA_OWNER,
    /** The actor renews the coin at the broker for its offline owner. */
    RENEW_VIA_BROKER,
    /** The actor, owner and holder of the coin, moves it to its next window. */
    RENEW_OWN,
    /** The coin's renewal window closed before the actor, its holder, renewed it: the coin is void (5.3). */
    FORFEIT,
    /** The actor cashes the coin at the broker. */
    CASH,
    /** The actor probes {@code other} (GUESS) and pays it one picopayment; {@code coin} is 1 on a hit, else 0. */
    PROBE,
    /** The actor comes online; {@code coin} is 1 when the broker stored requests for it meanwhile. */
    COME_ONLINE,
    /** The actor goes offline. */
    GO_OFFLINE
}
