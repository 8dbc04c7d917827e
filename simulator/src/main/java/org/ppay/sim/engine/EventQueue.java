package org.ppay.sim.engine;

/**
 * The pending events of one simulation: a binary heap ordered by time, then by the order of scheduling, so that the
 * run is deterministic with no random tie-breaks. An event is a type and a 64-bit payload; nothing is allocated per
 * event.
 */
public final class EventQueue {

    private double[] times = new double[1024];
    private long[] sequences = new long[1024];
    private int[] types = new int[1024];
    private long[] payloads = new long[1024];
    private int size;
    private long nextSequence;
    private double now;

    private double poppedTime;
    private int poppedType;
    private long poppedPayload;

    /** The time of the last event popped: the simulation clock. */
    public double now() {
        return now;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Schedules an event; scheduling into the past is a bug in the model, so it throws. */
    public void schedule(double time, int type, long payload) {
        if (!(time >= now)) {
            throw new IllegalStateException("event of type " + type + " scheduled at " + time + " s, before now = " + now + " s");
        }
        if (size == times.length) {
            grow();
        }
        int i = size++;
        final long sequence = nextSequence++;
        while (i > 0) {
            final int parent = (i - 1) >>> 1;
            if (!before(time, sequence, times[parent], sequences[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, time, sequence, type, payload);
    }

    /** Removes the earliest event and advances the clock to it; read it with the popped accessors. */
    public void pop() {
        if (size == 0) {
            throw new IllegalStateException("no pending event");
        }
        poppedTime = times[0];
        poppedType = types[0];
        poppedPayload = payloads[0];
        now = poppedTime;
        size--;
        if (size > 0) {
            siftDown(times[size], sequences[size], types[size], payloads[size]);
        }
    }

    public double poppedTime() {
        return poppedTime;
    }

    public int poppedType() {
        return poppedType;
    }

    public long poppedPayload() {
        return poppedPayload;
    }

    /** The time of the earliest pending event; the queue must not be empty. */
    public double peekTime() {
        return times[0];
    }

    private void siftDown(double time, long sequence, int type, long payload) {
        int i = 0;
        final int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            final int right = child + 1;
            if (right < size && before(times[right], sequences[right], times[child], sequences[child])) {
                child = right;
            }
            if (!before(times[child], sequences[child], time, sequence)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, time, sequence, type, payload);
    }

    private static boolean before(double timeA, long sequenceA, double timeB, long sequenceB) {
        return timeA < timeB || (timeA == timeB && sequenceA < sequenceB);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequences[to] = sequences[from];
        types[to] = types[from];
        payloads[to] = payloads[from];
    }

    private void set(int i, double time, long sequence, int type, long payload) {
        times[i] = time;
        sequences[i] = sequence;
        types[i] = type;
        payloads[i] = payload;
    }

    private void grow() {
        final int capacity = times.length * 2;
        times = java.util.Arrays.copyOf(times, capacity);
        sequences = java.util.Arrays.copyOf(sequences, capacity);
        types = java.util.Arrays.copyOf(types, capacity);
        payloads = java.util.Arrays.copyOf(payloads, capacity);
    }
}
