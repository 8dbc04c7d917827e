package org.ppay.sim.load;

/** What a unit of work was for: the four parts of the load split of figure 4. */
public enum Task {
    /** GUESS probes and their responses: the application itself. */
    GUESS,
    /** Moving a coin from payer to payee: direct assignment, reassignment via owner or broker, layers, peeling. */
    REASSIGNMENT,
    /** Renewing a coin via its owner or the broker. */
    RENEWAL,
    /** Everything else: limit certificates, printing, cashing, credit-window and hash-chain bookkeeping. */
    MISC;

    private static final Task[] VALUES = values();

    public static Task of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The name used in runs.csv column names. */
    public String columnName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
