package org.ppay.reports;

import java.util.List;

/**
 * The mean of a metric over seeds, with its 95% confidence interval from Student's t.
 *
 * @param samples        how many runs the estimate rests on
 * @param mean           sample mean
 * @param stddev         sample standard deviation (n - 1 in the denominator); 0 for one sample
 * @param halfWidth95    half the width of the 95% confidence interval; NaN when there are fewer than two samples
 */
public record Estimate(int samples, double mean, double stddev, double halfWidth95) {

    /** The estimate from a list of per-seed values. */
    public static Estimate of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an estimate needs at least one value");
        }
        final int n = values.size();
        double sum = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("value " + v + " is not a finite number");
            }
            sum += v;
        }
        final double mean = sum / n;
        if (n == 1) {
            return new Estimate(1, mean, 0, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        final double stddev = Math.sqrt(squares / (n - 1));
        final double half = StudentT.quantile(0.975, n - 1) * stddev / Math.sqrt(n);
        return new Estimate(n, mean, stddev, half);
    }

    public double low95() {
        return mean - halfWidthOrZero();
    }

    public double high95() {
        return mean + halfWidthOrZero();
    }

    /** The half width, or 0 when one sample gives no interval (so error bars collapse rather than vanish). */
    public double halfWidthOrZero() {
        return Double.isNaN(halfWidth95) ? 0 : halfWidth95;
    }
}
