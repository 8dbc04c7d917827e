package org.ppay.costs;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which cost table prices a run when the user names none, and which is compared beside it: the one policy the
 * commands share. Without a table of its own a run is priced by the calibration embedded in the build: its busy table
 * for simulations and reports (with the sparse one beside it), and for a validation the table of the deployment's
 * regime (sparse when its steps are paced) with the other regime's beside it.
 */
public final class TableChoice {

    /** The suite a host is measured with when nothing names one and the build embeds no calibration. */
    public static final String FALLBACK_SUITE = "ed25519-jdk";

    private TableChoice() {
    }

    /** What prices a simulation or a report without {@code --costs}: the embedded busy table. */
    public static CostTable forReport() {
        return CostTable.embeddedDefault();
    }

    /** What a report without {@code --costs} re-costs its figures with beside it: the embedded sparse table. */
    public static Optional<CostTable> besideReport() {
        return embeddedSparse();
    }

    /** The embedded tables a validation predicts with: the paced deployment's sparse table first, the busy beside. */
    public static Regimes forValidation(boolean paced) {
        final CostTable busy = CostTable.hasEmbeddedDefault() ? CostTable.embeddedDefault() : null;
        final CostTable sparse = busy == null ? null : embeddedSparse().orElse(null);
        return paced && sparse != null ? new Regimes(sparse, busy, "busy") : new Regimes(busy, sparse, "sparse");
    }

    /** The suite a host is measured with for a validation without {@code --suite}: the embedded table's. */
    public static String calibrationSuite() {
        return CostTable.hasEmbeddedDefault() ? CostTable.embeddedDefault().suite() : FALLBACK_SUITE;
    }

    /**
     * Of tables measured on one host, the one a pipeline's report is priced with: the Ed25519 table with the fewest
     * cycles over all actions (Ed25519 on the fastest provider), the cheapest of all when none is Ed25519.
     */
    public static Path cheapestEd25519(List<Path> tables) {
        Path best = null;
        double bestCycles = Double.POSITIVE_INFINITY;
        boolean bestIsEd25519 = false;
        for (Path p : tables) {
            final CostTable t = CostTable.read(p);
            final boolean ed = t.suite().toLowerCase(Locale.ROOT).startsWith("ed25519");
            double cycles = 0;
            for (CostEntry e : t.entries()) {
                cycles += e.cyclesPerOp();
            }
            if (best == null || (ed && !bestIsEd25519) || (ed == bestIsEd25519 && cycles < bestCycles)) {
                best = p;
                bestCycles = cycles;
                bestIsEd25519 = ed;
            }
        }
        return best;
    }

    /** The embedded sparse table, of the embedded busy table's suite. */
    private static Optional<CostTable> embeddedSparse() {
        if (!CostTable.hasEmbeddedDefault()) {
            return Optional.empty();
        }
        final String suite = CostTable.embeddedDefault().suite();
        return CostTable.embeddedSparse().filter(t -> t.suite().equals(suite));
    }

    /**
     * A validation's embedded tables.
     *
     * @param main       the table of the deployment's regime, or null when the build embeds none
     * @param other      the other regime's, or null
     * @param otherLabel the other regime's name, which its CSV beside the run's takes
     */
    public record Regimes(CostTable main, CostTable other, String otherLabel) {
    }
}
