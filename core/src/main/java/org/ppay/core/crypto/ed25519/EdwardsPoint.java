package org.ppay.core.crypto.ed25519;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A mutable point of edwards25519 in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, x*y = T/Z.
 * The limbs are Bouncy Castle {@link X25519Field} elements; arithmetic lives in {@link PointArithmetic}.
 */
public final class EdwardsPoint {

    final int[] x = X25519Field.create();
    final int[] y = X25519Field.create();
    final int[] z = X25519Field.create();
    final int[] t = X25519Field.create();

    /** A new point set to the identity (0, 1). */
    public EdwardsPoint() {
        setIdentity();
    }

    public void setIdentity() {
        X25519Field.zero(x);
        X25519Field.one(y);
        X25519Field.one(z);
        X25519Field.zero(t);
    }

    public void set(EdwardsPoint other) {
        X25519Field.copy(other.x, 0, x, 0);
        X25519Field.copy(other.y, 0, y, 0);
        X25519Field.copy(other.z, 0, z, 0);
        X25519Field.copy(other.t, 0, t, 0);
    }
}
