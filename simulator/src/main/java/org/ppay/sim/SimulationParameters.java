package org.ppay.sim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Every parameter of a simulation run: Table 1 of the paper with its defaults, the run length and seed, and the
 * named parameters of the churn, files, query and pong-cache models (docs/simulator.md gives the reasons).
 *
 * <p>Immutable and validated: the constructor rejects a bad value with an {@link IllegalArgumentException} naming the
 * key and its allowed range. {@link #with(String, String)} sets one parameter by its key, as the command line and
 * sweep files do; {@link #values()} gives every key and value in a fixed order, as runs.csv writes them.
 */
public record SimulationParameters(        int networkSize,
        int pongCacheSize,
        double queryRatePerSecond,
        double lifespanMultiplier,
        double downtimeMultiplier,
        int creditWindowSize,
        WindowType windowType,
        int maxLayers,
        double renewalWaitDays,
        Scheme scheme,
        long netLossCap,
        double percentLazy,
        double simulatedDays,
        long seed,
        double medianSessionMinutes,
        double sessionSigma,
        double uptimeLogitMean,
        double uptimeLogitSigma,
        double filesZeroFraction,
        double filesLogMean,
        double filesLogSigma,
        int queryUniverse,
        double queryZipfExponent,
        double selectionPowerTop,
        double selectionPowerExponent,
        double pongReplaceProbability,
        double learnProberProbability,
        double renewalGraceDays) {

    /** The value of {@link #netLossCap()} that means no cap. */
    public static final long NO_CAP = Long.MAX_VALUE;

    public SimulationParameters {
        check(networkSize >= 2 && networkSize <= 10_000_000, "network-size", "2..10000000", networkSize);
        check(pongCacheSize >= 1, "pong-cache-size", "1..network-size - 1", pongCacheSize);
        check(queryRatePerSecond > 0 && queryRatePerSecond <= 1000, "query-rate", "(0, 1000] queries per online peer per second", queryRatePerSecond);
        check(lifespanMultiplier > 0 && lifespanMultiplier <= 1000, "lifespan-multiplier", "(0, 1000]", lifespanMultiplier);
        check(downtimeMultiplier > 0 && downtimeMultiplier <= 1000, "downtime-multiplier", "(0, 1000]", downtimeMultiplier);
        check(creditWindowSize >= 1 && creditWindowSize <= 1_000_000, "credit-window-size", "1..1000000 picopayments", creditWindowSize);
        if (windowType == null) {
            throw new IllegalArgumentException("window-type must be one of PAYWORD or SOFT_CREDIT");
        }
        check(maxLayers >= 0 && maxLayers <= 64, "max-layers", "0..64", maxLayers);
        check(renewalWaitDays > 0 && renewalWaitDays <= 10_000, "renewal-wait-days", "(0, 10000] days", renewalWaitDays);
        if (scheme == null) {
            throw new IllegalArgumentException("scheme must be one of PPAY, PPAY_STAR or RM");
        }
        check(netLossCap >= 1, "net-loss-cap", "1..9223372036854775807 picopayments, or infinite", netLossCap);
        check(percentLazy >= 0 && percentLazy <= 100, "percent-lazy", "[0, 100] percent", percentLazy);
        check(simulatedDays > 0 && simulatedDays <= 10_000, "simulated-days", "(0, 10000] days", simulatedDays);
        check(medianSessionMinutes > 0 && medianSessionMinutes <= 1_000_000, "median-session-minutes", "(0, 1000000] minutes", medianSessionMinutes);
        check(sessionSigma >= 0 && sessionSigma <= 10, "session-sigma", "[0, 10]", sessionSigma);
        check(uptimeLogitMean >= -20 && uptimeLogitMean <= 20, "uptime-logit-mean", "[-20, 20]", uptimeLogitMean);
        check(uptimeLogitSigma >= 0 && uptimeLogitSigma <= 10, "uptime-logit-sigma", "[0, 10]", uptimeLogitSigma);
        check(filesZeroFraction >= 0 && filesZeroFraction <= 1, "files-zero-fraction", "[0, 1]", filesZeroFraction);
        check(filesLogMean >= -50 && filesLogMean <= 50, "files-log-mean", "[-50, 50]", filesLogMean);
        check(filesLogSigma >= 0 && filesLogSigma <= 10, "files-log-sigma", "[0, 10]", filesLogSigma);
        check(queryUniverse >= 1 && queryUniverse <= 10_000_000, "query-universe", "1..10000000", queryUniverse);
        check(queryZipfExponent >= 0 && queryZipfExponent <= 10, "query-zipf-exponent", "[0, 10]", queryZipfExponent);
        check(selectionPowerTop > 0 && selectionPowerTop <= 1, "selection-power-top", "(0, 1]", selectionPowerTop);
        check(selectionPowerExponent >= 0 && selectionPowerExponent <= 10, "selection-power-exponent", "[0, 10]", selectionPowerExponent);
        check(pongReplaceProbability >= 0 && pongReplaceProbability <= 1, "pong-replace-probability", "[0, 1]", pongReplaceProbability);
        check(learnProberProbability >= 0 && learnProberProbability <= 1, "learn-prober-probability", "[0, 1]", learnProberProbability);
        check(renewalGraceDays >= 0 && renewalGraceDays <= 10_000, "renewal-grace-days", "[0, 10000] days", renewalGraceDays);
        if (pongCacheSize >= networkSize) {
            throw new IllegalArgumentException("pong-cache-size must be in 1..network-size - 1 = " + (networkSize - 1)
                    + ", got " + pongCacheSize);
        }
    }

    /** The paper's defaults (Table 1) and ours for the models. */
    public static SimulationParameters defaults() {
        return new SimulationParameters(
                1000,
                100,
                9.26e-3,
                1,
                1,
                10,
                WindowType.PAYWORD,
                2,
                30,
                Scheme.PPAY,
                Long.MAX_VALUE,
                0,
                40,
                1,
                60,
                1.2,
                -0.5,
                0.4,
                0.25,
                3.49,
                2.59,
                1000,
                1.0,
                0.01,
                0.5,
                0.5,
                0.5,
                2);
    }

    /** Number of peers (Table 1: Network Size). */
    public SimulationParameters withNetworkSize(int value) {
        return new SimulationParameters(value, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Entries in each peer's GUESS pong cache (Table 1: Cache Size). */
    public SimulationParameters withPongCacheSize(int value) {
        return new SimulationParameters(networkSize, value, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Poisson query rate of an online peer (Table 1: Query Rate). */
    public SimulationParameters withQueryRatePerSecond(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, value, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Scales every online period (Table 1). */
    public SimulationParameters withLifespanMultiplier(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, value, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Scales every offline period (Table 1). */
    public SimulationParameters withDowntimeMultiplier(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, value, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Picopayments per coin: soft credit window or hash chain length (Table 1). */
    public SimulationParameters withCreditWindowSize(int value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, value, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Credit window type (Table 1). */
    public SimulationParameters withWindowType(WindowType value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, value, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Layers a coin may carry before it must be peeled or cashed (Table 1). */
    public SimulationParameters withMaxLayers(int value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, value, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Renewal period and window length (Table 1: Renewal Wait). */
    public SimulationParameters withRenewalWaitDays(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, value, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Micropayment scheme (Table 1). */
    public SimulationParameters withScheme(Scheme value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, value, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** NetLossCap cap value v (Table 1); Long.MAX_VALUE means no cap. */
    public SimulationParameters withNetLossCap(long value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, value, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Peers that never pay a coin (section 7.2.3). */
    public SimulationParameters withPercentLazy(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, value, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Simulated duration. */
    public SimulationParameters withSimulatedDays(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, value, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Seed of the run's SplittableRandom. */
    public SimulationParameters withSeed(long value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, value, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Churn: median online session, lognormal (Saroiu et al.: about 60 minutes). */
    public SimulationParameters withMedianSessionMinutes(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, value, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Churn: sigma (natural log) of the lognormal session length. */
    public SimulationParameters withSessionSigma(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, value, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Churn: mean of logit(uptime fraction) per peer. */
    public SimulationParameters withUptimeLogitMean(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, value, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Churn: sigma of logit(uptime fraction) per peer. */
    public SimulationParameters withUptimeLogitSigma(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, value, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Files: fraction of peers that share nothing (Saroiu et al.: 25%). */
    public SimulationParameters withFilesZeroFraction(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, value, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Files: mu of the lognormal file count of sharing peers. */
    public SimulationParameters withFilesLogMean(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, value, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Files: sigma of the lognormal file count of sharing peers. */
    public SimulationParameters withFilesLogSigma(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, value, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Query model: number of distinct queries. */
    public SimulationParameters withQueryUniverse(int value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, value, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Query model: popularity g(i) proportional to i^-exponent. */
    public SimulationParameters withQueryZipfExponent(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, value, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Query model: f(1), the chance a file matches the most popular query. */
    public SimulationParameters withSelectionPowerTop(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, value, selectionPowerExponent, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** Query model: f(i) = top * i^-exponent. */
    public SimulationParameters withSelectionPowerExponent(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, value, pongReplaceProbability, learnProberProbability, renewalGraceDays);
    }

    /** GUESS: chance a pong's peer replaces an offline cache entry the querier skipped. */
    public SimulationParameters withPongReplaceProbability(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, value, learnProberProbability, renewalGraceDays);
    }

    /** GUESS: chance a probed peer puts its prober into its own cache. */
    public SimulationParameters withLearnProberProbability(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, value, renewalGraceDays);
    }

    /** Renewal: a holder falls back (cash or broker) once the window has less than this left. */
    public SimulationParameters withRenewalGraceDays(double value) {
        return new SimulationParameters(networkSize, pongCacheSize, queryRatePerSecond, lifespanMultiplier, downtimeMultiplier, creditWindowSize, windowType, maxLayers, renewalWaitDays, scheme, netLossCap, percentLazy, simulatedDays, seed, medianSessionMinutes, sessionSigma, uptimeLogitMean, uptimeLogitSigma, filesZeroFraction, filesLogMean, filesLogSigma, queryUniverse, queryZipfExponent, selectionPowerTop, selectionPowerExponent, pongReplaceProbability, learnProberProbability, value);
    }

    /** True when no NetLossCap applies. */
    public boolean uncapped() {
        return netLossCap == NO_CAP;
    }

    /** What a key means, with its unit or allowed values, for help texts. */
    public static String describe(String key) {
        final Key k = KEYS.get(key);
        if (k == null) {
            throw new IllegalArgumentException("unknown simulation parameter '" + key + "'; known: " + KEY_LIST);
        }
        return k.description;
    }

    /** Every key, in the order runs.csv writes them. */
    public static List<String> keys() {
        return KEY_LIST;
    }

    /** Every key and its value as text, in the order of {@link #keys()}; {@link #with} reads the same text back. */
    public Map<String, String> values() {
        final Map<String, String> values = new LinkedHashMap<>();
        for (Key key : KEYS.values()) {
            values.put(key.name, key.getter.apply(this));
        }
        return values;
    }

    /** A copy with one parameter set from text; an unknown key or a bad value is an error naming the key. */
    public SimulationParameters with(String key, String value) {
        return with(Map.of(key, value));
    }

    /** A copy with every entry of {@code overrides} set from text, all checked together. */
    public SimulationParameters with(Map<String, String> overrides) {
        final Map<String, String> all = values();
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!KEYS.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown simulation parameter '" + e.getKey() + "'; known: " + KEY_LIST);
            }
            all.put(e.getKey(), e.getValue());
        }
        return parse(all);
    }

    /** A copy with every property of {@code properties} set, all checked together. */
    public SimulationParameters with(Properties properties) {
        final Map<String, String> overrides = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            overrides.put(name, properties.getProperty(name));
        }
        return with(overrides);
    }

    /**
     * Parameters from the text of every key at once, so that interdependent values (network size and pong cache size)
     * are checked together, whatever order a file lists them in.
     */
    private static SimulationParameters parse(Map<String, String> all) {
        return new SimulationParameters(
                intValue(all, "network-size"),
                intValue(all, "pong-cache-size"),
                doubleValue(all, "query-rate"),
                doubleValue(all, "lifespan-multiplier"),
                doubleValue(all, "downtime-multiplier"),
                intValue(all, "credit-window-size"),
                parseEnum(WindowType.class, "window-type", text(all, "window-type")),
                intValue(all, "max-layers"),
                doubleValue(all, "renewal-wait-days"),
                parseEnum(Scheme.class, "scheme", text(all, "scheme")),
                parseCap(text(all, "net-loss-cap")),
                doubleValue(all, "percent-lazy"),
                doubleValue(all, "simulated-days"),
                longValue(all, "seed"),
                doubleValue(all, "median-session-minutes"),
                doubleValue(all, "session-sigma"),
                doubleValue(all, "uptime-logit-mean"),
                doubleValue(all, "uptime-logit-sigma"),
                doubleValue(all, "files-zero-fraction"),
                doubleValue(all, "files-log-mean"),
                doubleValue(all, "files-log-sigma"),
                intValue(all, "query-universe"),
                doubleValue(all, "query-zipf-exponent"),
                doubleValue(all, "selection-power-top"),
                doubleValue(all, "selection-power-exponent"),
                doubleValue(all, "pong-replace-probability"),
                doubleValue(all, "learn-prober-probability"),
                doubleValue(all, "renewal-grace-days"));
    }

    private static int intValue(Map<String, String> all, String key) {
        try {
            return Integer.parseInt(text(all, key));
        } catch (NumberFormatException e) {
            throw notANumber(key, all.get(key), e);
        }
    }

    private static long longValue(Map<String, String> all, String key) {
        try {
            return Long.parseLong(text(all, key));
        } catch (NumberFormatException e) {
            throw notANumber(key, all.get(key), e);
        }
    }

    private static double doubleValue(Map<String, String> all, String key) {
        try {
            return Double.parseDouble(text(all, key));
        } catch (NumberFormatException e) {
            throw notANumber(key, all.get(key), e);
        }
    }

    private static IllegalArgumentException notANumber(String key, String value, NumberFormatException cause) {
        return new IllegalArgumentException(key + " must be a number, got '" + value + "'", cause);
    }

    private static String text(Map<String, String> all, String key) {
        final String value = all.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing simulation parameter '" + key + "'");
        }
        return value.trim();
    }

    private static void check(boolean ok, String key, String range, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(key + " must be in " + range + ", got " + value);
        }
    }

    private static long parseCap(String text) {
        final String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("inf") || t.equals("infinite") || t.equals("infinity") || t.equals("none")) {
            return NO_CAP;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("net-loss-cap must be a whole number of picopayments or 'infinite', got '"
                    + text + "'", e);
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String key, String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.endsWith("*")) {
            name = name.substring(0, name.length() - 1) + "_STAR";
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(key + " must be one of " + Arrays.toString(type.getEnumConstants())
                + ", got '" + text + "'");
    }

    private static String capText(long cap) {
        return cap == NO_CAP ? "infinite" : Long.toString(cap);
    }

    private record Key(String name, Function<SimulationParameters, String> getter, String description) {
    }

    private static final Map<String, Key> KEYS = new LinkedHashMap<>();
    private static final List<String> KEY_LIST;

    private static void key(String name, Function<SimulationParameters, String> getter, String description) {
        KEYS.put(name, new Key(name, getter, description));
    }

    static {
        key("network-size", p -> Integer.toString(p.networkSize),
                "Number of peers (Table 1: Network Size).");
        key("pong-cache-size", p -> Integer.toString(p.pongCacheSize),
                "Entries in each peer's GUESS pong cache (Table 1: Cache Size).");
        key("query-rate", p -> Double.toString(p.queryRatePerSecond),
                "Poisson query rate of an online peer (Table 1: Query Rate).");
        key("lifespan-multiplier", p -> Double.toString(p.lifespanMultiplier),
                "Scales every online period (Table 1).");
        key("downtime-multiplier", p -> Double.toString(p.downtimeMultiplier),
                "Scales every offline period (Table 1).");
        key("credit-window-size", p -> Integer.toString(p.creditWindowSize),
                "Picopayments per coin: soft credit window or hash chain length (Table 1).");
        key("window-type", p -> p.windowType.name(),
                "Credit window type (Table 1).");
        key("max-layers", p -> Integer.toString(p.maxLayers),
                "Layers a coin may carry before it must be peeled or cashed (Table 1).");
        key("renewal-wait-days", p -> Double.toString(p.renewalWaitDays),
                "Renewal period and window length (Table 1: Renewal Wait).");
        key("scheme", p -> p.scheme.name(),
                "Micropayment scheme (Table 1).");
        key("net-loss-cap", p -> capText(p.netLossCap),
                "NetLossCap cap value v (Table 1); Long.MAX_VALUE means no cap.");
        key("percent-lazy", p -> Double.toString(p.percentLazy),
                "Peers that never pay a coin (section 7.2.3).");
        key("simulated-days", p -> Double.toString(p.simulatedDays),
                "Simulated duration.");
        key("seed", p -> Long.toString(p.seed),
                "Seed of the run's SplittableRandom.");
        key("median-session-minutes", p -> Double.toString(p.medianSessionMinutes),
                "Churn: median online session, lognormal (Saroiu et al.: about 60 minutes).");
        key("session-sigma", p -> Double.toString(p.sessionSigma),
                "Churn: sigma (natural log) of the lognormal session length.");
        key("uptime-logit-mean", p -> Double.toString(p.uptimeLogitMean),
                "Churn: mean of logit(uptime fraction) per peer.");
        key("uptime-logit-sigma", p -> Double.toString(p.uptimeLogitSigma),
                "Churn: sigma of logit(uptime fraction) per peer.");
        key("files-zero-fraction", p -> Double.toString(p.filesZeroFraction),
                "Files: fraction of peers that share nothing (Saroiu et al.: 25%).");
        key("files-log-mean", p -> Double.toString(p.filesLogMean),
                "Files: mu of the lognormal file count of sharing peers.");
        key("files-log-sigma", p -> Double.toString(p.filesLogSigma),
                "Files: sigma of the lognormal file count of sharing peers.");
        key("query-universe", p -> Integer.toString(p.queryUniverse),
                "Query model: number of distinct queries.");
        key("query-zipf-exponent", p -> Double.toString(p.queryZipfExponent),
                "Query model: popularity g(i) proportional to i^-exponent.");
        key("selection-power-top", p -> Double.toString(p.selectionPowerTop),
                "Query model: f(1), the chance a file matches the most popular query.");
        key("selection-power-exponent", p -> Double.toString(p.selectionPowerExponent),
                "Query model: f(i) = top * i^-exponent.");
        key("pong-replace-probability", p -> Double.toString(p.pongReplaceProbability),
                "GUESS: chance a pong's peer replaces an offline cache entry the querier skipped.");
        key("learn-prober-probability", p -> Double.toString(p.learnProberProbability),
                "GUESS: chance a probed peer puts its prober into its own cache.");
        key("renewal-grace-days", p -> Double.toString(p.renewalGraceDays),
                "Renewal: a holder falls back (cash or broker) once the window has less than this left.");
        KEY_LIST = List.copyOf(KEYS.keySet());
    }
}
