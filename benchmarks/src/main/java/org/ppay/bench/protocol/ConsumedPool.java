package org.ppay.bench.protocol;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Inputs used once each by a role that cannot be renewed without signing them again (the owner: its coins, their
 * sequence numbers and its audit trail). Made between iterations, outside the measurement; an iteration's leftovers
 * stay valid and are used first by the next one, so a trial makes about what it uses plus one iteration's margin,
 * not a full pool per iteration.
 *
 * @param <T> an input: a serial to assign, a signed request
 */
final class ConsumedPool<T> {

    private final Supplier<T> maker;
    private Object[] inputs = new Object[0];
    private int next;
    private int end;

    ConsumedPool(Supplier<T> maker) {
        this.maker = maker;
    }

    /** Makes inputs until at least {@code wanted} are unused; returns how many it made. */
    int topUp(int wanted) {
        int unused = end - next;
        if (unused >= wanted) {
            return 0;
        }
        if (inputs.length < wanted) {
            Object[] larger = new Object[wanted];
            System.arraycopy(inputs, next, larger, 0, unused);
            inputs = larger;
        } else {
            System.arraycopy(inputs, next, inputs, 0, unused);
            Arrays.fill(inputs, unused, end, null);
        }
        next = 0;
        end = unused;
        while (end < wanted) {
            inputs[end++] = maker.get();
        }
        return wanted - unused;
    }

    /** The next unused input; throws when the pool is used up (the iteration needed more than was made). */
    @SuppressWarnings("unchecked")
    T take() {
        if (next == end) {
            throw new IllegalStateException("all " + end + " inputs made for this iteration were used: PoolSizer"
                    + " underestimated the suite's speed, or -p poolSize capped the pool");
        }
        return (T) inputs[next++];
    }

    int unused() {
        return end - next;
    }
}
