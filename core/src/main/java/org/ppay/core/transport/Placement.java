package org.ppay.core.transport;

/**
 * Where the two ends of a message exchange run, which decides what a hand-off costs in CPU: the transport benchmark's
 * {@code placement} parameter and the calibration's choice of its result. Unpinned, a pair of threads settles in either
 * arrangement once per JVM, and on a VM the two prices differ 3-4x.
 */
public enum Placement {
    /** Both ends on one CPU: a message makes its reader runnable on a CPU that is busy, a queue switch. */
    SAME_CPU("same-cpu"),
    /**
     * The ends on two CPUs: a message wakes its reader's CPU from idle (on a VM, an interrupt to a halted virtual CPU
     * and its exit from the hypervisor), as at hosts that wait between messages.
     */
    SPREAD("spread");

    private final String label;

    Placement(String label) {
        this.label = label;
    }

    /** The benchmark's parameter value, also the command line's. */
    public String label() {
        return label;
    }

    /** The placement whose {@link #label()} is {@code label}. */
    public static Placement of(String label) {
        for (Placement placement : values()) {
            if (placement.label.equals(label)) {
                return placement;
            }
        }
        throw new IllegalArgumentException("placement must be same-cpu or spread, was '" + label + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
