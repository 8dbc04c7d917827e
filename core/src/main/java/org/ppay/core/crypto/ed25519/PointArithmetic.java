package org.ppay.core.crypto.ed25519;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Point arithmetic on edwards25519 (a = -1) in extended coordinates, after Hisil, Wong, Carter and Dawson (2008):
 * unified addition with a {@link CachedPoint}, doubling, decompression with canonical checks, encoding.
 *
 * <p>Every method works in the scratch arrays of this instance and allocates nothing, so an instance belongs to one
 * thread. Inputs and outputs may alias.
 */
public final class PointArithmetic {

    /** The canonical encodings of the 8 points of order 1, 2, 4 and 8. */
    private static final byte[][] SMALL_ORDER_ENCODINGS = {
        hex("0100000000000000000000000000000000000000000000000000000000000000"),
        hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        hex("0000000000000000000000000000000000000000000000000000000000000000"),
        hex("0000000000000000000000000000000000000000000000000000000000000080"),
        hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
        hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"),
        hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
        hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"),
    };

    private final int[] a = X25519Field.create();
    private final int[] b = X25519Field.create();
    private final int[] c = X25519Field.create();
    private final int[] d = X25519Field.create();
    private final int[] e = X25519Field.create();
    private final int[] f = X25519Field.create();
    private final int[] g = X25519Field.create();
    private final int[] h = X25519Field.create();
    private final int[] u = X25519Field.create();
    private final int[] v = X25519Field.create();
    private final int[] n1 = X25519Field.create();
    private final int[] n2 = X25519Field.create();
    private final int[] uv3 = X25519Field.create();
    private final int[] uv7 = X25519Field.create();
    private final int[] p1 = X25519Field.create();
    private final int[] p2 = X25519Field.create();
    private final int[] p3 = X25519Field.create();
    private final int[] p4 = X25519Field.create();
    private final int[] p5 = X25519Field.create();
    private final CachedPoint cachedScratch = new CachedPoint();
    private final EdwardsPoint pointScratch = new EdwardsPoint();

    /** r = p + q. */
    public void add(EdwardsPoint p, CachedPoint q, EdwardsPoint r) {
        addOrSubtract(p, q.yPlusX, q.yMinusX, q, false, r);
    }

    /** r = p - q. */
    public void subtract(EdwardsPoint p, CachedPoint q, EdwardsPoint r) {
        addOrSubtract(p, q.yMinusX, q.yPlusX, q, true, r);
    }

    private void addOrSubtract(EdwardsPoint p, int[] qYPlusX, int[] qYMinusX, CachedPoint q, boolean negate,
                               EdwardsPoint r) {
        X25519Field.apm(p.y, p.x, b, a);
        X25519Field.mul(a, qYMinusX, a);
        X25519Field.mul(b, qYPlusX, b);
        X25519Field.mul(p.t, q.t2d, c);
        X25519Field.mul(p.z, q.z2, d);
        X25519Field.apm(b, a, h, e);
        if (negate) {
            X25519Field.apm(d, c, f, g);
        } else {
            X25519Field.apm(d, c, g, f);
        }
        X25519Field.mul(e, f, r.x);
        X25519Field.mul(g, h, r.y);
        X25519Field.mul(f, g, r.z);
        X25519Field.mul(e, h, r.t);
    }

    /** r = p + q where q was prepared from a point with Z = 1 (saves one multiplication). */
    void addAffine(EdwardsPoint p, CachedPoint q, EdwardsPoint r) {
        addOrSubtractAffine(p, q.yPlusX, q.yMinusX, q, false, r);
    }

    /** r = p - q where q was prepared from a point with Z = 1. */
    void subtractAffine(EdwardsPoint p, CachedPoint q, EdwardsPoint r) {
        addOrSubtractAffine(p, q.yMinusX, q.yPlusX, q, true, r);
    }

    private void addOrSubtractAffine(EdwardsPoint p, int[] qYPlusX, int[] qYMinusX, CachedPoint q, boolean negate,
                                     EdwardsPoint r) {
        X25519Field.apm(p.y, p.x, b, a);
        X25519Field.mul(a, qYMinusX, a);
        X25519Field.mul(b, qYPlusX, b);
        X25519Field.mul(p.t, q.t2d, c);
        X25519Field.add(p.z, p.z, d);
        X25519Field.apm(b, a, h, e);
        if (negate) {
            X25519Field.apm(d, c, f, g);
        } else {
            X25519Field.apm(d, c, g, f);
        }
        X25519Field.carry(f);
        X25519Field.carry(g);
        X25519Field.mul(e, f, r.x);
        X25519Field.mul(g, h, r.y);
        X25519Field.mul(f, g, r.z);
        X25519Field.mul(e, h, r.t);
    }

    /** Whether p's Z coordinate is exactly the limb vector of 1, as decompression leaves it. */
    static boolean hasUnitZ(EdwardsPoint p) {
        if (p.z[0] != 1) {
            return false;
        }
        for (int i = 1; i < X25519Field.SIZE; i++) {
            if (p.z[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** r = p + q for two extended points. */
    public void add(EdwardsPoint p, EdwardsPoint q, EdwardsPoint r) {
        toCached(q, cachedScratch);
        add(p, cachedScratch, r);
    }

    /** r = 2p. */
    public void doublePoint(EdwardsPoint p, EdwardsPoint r) {
        doublePoint(p, r, true);
    }

    /**
     * r = 2p; when {@code withT} is false, r.T is left stale, which is enough when the next operation on r is another
     * doubling or an identity test (neither reads T) and saves one multiplication.
     */
    void doublePoint(EdwardsPoint p, EdwardsPoint r, boolean withT) {
        X25519Field.sqr(p.x, a);
        X25519Field.sqr(p.y, b);
        X25519Field.sqr(p.z, c);
        X25519Field.add(c, c, c);
        X25519Field.apm(a, b, h, g);
        X25519Field.add(p.x, p.y, e);
        X25519Field.sqr(e, e);
        X25519Field.sub(h, e, e);
        X25519Field.add(c, g, f);
        X25519Field.carry(f);
        X25519Field.mul(e, f, r.x);
        X25519Field.mul(g, h, r.y);
        X25519Field.mul(f, g, r.z);
        if (withT) {
            X25519Field.mul(e, h, r.t);
        }
    }

    /** r = 2^k p. */
    public void doublePoint(EdwardsPoint p, int k, EdwardsPoint r) {
        if (k == 0) {
            r.set(p);
            return;
        }
        doublePoint(p, r, k == 1);
        for (int i = 1; i < k; i++) {
            doublePoint(r, r, i == k - 1);
        }
    }

    /** Prepares {@code p} as an addend. */
    public void toCached(EdwardsPoint p, CachedPoint r) {
        X25519Field.apm(p.y, p.x, r.yPlusX, r.yMinusX);
        X25519Field.carry(r.yPlusX);
        X25519Field.carry(r.yMinusX);
        X25519Field.add(p.z, p.z, r.z2);
        X25519Field.carry(r.z2);
        X25519Field.mul(p.t, Curve.D2, r.t2d);
    }

    /** Whether p is the identity: X = 0 and Y = Z. */
    public boolean isIdentity(EdwardsPoint p) {
        X25519Field.copy(p.x, 0, n1, 0);
        X25519Field.normalize(n1);
        if (!X25519Field.isZeroVar(n1)) {
            return false;
        }
        X25519Field.copy(p.y, 0, n1, 0);
        X25519Field.copy(p.z, 0, n2, 0);
        X25519Field.normalize(n1);
        X25519Field.normalize(n2);
        for (int i = 0; i < X25519Field.SIZE; i++) {
            if (n1[i] != n2[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a canonical encoding (one {@link #decompress} accepts) is that of one of the 8 points of small order.
     * Equivalent to decompressing and calling {@link #hasSmallOrder}, without the three doublings.
     */
    public static boolean isSmallOrderEncoding(byte[] in, int offset) {
        for (byte[] encoding : SMALL_ORDER_ENCODINGS) {
            if (Arrays.equals(encoding, 0, 32, in, offset, offset + 32)) {
                return true;
            }
        }
        return false;
    }

    /** Whether [8]p is the identity, i.e. p lies in the torsion subgroup of order dividing 8. */
    public boolean hasSmallOrder(EdwardsPoint p) {
        doublePoint(p, 3, pointScratch);
        return isIdentity(pointScratch);
    }

    /**
     * Decodes a point from its 32-byte encoding (RFC 8032, section 5.1.3), strictly: the y coordinate must be below
     * p, and x = 0 must come with a clear sign bit. Returns false, leaving {@code r} unspecified, when the bytes
     * encode no point or encode one non-canonically.
     */
    public boolean decompress(byte[] in, int offset, EdwardsPoint r) {
        if (!isCanonicalY(in, offset)) {
            return false;
        }
        int sign = (in[offset + 31] >>> 7) & 1;
        X25519Field.decode(in, offset, r.y);
        X25519Field.sqr(r.y, u);
        X25519Field.mul(Curve.D, u, v);
        X25519Field.subOne(u);
        X25519Field.addOne(v);
        if (!sqrtRatio(u, v, r.x)) {
            return false;
        }
        X25519Field.normalize(r.x);
        if (X25519Field.isZeroVar(r.x) && sign == 1) {
            return false;
        }
        if ((r.x[0] & 1) != sign) {
            X25519Field.negate(r.x, r.x);
        }
        X25519Field.one(r.z);
        X25519Field.mul(r.x, r.y, r.t);
        return true;
    }

    /**
     * z = sqrt(u / v) when u / v is a square (RFC 8032, section 5.1.3, step 2), as Bouncy Castle's
     * {@code X25519Field.sqrtRatioVar} computes it, but in this instance's scratch arrays instead of new ones.
     */
    private boolean sqrtRatio(int[] u, int[] v, int[] z) {
        X25519Field.mul(u, v, uv3);
        X25519Field.sqr(v, uv7);
        X25519Field.mul(uv3, uv7, uv3);
        X25519Field.sqr(uv7, uv7);
        X25519Field.mul(uv7, uv3, uv7);
        powPminus5over8(uv7, p1);
        X25519Field.mul(p1, uv3, z);
        X25519Field.sqr(z, p2);
        X25519Field.mul(p2, v, p2);
        X25519Field.sub(p2, u, p3);
        X25519Field.normalize(p3);
        if (X25519Field.isZeroVar(p3)) {
            return true;
        }
        X25519Field.add(p2, u, p3);
        X25519Field.normalize(p3);
        if (X25519Field.isZeroVar(p3)) {
            X25519Field.mul(z, Curve.SQRT_MINUS_ONE, z);
            return true;
        }
        return false;
    }

    /** out = x^((p - 5) / 8) = x^(2^252 - 3): 250 one bits, a zero, a one; the classic addition chain. */
    private void powPminus5over8(int[] x, int[] out) {
        X25519Field.sqr(x, p2);
        X25519Field.mul(x, p2, p2);          // p2 = x^(2^2 - 1)
        X25519Field.sqr(p2, p3);
        X25519Field.mul(x, p3, p3);          // p3 = x^(2^3 - 1)
        X25519Field.sqr(p3, 2, p4);
        X25519Field.mul(p2, p4, p4);         // p4 = x^(2^5 - 1)
        X25519Field.sqr(p4, 5, p5);
        X25519Field.mul(p4, p5, p5);         // p5 = x^(2^10 - 1)
        X25519Field.sqr(p5, 5, p3);
        X25519Field.mul(p4, p3, p3);         // p3 = x^(2^15 - 1)
        X25519Field.sqr(p3, 10, p4);
        X25519Field.mul(p5, p4, p4);         // p4 = x^(2^25 - 1)
        X25519Field.sqr(p4, 25, p5);
        X25519Field.mul(p4, p5, p5);         // p5 = x^(2^50 - 1)
        X25519Field.sqr(p5, 25, p3);
        X25519Field.mul(p4, p3, p3);         // p3 = x^(2^75 - 1)
        X25519Field.sqr(p3, 50, p4);
        X25519Field.mul(p5, p4, p4);         // p4 = x^(2^125 - 1)
        X25519Field.sqr(p4, 125, p5);
        X25519Field.mul(p4, p5, p5);         // p5 = x^(2^250 - 1)
        X25519Field.sqr(p5, 2, p3);
        X25519Field.mul(p3, x, out);         // x^(2^252 - 4 + 1)
    }

    /** Writes the canonical 32-byte encoding of p. */
    public void compress(EdwardsPoint p, byte[] out, int offset) {
        X25519Field.inv(p.z, n2);
        X25519Field.mul(p.x, n2, n1);
        X25519Field.mul(p.y, n2, u);
        X25519Field.normalize(n1);
        X25519Field.normalize(u);
        X25519Field.encode(u, out, offset);
        out[offset + 31] |= (byte) ((n1[0] & 1) << 7);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** Whether the low 255 bits of {@code in[offset, offset+32)} are a value below p = 2^255 - 19. */
    static boolean isCanonicalY(byte[] in, int offset) {
        if ((in[offset + 31] & 0x7F) != 0x7F) {
            return true;
        }
        for (int i = 30; i >= 1; i--) {
            if (in[offset + i] != (byte) 0xFF) {
                return true;
            }
        }
        return (in[offset] & 0xFF) < 0xED;
    }
}
