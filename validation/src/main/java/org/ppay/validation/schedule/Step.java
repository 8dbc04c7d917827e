package org.ppay.validation.schedule;

import org.ppay.sim.load.Task;

/**
 * One step of a schedule, at a simulated time in whole seconds.
 *
 * @param actor peer index (0-based) that performs the step
 * @param coin  the simulator's coin id, or the flag documented on the {@link StepKind}
 * @param other the payee or probed peer, or -1
 * @param task  the load-split task the step is counted under
 */
public record Step(StepKind kind, long timeSeconds, int actor, int coin, int other, Task task) {

    public Step {
        if (kind == null || task == null) {
            throw new IllegalArgumentException("a step needs a kind and a task");
        }
        if (timeSeconds < 0 || actor < 0) {
            throw new IllegalArgumentException("bad step " + kind + " at " + timeSeconds + " s by peer " + actor);
        }
    }

    /** A compact text form, {@code KIND time actor coin other TASK}, as the driver sends it to a process. */
    public String encode() {
        return kind + " " + timeSeconds + " " + actor + " " + coin + " " + other + " " + task;
    }

    public static Step decode(String text) {
        final String[] f = text.trim().split(" ");
        if (f.length != 6) {
            throw new IllegalArgumentException("a step has 6 fields, got " + f.length + ": '" + text + "'");
        }
        try {
            return new Step(StepKind.valueOf(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), Integer.parseInt(f[4]), Task.valueOf(f[5]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed step '" + text + "': " + e.getMessage(), e);
        }
    }
}
