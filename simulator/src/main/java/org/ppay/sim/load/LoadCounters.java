package org.ppay.sim.load;

import java.util.Arrays;
import org.ppay.costs.CostAction;

/**
 * What every entity did during a run, by task: macro actions (counts per {@link CostAction}, the transport of each
 * protocol message among them) and messages (count, payload bytes excluding signatures, signatures carried, and how
 * many need network framing). Counts only, so a run
 * can be priced with any cost table afterwards.
 *
 * <p>Entity 0 is the broker; peer {@code p} is entity {@code p + 1}.
 */
public final class LoadCounters {

    public static final int BROKER = 0;
    static final int TASKS = Task.values().length;
    static final int ACTIONS = CostAction.values().length;

    private final int entities;
    private final long[] actions;
    private final long[] messagesOut;
    private final long[] messagesIn;
    private final long[] payloadBytesOut;
    private final long[] payloadBytesIn;
    private final long[] signaturesOut;
    private final long[] signaturesIn;
    private final long[] framedOut;
    private final long[] framedIn;

    public LoadCounters(int peers) {
        this.entities = peers + 1;
        this.actions = new long[entities * TASKS * ACTIONS];
        final int cells = entities * TASKS;
        this.messagesOut = new long[cells];
        this.messagesIn = new long[cells];
        this.payloadBytesOut = new long[cells];
        this.payloadBytesIn = new long[cells];
        this.signaturesOut = new long[cells];
        this.signaturesIn = new long[cells];
        this.framedOut = new long[cells];
        this.framedIn = new long[cells];
    }

    /** Entity index of peer {@code peer}. */
    public static int peer(int peer) {
        return peer + 1;
    }

    public int entityCount() {
        return entities;
    }

    public void action(int entity, Task task, CostAction action) {
        actions[(entity * TASKS + task.ordinal()) * ACTIONS + action.ordinal()]++;
    }

    public void action(int entity, Task task, CostAction action, long times) {
        actions[(entity * TASKS + task.ordinal()) * ACTIONS + action.ordinal()] += times;
    }

    /**
     * One message from {@code from} to {@code to}.
     *
     * @param payloadBytes bytes of the message other than signatures
     * @param signatures   signatures the message carries (each costs the suite's signature length)
     * @param framed       true when network headers come on top (protocol messages); false when
     *                     {@code payloadBytes} already includes them (the GUESS sizes of the notes). A protocol
     *                     message between two entities also counts its transport CPU: one
     *                     {@link CostAction#MESSAGE_SEND} at the sender and one {@link CostAction#MESSAGE_RECEIVE} at
     *                     the receiver, in the message's task (GUESS messages are priced by
     *                     {@link CostAction#GUESS_PROBE}, whose benchmark includes both ends' transport)
     */
    public void message(int from, int to, Task task, int payloadBytes, int signatures, boolean framed) {
        final int out = from * TASKS + task.ordinal();
        final int in = to * TASKS + task.ordinal();
        messagesOut[out]++;
        messagesIn[in]++;
        payloadBytesOut[out] += payloadBytes;
        payloadBytesIn[in] += payloadBytes;
        signaturesOut[out] += signatures;
        signaturesIn[in] += signatures;
        if (framed) {
            framedOut[out]++;
            framedIn[in]++;
            if (from != to) {
                action(from, task, CostAction.MESSAGE_SEND);
                action(to, task, CostAction.MESSAGE_RECEIVE);
            }
        }
    }

    /** Bytes that ride on a message already counted (a payword on a probe): payload only, no new message. */
    public void piggyback(int from, int to, Task task, int payloadBytes) {
        payloadBytesOut[from * TASKS + task.ordinal()] += payloadBytes;
        payloadBytesIn[to * TASKS + task.ordinal()] += payloadBytes;
    }

    public long actions(int entity, Task task, CostAction action) {
        return actions[(entity * TASKS + task.ordinal()) * ACTIONS + action.ordinal()];
    }

    /** Sum of one action over every entity and task. */
    public long totalActions(CostAction action) {
        long sum = 0;
        for (int cell = 0; cell < entities * TASKS; cell++) {
            sum += actions[cell * ACTIONS + action.ordinal()];
        }
        return sum;
    }

    public long messagesOut(int entity, Task task) {
        return messagesOut[entity * TASKS + task.ordinal()];
    }

    public long messagesIn(int entity, Task task) {
        return messagesIn[entity * TASKS + task.ordinal()];
    }

    /** Bytes sent by {@code entity} for {@code task} when signatures are {@code signatureBytes} long. */
    public long bytesOut(int entity, Task task, int signatureBytes, int framingBytes) {
        final int cell = entity * TASKS + task.ordinal();
        return payloadBytesOut[cell] + signaturesOut[cell] * signatureBytes + framedOut[cell] * framingBytes;
    }

    public long bytesIn(int entity, Task task, int signatureBytes, int framingBytes) {
        final int cell = entity * TASKS + task.ordinal();
        return payloadBytesIn[cell] + signaturesIn[cell] * signatureBytes + framedIn[cell] * framingBytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoadCounters that && Arrays.equals(actions, that.actions)
                && Arrays.equals(messagesOut, that.messagesOut) && Arrays.equals(messagesIn, that.messagesIn)
                && Arrays.equals(payloadBytesOut, that.payloadBytesOut) && Arrays.equals(payloadBytesIn, that.payloadBytesIn)
                && Arrays.equals(signaturesOut, that.signaturesOut) && Arrays.equals(signaturesIn, that.signaturesIn)
                && Arrays.equals(framedOut, that.framedOut) && Arrays.equals(framedIn, that.framedIn);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(actions);
    }
}
