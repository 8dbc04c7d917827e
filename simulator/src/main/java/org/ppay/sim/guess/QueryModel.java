package org.ppay.sim.guess;

import java.util.SplittableRandom;
import org.ppay.sim.SimulationParameters;
import org.ppay.sim.engine.Gaussian;

/**
 * The query model of Yang and Garcia-Molina (VLDB 2001) with our chosen forms (docs/simulator.md, "Queries"): a
 * universe of queries with Zipf-like popularity {@code g(i) ~ i^-a}, a selection power {@code f(i) = top * i^-b}
 * (the chance one file matches query i), files matching independently, and files per peer from the Gnutella fit
 * (a share of free riders, lognormal otherwise).
 */
public final class QueryModel {

    /** Grid of the exponential's bounds: steps of 1/256 over [-64, 0]. */
    private static final int STEPS_PER_UNIT = 256;
    private static final int TABLE_STEPS = 64 * STEPS_PER_UNIT;
    /** Relative margin far above the error of StrictMath.exp (under 1 ulp, 2.2e-16) at the grid and at y. */
    private static final double MARGIN = 1e-14;
    /** {@code EXP_UPPER[k] >= exp(y)} and {@code EXP_LOWER[k] <= exp(y)} for every y in [-(k + 1), -k] / 256. */
    private static final double[] EXP_UPPER = new double[TABLE_STEPS];
    private static final double[] EXP_LOWER = new double[TABLE_STEPS];

    static {
        for (int k = 0; k < TABLE_STEPS; k++) {
            EXP_UPPER[k] = StrictMath.exp(-(double) k / STEPS_PER_UNIT) * (1 + MARGIN);
            EXP_LOWER[k] = StrictMath.exp(-(double) (k + 1) / STEPS_PER_UNIT) * (1 - MARGIN);
        }
    }

    private final double[] popularityCdf;
    private final double[] logMissPerFile;
    private final double filesZeroFraction;
    private final double filesLogMean;
    private final double filesLogSigma;

    public QueryModel(SimulationParameters p) {
        final int universe = p.queryUniverse();
        this.popularityCdf = new double[universe];
        this.logMissPerFile = new double[universe];
        double sum = 0;
        for (int i = 0; i < universe; i++) {
            sum += StrictMath.pow(i + 1, -p.queryZipfExponent());
            popularityCdf[i] = sum;
            final double f = p.selectionPowerTop() * StrictMath.pow(i + 1, -p.selectionPowerExponent());
            logMissPerFile[i] = f >= 1 ? Double.NEGATIVE_INFINITY : StrictMath.log1p(-f);
        }
        for (int i = 0; i < universe; i++) {
            popularityCdf[i] /= sum;
        }
        popularityCdf[universe - 1] = 1.0;
        this.filesZeroFraction = p.filesZeroFraction();
        this.filesLogMean = p.filesLogMean();
        this.filesLogSigma = p.filesLogSigma();
    }

    /** Files shared by a new peer: none with the free-rider share, else a lognormal count rounded down. */
    public double drawFiles(SplittableRandom random) {
        if (random.nextDouble() < filesZeroFraction) {
            return 0;
        }
        return Math.floor(Math.min(1e9, StrictMath.exp(filesLogMean + filesLogSigma * Gaussian.next(random))));
    }

    /** A query drawn by popularity: its index in the universe. */
    public int drawQuery(SplittableRandom random) {
        final double u = random.nextDouble();
        int low = 0;
        int high = popularityCdf.length - 1;
        while (low < high) {
            final int mid = (low + high) >>> 1;
            if (popularityCdf[mid] > u) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** ln(1 - f(query)): a peer with n files misses the query with probability exp(n * this). */
    public double logMissPerFile(int query) {
        return logMissPerFile[query];
    }

    /**
     * Whether a peer with {@code files} files returns at least one result for the query: a uniform draw at or above
     * {@code exp(files * logMissPerFile)}. The draw is compared with bounds of the exponential from a table first, and
     * {@link StrictMath#exp} runs only when the draw falls between them (about once in {@value #STEPS_PER_UNIT}
     * draws), so the outcome is exactly that of computing the exponential every time.
     */
    public static boolean hits(SplittableRandom random, double files, double logMissPerFile) {
        if (files == 0) {
            return false;
        }
        final double u = random.nextDouble();
        final double y = files * logMissPerFile;
        final double steps = -y * STEPS_PER_UNIT;
        if (steps >= 0 && steps < TABLE_STEPS) {
            final int k = (int) steps;
            if (u >= EXP_UPPER[k]) {
                return true;
            }
            if (u < EXP_LOWER[k]) {
                return false;
            }
        }
        return u >= StrictMath.exp(y);
    }
}
