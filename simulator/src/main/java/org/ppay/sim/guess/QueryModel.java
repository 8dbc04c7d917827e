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

    /** Whether a peer with {@code files} files returns at least one result for the query. */
    public static boolean hits(SplittableRandom random, double files, double logMissPerFile) {
        if (files == 0) {
            return false;
        }
        return random.nextDouble() >= StrictMath.exp(files * logMissPerFile);
    }
}
