package org.ppay.sim.engine;

import java.util.SplittableRandom;

/**
 * Standard normal draws from a SplittableRandom (Marsaglia's polar method; the spare value is discarded). StrictMath,
 * not Math: its results are the same on every JVM and platform, so a seed gives the same run everywhere.
 */
public final class Gaussian {

    private Gaussian() {
    }

    public static double next(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * StrictMath.log(s) / s);
    }
}
