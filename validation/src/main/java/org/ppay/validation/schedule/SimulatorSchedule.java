package org.ppay.validation.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ppay.sim.Scheme;
import org.ppay.sim.Simulation;
import org.ppay.sim.SimulationParameters;
import org.ppay.sim.coins.CoinLedger;
import org.ppay.sim.load.Task;

/**
 * The exact protocol steps of one run of the simulator ({@link Simulation}), seen through its protocol seam: who pays
 * whom with which coin, through the owner or by a layer, renewals, peels, cashing. GUESS probes, picopayments and
 * churn do not pass the seam, so they are not in this schedule (their effect on which step is taken is).
 *
 * <p>A coin the simulation forfeits (its window closed unrenewed) leaves no step; it is written as a FORFEIT right
 * after the last step that used it, which is when its holder stops touching it.
 */
public final class SimulatorSchedule {

    private SimulatorSchedule() {
    }

    public static List<Step> record(SimulationParameters parameters) {
        if (parameters.scheme() != Scheme.PPAY) {
            throw new IllegalArgumentException("validation replays scheme PPAY only, not " + parameters.scheme());
        }
        final List<Step> steps = new ArrayList<>();
        final CoinLedger[] seen = new CoinLedger[1];
        new Simulation(parameters, (p, ledger, accounting) -> {
            seen[0] = ledger;
            return new RecordingCoinProtocol(ledger, accounting, steps);
        }).run(fraction -> { });
        return withForfeits(steps, seen[0]);
    }

    private static List<Step> withForfeits(List<Step> steps, CoinLedger ledger) {
        final Map<Integer, Integer> lastUse = new HashMap<>();
        int printed = 0;
        for (int i = 0; i < steps.size(); i++) {
            final Step step = steps.get(i);
            if (step.kind() == StepKind.PRINT) {
                lastUse.put(printed++, i);
            } else if (step.coin() >= 0) {
                lastUse.put(step.coin(), i);
            }
        }
        final Map<Integer, List<Step>> after = new HashMap<>();
        for (Map.Entry<Integer, Integer> use : lastUse.entrySet()) {
            final int coin = use.getKey();
            if (ledger.state(coin) == CoinLedger.FORFEITED) {
                final Step last = steps.get(use.getValue());
                after.computeIfAbsent(use.getValue(), i -> new ArrayList<>()).add(new Step(StepKind.FORFEIT,
                        last.timeSeconds(), ledger.holder(coin), coin, -1, Task.MISC));
            }
        }
        final List<Step> all = new ArrayList<>(steps.size() + after.size());
        for (int i = 0; i < steps.size(); i++) {
            all.add(steps.get(i));
            all.addAll(after.getOrDefault(i, List.of()));
        }
        return all;
    }
}
