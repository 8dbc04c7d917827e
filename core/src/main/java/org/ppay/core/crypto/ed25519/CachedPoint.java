package org.ppay.core.crypto.ed25519;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point prepared as the second operand of an addition: (Y+X, Y-X, 2Z, 2dT). Adding it to an
 * {@link EdwardsPoint} costs 8 field multiplications; immutable once filled by {@link PointArithmetic#toCached}.
 */
public final class CachedPoint {

    final int[] yPlusX = X25519Field.create();
    final int[] yMinusX = X25519Field.create();
    final int[] z2 = X25519Field.create();
    final int[] t2d = X25519Field.create();

    /** A new point set to the identity. */
    public CachedPoint() {
        X25519Field.one(yPlusX);
        X25519Field.one(yMinusX);
        X25519Field.one(z2);
        X25519Field.addOne(z2);
    }

    void set(CachedPoint other) {
        X25519Field.copy(other.yPlusX, 0, yPlusX, 0);
        X25519Field.copy(other.yMinusX, 0, yMinusX, 0);
        X25519Field.copy(other.z2, 0, z2, 0);
        X25519Field.copy(other.t2d, 0, t2d, 0);
    }
}
