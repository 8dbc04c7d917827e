package org.ppay.core.crypto;

/**
 * Finds the invalid items of a range whose combined check failed, by halving: a half that holds is valid as a whole,
 * a half that fails is halved again, down to single items (which then stay invalid). One routine for the one-thread
 * and the multi-thread Ed25519 batch verifiers, which differ only in how they check a range and record its items.
 */
abstract class BatchBisection {

    /** Whether the random linear combination of items [lo, hi) is the identity. */
    abstract boolean holds(int lo, int hi);

    /** Records every item of [lo, hi) as valid. */
    abstract void markValid(int lo, int hi);

    /** Checks [lo, hi) as a whole and, when that fails, bisects it down to its invalid items. */
    final void check(int lo, int hi) {
        if (holds(lo, hi)) {
            markValid(lo, hi);
        } else {
            locateInvalid(lo, hi);
        }
    }

    /** Finds the invalid items in [lo, hi), a range known to hold at least one. */
    private void locateInvalid(int lo, int hi) {
        if (hi - lo == 1) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        if (holds(lo, mid)) {
            markValid(lo, mid);
            locateInvalid(mid, hi);
            return;
        }
        locateInvalid(lo, mid);
        check(mid, hi);
    }
}
