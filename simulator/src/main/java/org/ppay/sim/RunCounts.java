package org.ppay.sim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostTable;
import org.ppay.sim.load.LoadCounters;
import org.ppay.sim.load.Task;

/**
 * What a run's loads are priced from, summed per entity group (the broker, all peers together): actions per task,
 * and messages per task and direction with their payload bytes, signatures and framed messages. Everything a figure
 * plots except the per-peer distributions; {@link #price(CostTable)} prices it with any cost table.
 *
 * @param simulatedSeconds simulated time
 * @param peers            peers in the network
 * @param actions          counts indexed by {@link #actionIndex}
 * @param messages         message counts indexed by {@link #messageIndex}
 * @param payloadBytes     bytes other than signatures and framing, indexed like {@code messages}
 * @param signatures       signatures carried, indexed like {@code messages}
 * @param framed           messages that need network framing, indexed like {@code messages}
 */
public record RunCounts(double simulatedSeconds, int peers, long[] actions, long[] messages, long[] payloadBytes,
                        long[] signatures, long[] framed) {

    /** The two entity groups runs.csv counts for. */
    public enum Group {
        BROKER, PEERS;

        public String columnName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Direction of a message as seen by the group. */
    public enum Direction {
        IN, OUT;

        public String columnName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int GROUPS = Group.values().length;
    static final int TASKS = Task.values().length;
    static final int ACTIONS = CostAction.values().length;
    static final int DIRECTIONS = Direction.values().length;

    public RunCounts {
        if (actions.length != GROUPS * TASKS * ACTIONS) {
            throw new IllegalArgumentException("expected " + GROUPS * TASKS * ACTIONS + " action counts, got "
                    + actions.length);
        }
        for (long[] a : new long[][] {messages, payloadBytes, signatures, framed}) {
            if (a.length != GROUPS * DIRECTIONS * TASKS) {
                throw new IllegalArgumentException("expected " + GROUPS * DIRECTIONS * TASKS
                        + " message counts, got " + a.length);
            }
        }
        if (peers < 1 || !(simulatedSeconds > 0)) {
            throw new IllegalArgumentException("a run needs peers and simulated time, got " + peers + " peers, "
                    + simulatedSeconds + " s");
        }
    }

    public static int actionIndex(Group group, Task task, CostAction action) {
        return (group.ordinal() * TASKS + task.ordinal()) * ACTIONS + action.ordinal();
    }

    public static int messageIndex(Group group, Direction direction, Task task) {
        return (group.ordinal() * DIRECTIONS + direction.ordinal()) * TASKS + task.ordinal();
    }

    /** Sums a run's per-entity counters into the two groups. */
    public static RunCounts of(RunResult run) {
        final LoadCounters counters = run.counters();
        final long[] actions = new long[GROUPS * TASKS * ACTIONS];
        final int cells = GROUPS * DIRECTIONS * TASKS;
        final long[] messages = new long[cells];
        final long[] payload = new long[cells];
        final long[] signatures = new long[cells];
        final long[] framed = new long[cells];
        for (int entity = 0; entity < counters.entityCount(); entity++) {
            final Group group = entity == LoadCounters.BROKER ? Group.BROKER : Group.PEERS;
            for (Task task : Task.values()) {
                for (CostAction action : CostAction.values()) {
                    actions[actionIndex(group, task, action)] += counters.actions(entity, task, action);
                }
                final int in = messageIndex(group, Direction.IN, task);
                final int out = messageIndex(group, Direction.OUT, task);
                messages[in] += counters.messagesIn(entity, task);
                messages[out] += counters.messagesOut(entity, task);
                // bytes are linear in the signature length and the framing: two probes recover both coefficients
                final long payloadIn = counters.bytesIn(entity, task, 0, 0);
                final long payloadOut = counters.bytesOut(entity, task, 0, 0);
                payload[in] += payloadIn;
                payload[out] += payloadOut;
                signatures[in] += counters.bytesIn(entity, task, 1, 0) - payloadIn;
                signatures[out] += counters.bytesOut(entity, task, 1, 0) - payloadOut;
                framed[in] += counters.bytesIn(entity, task, 0, 1) - payloadIn;
                framed[out] += counters.bytesOut(entity, task, 0, 1) - payloadOut;
            }
        }
        return new RunCounts(run.durationSeconds(), counters.entityCount() - 1, actions, messages, payload,
                signatures, framed);
    }

    public long actions(Group group, Task task, CostAction action) {
        return actions[actionIndex(group, task, action)];
    }

    /** Bytes the group moved in one direction for one task, with signatures and framing of the given lengths. */
    public long bytes(Group group, Direction direction, Task task, int signatureBytes, int framingBytes) {
        final int i = messageIndex(group, direction, task);
        return payloadBytes[i] + signatures[i] * signatureBytes + framed[i] * framingBytes;
    }

    /** The loads priced with {@code costs}. */
    public RunLoads price(CostTable costs) {
        return new RunLoads(this, costs);
    }

    /** Every count by runs.csv column name, in column order. */
    public Map<String, Long> columns() {
        final Map<String, Long> m = new LinkedHashMap<>();
        for (Group group : Group.values()) {
            for (Task task : Task.values()) {
                for (CostAction action : CostAction.values()) {
                    m.put(actionColumn(group, task, action), actions(group, task, action));
                }
            }
        }
        final String[] kinds = {"messages", "payload_bytes", "signatures", "framed"};
        final long[][] arrays = {messages, payloadBytes, signatures, framed};
        for (int k = 0; k < kinds.length; k++) {
            for (Group group : Group.values()) {
                for (Direction direction : Direction.values()) {
                    for (Task task : Task.values()) {
                        m.put(messageColumn(kinds[k], group, direction, task),
                                arrays[k][messageIndex(group, direction, task)]);
                    }
                }
            }
        }
        return m;
    }

    /** {@code actions_<group>_<task>_<action>}. */
    public static String actionColumn(Group group, Task task, CostAction action) {
        return "actions_" + group.columnName() + "_" + task.columnName() + "_" + action.csvName();
    }

    /** {@code <kind>_<group>_<direction>_<task>}, kind one of messages, payload_bytes, signatures, framed. */
    public static String messageColumn(String kind, Group group, Direction direction, Task task) {
        return kind + "_" + group.columnName() + "_" + direction.columnName() + "_" + task.columnName();
    }

    /** The counts from their runs.csv columns (the inverse of {@link #columns()}). */
    public static RunCounts fromColumns(double simulatedSeconds, int peers, Map<String, Long> columns) {
        final long[] actions = new long[GROUPS * TASKS * ACTIONS];
        for (Group group : Group.values()) {
            for (Task task : Task.values()) {
                for (CostAction action : CostAction.values()) {
                    actions[actionIndex(group, task, action)] = need(columns, actionColumn(group, task, action));
                }
            }
        }
        final String[] kinds = {"messages", "payload_bytes", "signatures", "framed"};
        final long[][] arrays = new long[kinds.length][GROUPS * DIRECTIONS * TASKS];
        for (int k = 0; k < kinds.length; k++) {
            for (Group group : Group.values()) {
                for (Direction direction : Direction.values()) {
                    for (Task task : Task.values()) {
                        arrays[k][messageIndex(group, direction, task)] =
                                need(columns, messageColumn(kinds[k], group, direction, task));
                    }
                }
            }
        }
        return new RunCounts(simulatedSeconds, peers, actions, arrays[0], arrays[1], arrays[2], arrays[3]);
    }

    private static long need(Map<String, Long> columns, String name) {
        final Long value = columns.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no count '" + name + "'");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunCounts that && simulatedSeconds == that.simulatedSeconds && peers == that.peers
                && Arrays.equals(actions, that.actions) && Arrays.equals(messages, that.messages)
                && Arrays.equals(payloadBytes, that.payloadBytes)
                && Arrays.equals(signatures, that.signatures) && Arrays.equals(framed, that.framed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(actions);
    }

    @Override
    public String toString() {
        return "RunCounts[" + peers + " peers, " + simulatedSeconds + " s]";
    }
}
