package org.ppay.reports;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How big the report's simulations are. {@code FULL} is the paper's scale (1,000 peers, 40 days, pong cache 100);
 * the smaller profiles shrink the network, and with it the pong cache, and the number of sweep points so that a
 * whole report fits a time budget on two cores. Section 6.2 of the paper argues the results are qualitatively the
 * same at other network sizes.
 *
 * @param name              as given on the command line
 * @param networkSize       peers
 * @param pongCacheSize     entries per pong cache
 * @param simulatedDays     days per run
 * @param seeds             runs per point (different seeds), for the confidence intervals
 * @param downtimeMultipliers   x values of figures 1-2
 * @param maxLayers         x values of figure 3
 * @param renewalWaitDays   x values of figures 4-5
 * @param windowSizes       x values of figures 6-9
 * @param percentLazy       series of figure 8
 * @param caps              series of figure 9 (NetLossCap values, "infinite" for none)
 */
public record Profile(String name, int networkSize, int pongCacheSize, double simulatedDays, int seeds,
                      List<String> downtimeMultipliers, List<String> maxLayers, List<String> renewalWaitDays,
                      List<String> windowSizes, List<String> percentLazy, List<String> caps) {

    public static final Profile QUICK = new Profile("quick", 100, 30, 20, 2,
            List.of("1", "10", "20"), List.of("0", "2", "4"), List.of("5", "10", "15"),
            List.of("10", "50", "100"), List.of("0", "25"), List.of("100", "500", "infinite"));

    public static final Profile STANDARD = new Profile("standard", 300, 60, 40, 3,
            List.of("1", "5", "10", "20"), List.of("0", "1", "2", "3", "4"), List.of("5", "10", "20", "30"),
            List.of("10", "20", "50", "100"), List.of("0", "10", "25"), List.of("100", "500", "1000", "infinite"));

    public static final Profile FULL = new Profile("full", 1000, 100, 40, 5,
            List.of("1", "2", "5", "10", "15", "20"), List.of("0", "1", "2", "3", "4", "5"),
            List.of("5", "10", "15", "20", "25", "30"), List.of("5", "10", "20", "50", "100"),
            List.of("0", "10", "25", "50"), List.of("100", "500", "1000", "5000", "infinite"));

    public Profile {
        downtimeMultipliers = List.copyOf(downtimeMultipliers);
        maxLayers = List.copyOf(maxLayers);
        renewalWaitDays = List.copyOf(renewalWaitDays);
        windowSizes = List.copyOf(windowSizes);
        percentLazy = List.copyOf(percentLazy);
        caps = List.copyOf(caps);
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
        }
    }

    /** The profile called {@code name} (quick, standard, full). */
    public static Profile named(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "quick":
                return QUICK;
            case "standard":
                return STANDARD;
            case "full":
                return FULL;
            default:
                throw new IllegalArgumentException("profile must be one of quick, standard, full; got '" + name + "'");
        }
    }

    /** A copy with another number of seeds per point. */
    public Profile withSeeds(int value) {
        return new Profile(name, networkSize, pongCacheSize, simulatedDays, value, downtimeMultipliers, maxLayers,
                renewalWaitDays, windowSizes, percentLazy, caps);
    }

    /** The parameters every run of this profile shares, by runs.csv key. */
    public Map<String, String> base() {
        return Map.of("network-size", Integer.toString(networkSize),
                "pong-cache-size", Integer.toString(pongCacheSize),
                "simulated-days", Double.toString(simulatedDays));
    }
}
