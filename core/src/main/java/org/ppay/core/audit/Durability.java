package org.ppay.core.audit;

/**
 * When a trail forces appended records to disk on its own. {@link AuditTrail#sync()} always forces, whatever the
 * policy. Forces happen on the appending thread (group commit): there is no background thread, so with
 * {@link #everyMillis(long)} the last records before a pause stay unforced until the next append, sync or close.
 *
 * @param mode     the kind of policy
 * @param interval records for {@link Mode#EVERY_N_RECORDS}, milliseconds for {@link Mode#EVERY_T_MILLIS}, 0 for none
 */
public record Durability(Mode mode, long interval) {

    /** The kinds of policy. */
    public enum Mode {
        /** Never force on its own: only {@code sync()} and {@code close()} force. */
        NONE,
        /** Force after every n appended records. */
        EVERY_N_RECORDS,
        /** Force on the first append at least t milliseconds after the previous force. */
        EVERY_T_MILLIS
    }

    public Durability {
        if (mode == null) {
            throw new IllegalArgumentException("durability mode must not be null");
        }
        if (mode == Mode.NONE && interval != 0) {
            throw new IllegalArgumentException("durability NONE takes no interval, got " + interval);
        }
        if (mode != Mode.NONE && interval < 1) {
            throw new IllegalArgumentException("durability " + mode + " needs an interval >= 1, got " + interval);
        }
    }

    public static Durability none() {
        return new Durability(Mode.NONE, 0);
    }

    public static Durability everyRecords(final long records) {
        return new Durability(Mode.EVERY_N_RECORDS, records);
    }

    public static Durability everyMillis(final long millis) {
        return new Durability(Mode.EVERY_T_MILLIS, millis);
    }
}
