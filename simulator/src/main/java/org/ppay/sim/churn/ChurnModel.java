package org.ppay.sim.churn;

import java.util.SplittableRandom;
import org.ppay.sim.engine.Gaussian;
import org.ppay.sim.SimulationParameters;

/**
 * Online and offline periods of peers (docs/simulator.md, "Churn").
 *
 * <p>Each peer draws an uptime fraction {@code u} from a logit-normal distribution. Online sessions are lognormal with
 * the measured median (about 60 minutes, Saroiu et al.) times the Lifespan Multiplier. Offline periods are
 * exponential with mean {@code meanSession * (1 - u) / u} times the Downtime Multiplier, so that without multipliers a
 * peer is online a fraction {@code u} of the time.
 */
public final class ChurnModel {

    private final double logMedianSessionSeconds;
    private final double sessionSigma;
    private final double meanSessionSeconds;
    private final double lifespanMultiplier;
    private final double downtimeMultiplier;
    private final double uptimeLogitMean;
    private final double uptimeLogitSigma;

    public ChurnModel(SimulationParameters p) {
        this.logMedianSessionSeconds = StrictMath.log(p.medianSessionMinutes() * 60.0);
        this.sessionSigma = p.sessionSigma();
        this.meanSessionSeconds = p.medianSessionMinutes() * 60.0 * StrictMath.exp(p.sessionSigma() * p.sessionSigma() / 2);
        this.lifespanMultiplier = p.lifespanMultiplier();
        this.downtimeMultiplier = p.downtimeMultiplier();
        this.uptimeLogitMean = p.uptimeLogitMean();
        this.uptimeLogitSigma = p.uptimeLogitSigma();
    }

    /** A peer's uptime fraction before multipliers, in (0, 1). */
    public double drawUptime(SplittableRandom random) {
        final double u = 1.0 / (1.0 + StrictMath.exp(-(uptimeLogitMean + uptimeLogitSigma * Gaussian.next(random))));
        return Math.min(Math.max(u, 1e-6), 1 - 1e-6);
    }

    /** Mean offline period of a peer with uptime {@code u}, multiplier included. */
    public double meanDowntimeSeconds(double uptime) {
        return meanSessionSeconds * (1 - uptime) / uptime * downtimeMultiplier;
    }

    /** Long-run fraction of time a peer with uptime {@code u} is online, multipliers included. */
    public double onlineFraction(double uptime) {
        final double on = meanSessionSeconds * lifespanMultiplier;
        return on / (on + meanDowntimeSeconds(uptime));
    }

    public double drawSessionSeconds(SplittableRandom random) {
        return StrictMath.exp(logMedianSessionSeconds + sessionSigma * Gaussian.next(random)) * lifespanMultiplier;
    }

    public double drawDowntimeSeconds(SplittableRandom random, double uptime) {
        return -StrictMath.log(1.0 - random.nextDouble()) * meanDowntimeSeconds(uptime);
    }
}
