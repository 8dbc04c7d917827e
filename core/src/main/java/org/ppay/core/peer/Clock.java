package org.ppay.core.peer;

/** The time every role reads: seconds, Unix or simulated, as carried on the wire (4 bytes, unsigned). */
@FunctionalInterface
public interface Clock {

    long nowSeconds();
}
