package org.ppay.sim.load;

import org.ppay.costs.CostAction;

/**
 * What every entity did during a run, by task: macro actions (counts per {@link CostAction}, the transport of each
 * protocol message among them) and messages (count, payload bytes excluding signatures, signatures carried, and how
 * many need network framing). Counts only, so a run can be priced with any cost table afterwards.
 *
 * <p>Entity 0 is the broker; peer {@code p} is entity {@code p + 1}.
 *
 * <p>Layout, for a million peers: one array over the entities per (task, action) and per (message field, task),
 * made the first time that cell is counted, so the many pairs no run ever counts cost nothing. The two steps every
 * probe takes, the GUESS exchange and the picopayment (with a Payword chain's commitment), go to nine ints per entity
 * side by side instead (one cache line per peer rather than a dozen scattered cells); they are spread into the arrays before anything is read.
 */
public final class LoadCounters {

    public static final int BROKER = 0;
    static final int TASKS = Task.values().length;
    static final int ACTIONS = CostAction.values().length;

    private static final int MESSAGES_OUT = 0;
    private static final int MESSAGES_IN = 1;
    private static final int PAYLOAD_OUT = 2;
    private static final int PAYLOAD_IN = 3;
    private static final int SIGNATURES_OUT = 4;
    private static final int SIGNATURES_IN = 5;
    private static final int FRAMED_OUT = 6;
    private static final int FRAMED_IN = 7;
    private static final int MESSAGE_FIELDS = 8;

    /** The per-entity tallies of the two per-probe steps, at {@code entity * HOT + field}. */
    private static final int PROBES_SENT = 0;
    private static final int HITS_RECEIVED = 1;
    private static final int PROBES_ANSWERED = 2;
    private static final int HITS_ANSWERED = 3;
    private static final int SOFT_STEPS = 4;
    private static final int PAYWORDS_SENT = 5;
    private static final int PAYWORDS_RECEIVED = 6;
    private static final int COMMITMENTS_SENT = 7;
    private static final int COMMITMENTS_RECEIVED = 8;
    private static final int HOT = 9;
    /** A hot tally this high is spread into the arrays before it could overflow. */
    private static final int SPREAD_AT = 1 << 30;

    private final int entities;
    private final long[][] actions = new long[TASKS * ACTIONS][];
    private final long[][] messages = new long[MESSAGE_FIELDS * TASKS][];
    private final int[] hot;
    private boolean hotPending;

    public LoadCounters(int peers) {
        this.entities = peers + 1;
        this.hot = new int[Math.multiplyExact(entities, HOT)];
    }

    /** Entity index of peer {@code peer}. */
    public static int peer(int peer) {
        return peer + 1;
    }

    public int entityCount() {
        return entities;
    }

    public void action(int entity, Task task, CostAction action) {
        actionColumn(task, action)[entity]++;
    }

    public void action(int entity, Task task, CostAction action, long times) {
        actionColumn(task, action)[entity] += times;
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
        messageColumn(MESSAGES_OUT, task)[from]++;
        messageColumn(MESSAGES_IN, task)[to]++;
        messageColumn(PAYLOAD_OUT, task)[from] += payloadBytes;
        messageColumn(PAYLOAD_IN, task)[to] += payloadBytes;
        messageColumn(SIGNATURES_OUT, task)[from] += signatures;
        messageColumn(SIGNATURES_IN, task)[to] += signatures;
        if (framed) {
            messageColumn(FRAMED_OUT, task)[from]++;
            messageColumn(FRAMED_IN, task)[to]++;
            if (from != to) {
                action(from, task, CostAction.MESSAGE_SEND);
                action(to, task, CostAction.MESSAGE_RECEIVE);
            }
        }
    }

    /** Bytes that ride on a message already counted (a payword on a probe): payload only, no new message. */
    public void piggyback(int from, int to, Task task, int payloadBytes) {
        messageColumn(PAYLOAD_OUT, task)[from] += payloadBytes;
        messageColumn(PAYLOAD_IN, task)[to] += payloadBytes;
    }

    /**
     * A GUESS probe and its answer: a {@link CostAction#GUESS_PROBE} at both ends, the query from querier to target
     * and the hit or miss response back, as {@link #message} would count them (unframed, no signatures).
     */
    public void probe(int querier, int target, boolean hit) {
        bump(querier, PROBES_SENT);
        bump(target, PROBES_ANSWERED);
        if (hit) {
            bump(querier, HITS_RECEIVED);
            bump(target, HITS_ANSWERED);
        }
    }

    /** One soft-credit picopayment: a {@link CostAction#SOFT_CREDIT_STEP} at payer and payee, in the MISC task. */
    public void softCreditStep(int payer, int payee) {
        bump(payer, SOFT_STEPS);
        bump(payee, SOFT_STEPS);
    }

    /**
     * One payword riding on a probe: {@link Messages#PAYWORD_BYTES} piggybacked from payer to payee and a
     * {@link CostAction#PAYWORD_CHECK} at the payee, in the MISC task.
     */
    public void payword(int payer, int payee) {
        bump(payer, PAYWORDS_SENT);
        bump(payee, PAYWORDS_RECEIVED);
    }

    /**
     * A payer opens a Payword chain: a {@link CostAction#PAYWORD_COMMIT} at the payer and the signed commitment
     * message to the payee, counted as {@link #message} counts a framed protocol message in the MISC task.
     */
    public void paywordCommitment(int payer, int payee) {
        bump(payer, COMMITMENTS_SENT);
        bump(payee, COMMITMENTS_RECEIVED);
    }

    private void bump(int entity, int field) {
        hotPending = true;
        if (++hot[entity * HOT + field] == SPREAD_AT) {
            spread(entity);
        }
    }

    public long actions(int entity, Task task, CostAction action) {
        settle();
        final long[] column = actions[task.ordinal() * ACTIONS + action.ordinal()];
        return column == null ? 0 : column[entity];
    }

    /** Sum of one action over every entity and task. */
    public long totalActions(CostAction action) {
        settle();
        long sum = 0;
        for (Task task : Task.values()) {
            final long[] column = actions[task.ordinal() * ACTIONS + action.ordinal()];
            if (column != null) {
                for (long v : column) {
                    sum += v;
                }
            }
        }
        return sum;
    }

    public long messagesOut(int entity, Task task) {
        return read(MESSAGES_OUT, task, entity);
    }

    public long messagesIn(int entity, Task task) {
        return read(MESSAGES_IN, task, entity);
    }

    /** Bytes sent by {@code entity} for {@code task} when signatures are {@code signatureBytes} long. */
    public long bytesOut(int entity, Task task, int signatureBytes, int framingBytes) {
        return read(PAYLOAD_OUT, task, entity) + read(SIGNATURES_OUT, task, entity) * signatureBytes
                + read(FRAMED_OUT, task, entity) * framingBytes;
    }

    public long bytesIn(int entity, Task task, int signatureBytes, int framingBytes) {
        return read(PAYLOAD_IN, task, entity) + read(SIGNATURES_IN, task, entity) * signatureBytes
                + read(FRAMED_IN, task, entity) * framingBytes;
    }

    private long read(int field, Task task, int entity) {
        settle();
        final long[] column = messages[field * TASKS + task.ordinal()];
        return column == null ? 0 : column[entity];
    }

    /**
     * Spreads every entity's hot tallies into the arrays. Every read does it first; a run does it once at its end, so
     * that its results, read from any thread afterwards, are never written again.
     */
    public void settle() {
        if (!hotPending) {
            return;
        }
        for (int e = 0; e < entities; e++) {
            spread(e);
        }
        hotPending = false;
    }

    private void spread(int e) {
        final int base = e * HOT;
        final long sent = hot[base + PROBES_SENT];
        final long hitsReceived = hot[base + HITS_RECEIVED];
        final long answered = hot[base + PROBES_ANSWERED];
        final long hitsAnswered = hot[base + HITS_ANSWERED];
        if (sent + answered != 0) {
            final Task g = Task.GUESS;
            actionColumn(g, CostAction.GUESS_PROBE)[e] += sent + answered;
            messageColumn(MESSAGES_OUT, g)[e] += sent + answered;
            messageColumn(MESSAGES_IN, g)[e] += sent + answered;
            messageColumn(PAYLOAD_OUT, g)[e] += sent * Messages.GUESS_QUERY_BYTES
                    + hitsAnswered * Messages.GUESS_RESPONSE_HIT_BYTES
                    + (answered - hitsAnswered) * Messages.GUESS_RESPONSE_MISS_BYTES;
            messageColumn(PAYLOAD_IN, g)[e] += answered * Messages.GUESS_QUERY_BYTES
                    + hitsReceived * Messages.GUESS_RESPONSE_HIT_BYTES
                    + (sent - hitsReceived) * Messages.GUESS_RESPONSE_MISS_BYTES;
        }
        final long soft = hot[base + SOFT_STEPS];
        if (soft != 0) {
            actionColumn(Task.MISC, CostAction.SOFT_CREDIT_STEP)[e] += soft;
        }
        final long paywordsSent = hot[base + PAYWORDS_SENT];
        final long paywordsReceived = hot[base + PAYWORDS_RECEIVED];
        if (paywordsSent + paywordsReceived != 0) {
            messageColumn(PAYLOAD_OUT, Task.MISC)[e] += paywordsSent * Messages.PAYWORD_BYTES;
            messageColumn(PAYLOAD_IN, Task.MISC)[e] += paywordsReceived * Messages.PAYWORD_BYTES;
            if (paywordsReceived != 0) {
                actionColumn(Task.MISC, CostAction.PAYWORD_CHECK)[e] += paywordsReceived;
            }
        }
        final long commitmentsSent = hot[base + COMMITMENTS_SENT];
        final long commitmentsReceived = hot[base + COMMITMENTS_RECEIVED];
        if (commitmentsSent != 0) {
            actionColumn(Task.MISC, CostAction.PAYWORD_COMMIT)[e] += commitmentsSent;
            spreadCommitments(e, MESSAGES_OUT, PAYLOAD_OUT, SIGNATURES_OUT, FRAMED_OUT, commitmentsSent);
            actionColumn(Task.MISC, CostAction.MESSAGE_SEND)[e] += commitmentsSent;
        }
        if (commitmentsReceived != 0) {
            spreadCommitments(e, MESSAGES_IN, PAYLOAD_IN, SIGNATURES_IN, FRAMED_IN, commitmentsReceived);
            actionColumn(Task.MISC, CostAction.MESSAGE_RECEIVE)[e] += commitmentsReceived;
        }
        for (int f = 0; f < HOT; f++) {
            hot[base + f] = 0;
        }
    }

    /** {@code n} framed commitment messages of one signature each, one direction of one entity, in MISC. */
    private void spreadCommitments(int e, int count, int payload, int signatures, int framed, long n) {
        messageColumn(count, Task.MISC)[e] += n;
        messageColumn(payload, Task.MISC)[e] += n * Messages.PAYWORD_COMMITMENT_BYTES;
        messageColumn(signatures, Task.MISC)[e] += n;
        messageColumn(framed, Task.MISC)[e] += n;
    }

    private long[] actionColumn(Task task, CostAction action) {
        final int cell = task.ordinal() * ACTIONS + action.ordinal();
        long[] column = actions[cell];
        if (column == null) {
            column = new long[entities];
            actions[cell] = column;
        }
        return column;
    }

    private long[] messageColumn(int field, Task task) {
        final int cell = field * TASKS + task.ordinal();
        long[] column = messages[cell];
        if (column == null) {
            column = new long[entities];
            messages[cell] = column;
        }
        return column;
    }

    /** Heap bytes the counters take now: the columns made so far and the hot tallies. */
    public long heapBytes() {
        long bytes = 16L + 4L * hot.length;
        for (long[] column : actions) {
            bytes += column == null ? 0 : 16L + 8L * entities;
        }
        for (long[] column : messages) {
            bytes += column == null ? 0 : 16L + 8L * entities;
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof LoadCounters that) || that.entities != entities) {
            return false;
        }
        settle();
        that.settle();
        return sameColumns(actions, that.actions) && sameColumns(messages, that.messages);
    }

    private static boolean sameColumns(long[][] a, long[][] b) {
        for (int c = 0; c < a.length; c++) {
            if (!java.util.Arrays.equals(a[c] == null ? new long[0] : a[c], b[c] == null ? new long[0] : b[c])
                    && !(isZero(a[c]) && isZero(b[c]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(long[] column) {
        if (column != null) {
            for (long v : column) {
                if (v != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        settle();
        long hash = 0;
        for (int c = 0; c < actions.length; c++) {
            final long[] column = actions[c];
            for (int e = 0; column != null && e < entities; e++) {
                if (column[e] != 0) {
                    hash = 31 * hash + ((long) c * entities + e) * 0x9E3779B97F4A7C15L + column[e];
                }
            }
        }
        return Long.hashCode(hash);
    }
}
