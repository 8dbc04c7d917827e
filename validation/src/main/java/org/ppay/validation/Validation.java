package org.ppay.validation;

import java.util.ArrayList;
import java.util.List;
import org.ppay.costs.CostTable;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.validation.driver.Deployment;
import org.ppay.validation.driver.Replay;
import org.ppay.validation.measure.Measurement;
import org.ppay.validation.measure.Operations;
import org.ppay.validation.schedule.ScheduleGenerator;
import org.ppay.validation.schedule.SimulatorSchedule;
import org.ppay.validation.schedule.Step;

/**
 * A whole validation run: draw the schedule, start the processes, replay it, collect what they measured and set it
 * beside the prediction. Every process is stopped and the temporary directory removed, also on failure.
 */
public final class Validation {

    /** The longest private warm-up of a child before it reports ready. */
    private static final double CHILD_WARM_UP_MAX_SECONDS = 8;

    private Validation() {
    }

    /** What a run produced. */
    public record Result(Comparison comparison, Operations operations, int scheduledSteps, int replayedSteps, boolean cut,
                         double wallSeconds, List<Long> pids, Operations warmUpOperations, int warmUpSteps,
                         List<Comparison> alternatives, List<String> jit) {
    }

    /** @param costs the cost table to price the prediction with, or null to predict bytes only */
    public static Result run(ValidationSettings settings, CostTable costs) {
        return run(settings, costs, List.of());
    }

    /**
     * @param costs        the cost table to price the prediction with, or null to predict bytes only
     * @param alternatives more cost tables for the same suite: the same counts priced with each, beside the same
     *                     measurement (one deployment, several models), in {@link Result#alternatives()}
     */
    public static Result run(ValidationSettings settings, CostTable costs, List<CostTable> alternatives) {
        final SignatureSuite suite = SignatureSuite.of(settings.suite());
        if (costs != null && !costs.suite().equals(suite.name())) {
            throw new IllegalArgumentException("the cost table prices suite " + costs.suite() + ", not "
                    + suite.name() + ": pass --suite " + costs.suite() + " or a cost table calibrated for "
                    + suite.name());
        }
        for (CostTable alternative : alternatives) {
            if (!alternative.suite().equals(suite.name())) {
                throw new IllegalArgumentException("cost table " + alternative.id() + " prices suite "
                        + alternative.suite() + ", not " + suite.name() + ": compare tables of one suite");
            }
        }
        final boolean model = settings.source() == ValidationSettings.Source.MODEL;
        final List<Step> schedule = model ? ScheduleGenerator.generate(settings.parameters())
                : SimulatorSchedule.record(settings.parameters());
        // The generator's windows are one renewal grace long; the simulator's are one renewal period long.
        final long periodSeconds = Math.max(1, Math.round(settings.parameters().renewalWaitDays() * 86_400));
        final long windowSeconds = model
                ? Math.min(periodSeconds, Math.round(settings.parameters().renewalGraceDays() * 86_400))
                : periodSeconds;
        final long start = System.nanoTime();
        // each child warms up privately for as long as the driver's warm-up pass may last, 1 to 8 s
        final long childWarmUpMillis = Math.round(1000 * Math.min(CHILD_WARM_UP_MAX_SECONDS,
                Math.max(1, settings.warmUpSeconds())));
        try (Deployment deployment = new Deployment(settings.peers(), settings.peerJvms(), suite.name(),
                settings.parameters().maxLayers(), periodSeconds, windowSeconds, childWarmUpMillis)) {
            if (settings.recordJit()) {
                // started now, so JFR's own start-up falls in the warm-up pass; the reset before the measured pass
                // forgets what the JIT did until then (without a warm-up pass, the start-up is in the measured pass)
                deployment.recordJit();
            }
            Operations warmUpOperations = null;
            int warmUpSteps = 0;
            long offsetSeconds = 0;
            if (settings.warmUpSeconds() > 0) {
                // The same schedule, unmeasured: every path of every process (sockets, audit trails, ledger) runs
                // until compiled; what it cost is kept apart as the cold figures.
                final Replay warmUp = new Replay(deployment, settings.peers());
                warmUp.run(schedule, settings.warmUpSeconds());
                warmUp.bringEveryoneOnline(settings.peers());
                // The pass taught the profiles what only the deployment does (one key per signer, a metered audit
                // trail, remote owners) and de-optimized what C2 had compiled without it; a second private warm-up
                // compiles it all again, for both, before anything is measured.
                deployment.warmUpPrivately();
                warmUpOperations = warmUp.operations();
                warmUpSteps = warmUp.stepsReplayed();
                warmUp.resetMeasurements();
                offsetSeconds = (warmUp.lastSeconds() / periodSeconds + 2) * periodSeconds;
            }
            // the warm-up pass runs back to back (it only compiles); the measured pass at the settings' pace
            final Replay replay = new Replay(deployment, settings.peers(), offsetSeconds,
                    Math.round(settings.paceMicros() * 1_000));
            replay.run(schedule, settings.budgetSeconds());
            final Measurement[] measured = replay.collect();
            final List<String> jit = settings.recordJit() ? replay.jit() : List.of();
            final Comparison comparison = new Comparison(replay.predictor().counters(), settings.peers(),
                    suite.signatureLength(), costs, measured[0], measured[1]);
            final List<Comparison> priced = new ArrayList<>();
            for (CostTable alternative : alternatives) {
                priced.add(new Comparison(replay.predictor().counters(), settings.peers(), suite.signatureLength(),
                        alternative, measured[0], measured[1]));
            }
            return new Result(comparison, replay.operations(), schedule.size(), replay.stepsReplayed(), replay.cut(),
                    (System.nanoTime() - start) / 1e9, deployment.pids(), warmUpOperations, warmUpSteps,
                    List.copyOf(priced), jit);
        }
    }
}
