package org.ppay.bench.net;

import java.util.List;

/**
 * Where the two ends of an exchange run, which decides what a hand-off costs in CPU. On the 2-vCPU VM this project is
 * developed on, an unpinned pair settles in either arrangement per JVM and the price differs 3-4x between them.
 */
enum Placement {
    /** Both ends on one CPU: a message makes its reader runnable on a CPU that is busy, a queue switch. */
    SAME_CPU("same-cpu"),
    /**
     * The ends on two CPUs: a message wakes its reader's CPU from idle (on a VM, an interrupt to a halted virtual CPU
     * and its exit from the hypervisor), as at a host that waits between messages.
     */
    SPREAD("spread");

    private final String label;

    Placement(String label) {
        this.label = label;
    }

    static Placement of(String label) {
        for (Placement placement : values()) {
            if (placement.label.equals(label)) {
                return placement;
            }
        }
        throw new IllegalArgumentException("placement must be same-cpu or spread, was '" + label + "'");
    }

    /** The CPU for the sending end (the benchmark thread) and for the answering end, from the CPUs allowed. */
    int[] cpus(List<Integer> allowed) {
        if (this == SPREAD && allowed.size() < 2) {
            throw new IllegalStateException("placement spread needs two CPUs; this process may use only " + allowed);
        }
        return new int[] {allowed.get(0), this == SPREAD ? allowed.get(1) : allowed.get(0)};
    }

    @Override
    public String toString() {
        return label;
    }
}
