package org.ppay.sim;

/** The micropayment schemes of section 7.1. */
public enum Scheme {
    /** PPay: a payer with no usable coin prints a new one; an expiring coin whose owner is down is cashed. */
    PPAY,
    /** PPay*: the downtime protocol (broker reassignment) instead of printing, broker renewal instead of cashing. */
    PPAY_STAR,
    /** Rivest-Micali: every coin goes to the broker once it can no longer be passed on by a layer; no owner work. */
    RM
}
