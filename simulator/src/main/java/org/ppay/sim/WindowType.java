package org.ppay.sim;

/** How picopayments accumulate before a coin settles them (section 5.4). */
public enum WindowType {
    /** Payword hash chains: one chain per payer and vendor, one direction only. */
    PAYWORD,
    /** Soft credit windows: one balance per pair of peers, payments in both directions cancel out. */
    SOFT_CREDIT
}
