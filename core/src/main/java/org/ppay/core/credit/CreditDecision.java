package org.ppay.core.credit;

/** The answer of a soft credit window to a picopayment or a coin payment (section 5.4). */
public enum CreditDecision {
    /** Go ahead; the balance has been updated. */
    GRANTED,
    /** The window to that peer is full: a coin must settle it first. */
    REFUSED_WINDOW_FULL,
    /** The peer's net credit loss is at its cap v: the other side must pay a coin first. */
    REFUSED_NET_LOSS_CAP,
    /** A coin payment would push the balance out of the window (the payer is already owed credit). */
    REFUSED_OUT_OF_WINDOW
}
