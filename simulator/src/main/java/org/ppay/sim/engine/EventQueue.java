package org.ppay.sim.engine;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * The pending events of one simulation: a binary heap ordered by time, then by the order of scheduling, so that the
 * run is deterministic with no random tie-breaks. An event is a type and a 64-bit payload; nothing is allocated per
 * event.
 *
 * <p>Events many of which fall at one shared time (every coin's renewal window opens and closes on a multiple of the
 * renewal period) can go to a bucket for that time instead ({@link #scheduleShared}): a bucket keeps its events in
 * scheduling order, 16 bytes each in pages, and only its first event sits in the heap. Since a bucket's events share
 * one time and rise in sequence, the heap still pops every event in exactly (time, sequence) order, while holding a
 * few thousand entries instead of one per coin.
 */
public final class EventQueue {

    /** Marks a heap entry that is the first event of a bucket. */
    private static final int BUCKET_HEAD = 1 << 30;
    private static final int MAX_SHARED_TYPE = 255;
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;

    private final Long2ObjectHashMap<Bucket> buckets = new Long2ObjectHashMap<>();
    private long waitingInBuckets;

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

    /** Pending events, in the heap and in buckets. */
    public long size() {
        return size + waitingInBuckets;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Schedules an event; scheduling into the past is a bug in the model, so it throws. */
    public void schedule(double time, int type, long payload) {
        if (!(time >= now)) {
            throw new IllegalStateException("event of type " + type + " scheduled at " + time + " s, before now = " + now + " s");
        }
        push(time, nextSequence++, type, payload);
    }

    /**
     * Schedules an event at a time many others share, in the bucket of that exact time; pops in the same order as
     * {@link #schedule} would. {@code type} is in [0, 255].
     */
    public void scheduleShared(double time, int type, long payload) {
        if (!(time >= now)) {
            throw new IllegalStateException("event of type " + type + " scheduled at " + time + " s, before now = " + now + " s");
        }
        if (type < 0 || type > MAX_SHARED_TYPE) {
            throw new IllegalArgumentException("shared event type " + type + " outside [0, " + MAX_SHARED_TYPE + "]");
        }
        final long key = Double.doubleToLongBits(time);
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = new Bucket();
            buckets.put(key, bucket);
        }
        final long sequence = nextSequence++;
        if (bucket.isEmpty()) {
            push(time, sequence, type | BUCKET_HEAD, payload);
        } else {
            waitingInBuckets++;
        }
        bucket.add(sequence, type, payload);
    }

    private void push(double time, long sequence, int type, long payload) {
        if (size == times.length) {
            grow();
        }
        int i = size++;
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
        if ((poppedType & BUCKET_HEAD) != 0) {
            poppedType &= ~BUCKET_HEAD;
            nextOfBucket(poppedTime);
        }
    }

    /** The bucket's first event was popped: its next one (if any) takes its place in the heap. */
    private void nextOfBucket(double time) {
        final long key = Double.doubleToLongBits(time);
        final Bucket bucket = buckets.get(key);
        bucket.removeFirst();
        if (bucket.isEmpty()) {
            buckets.remove(key);
        } else {
            waitingInBuckets--;
            push(time, bucket.firstSequence(), bucket.firstType() | BUCKET_HEAD, bucket.firstPayload());
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

    /** Events of one time in scheduling order: (sequence << 8 | type, payload) pairs in pages of {@value #PAGE}. */
    private static final class Bucket {
        private long[][] pages = new long[4][];
        private long head;
        private long tail;

        boolean isEmpty() {
            return head == tail;
        }

        void add(long sequence, int type, long payload) {
            final int page = (int) (tail >>> PAGE_BITS);
            if (page == pages.length) {
                pages = java.util.Arrays.copyOf(pages, 2 * pages.length);
            }
            if (pages[page] == null) {
                pages[page] = new long[2 * PAGE];
            }
            final int at = 2 * (int) (tail & (PAGE - 1));
            pages[page][at] = sequence << 8 | type;
            pages[page][at + 1] = payload;
            tail++;
        }

        void removeFirst() {
            head++;
            if ((head & (PAGE - 1)) == 0) {
                pages[(int) (head >>> PAGE_BITS) - 1] = null;
            }
        }

        private long word(int offset) {
            return pages[(int) (head >>> PAGE_BITS)][2 * (int) (head & (PAGE - 1)) + offset];
        }

        long firstSequence() {
            return word(0) >>> 8;
        }

        int firstType() {
            return (int) (word(0) & MAX_SHARED_TYPE);
        }

        long firstPayload() {
            return word(1);
        }
    }
}
