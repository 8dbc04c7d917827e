package org.ppay.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ppay.sim.SimulationParameters;

/**
 * One validation run: how many peers on how many peer JVMs, the wall-clock budget of the replay, the signature suite,
 * the simulation parameters the schedule is drawn from (the simulator's defaults, scaled down: see
 * {@link #scaledDown}), the wall-clock budget of an unmeasured warm-up pass of the same schedule (0: none), the
 * pause before each step of the measured pass (0: back to back), and whether each process records what its JIT did
 * during the measured pass (a JFR recording, whose threads run during the measured pass, so it is asked for).
 */
public record ValidationSettings(int peers, int peerJvms, double budgetSeconds, String suite,
                                 SimulationParameters parameters, Source source, double warmUpSeconds,
                                 double paceMicros, boolean recordJit) {

    /**
     * The command line's pace: long enough that every CPU idles between steps (a virtual CPU halts at once), short
     * beside a step's own work, so the default run replays its whole schedule in the default budget.
     */
    public static final double DEFAULT_PACE_MICROS = 1_000;

    /** Where the schedule comes from. */
    public enum Source {
        /** The workload generator over the simulator's models: probes, picopayments, churn and coin steps. */
        MODEL,
        /** The simulator's own run, as its protocol seam sees it: coin steps only. */
        SIMULATOR
    }

    public ValidationSettings {
        if (source == null) {
            throw new IllegalArgumentException("a validation run needs a schedule source");
        }
        if (peers < 2) {
            throw new IllegalArgumentException("--peers must be at least 2, got " + peers);
        }
        if (peerJvms < 1 || peerJvms > peers) {
            throw new IllegalArgumentException("--peer-jvms must be in 1..--peers (" + peers + "), got " + peerJvms);
        }
        if (!(budgetSeconds > 0 && budgetSeconds <= 3600)) {
            throw new IllegalArgumentException("--seconds must be in (0, 3600], got " + budgetSeconds);
        }
        if (!(warmUpSeconds >= 0 && warmUpSeconds <= 3600)) {
            throw new IllegalArgumentException("--warm-up-seconds must be in [0, 3600], got " + warmUpSeconds);
        }
        if (!(paceMicros >= 0 && paceMicros <= 1_000_000)) {
            throw new IllegalArgumentException("--pace-micros must be in [0, 1000000], got " + paceMicros);
        }
        if (parameters.networkSize() != peers) {
            throw new IllegalArgumentException("network-size " + parameters.networkSize() + " differs from --peers "
                    + peers);
        }
    }

    /** A run without the warm-up pass, steps back to back: every replayed step is measured. */
    public ValidationSettings(int peers, int peerJvms, double budgetSeconds, String suite,
            SimulationParameters parameters, Source source) {
        this(peers, peerJvms, budgetSeconds, suite, parameters, source, 0, 0, false);
    }

    /**
     * The simulator's defaults for a small network compressed in time: soft credit windows, PPay, one simulated day
     * with renewal every 6 hours (a 1.2-hour window), a pong cache of up to 8 entries, and {@code overrides} on top.
     */
    public static SimulationParameters scaledDown(int peers, long seed, Map<String, String> overrides) {
        final Map<String, String> values = new LinkedHashMap<>();
        values.put("network-size", Integer.toString(peers));
        values.put("pong-cache-size", Integer.toString(Math.min(peers - 1, 8)));
        values.put("window-type", "SOFT_CREDIT");
        values.put("scheme", "PPAY");
        values.put("simulated-days", "1");
        values.put("renewal-wait-days", "0.25");
        values.put("renewal-grace-days", "0.05");
        values.put("seed", Long.toString(seed));
        values.putAll(overrides);
        return SimulationParameters.defaults().with(values);
    }
}
