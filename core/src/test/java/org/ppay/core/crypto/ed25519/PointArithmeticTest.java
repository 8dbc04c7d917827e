package org.ppay.core.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

class PointArithmeticTest {

    private final PointArithmetic arithmetic = new PointArithmetic();
    private final MultiScalarMultiplier multiplier = new MultiScalarMultiplier(arithmetic);

    @Test
    void shouldDerivePublicKeysExactlyAsBouncyCastleDoes() throws Exception {
        Random random = new Random(42);
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        for (int i = 0; i < 200; i++) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            byte[] expected = new byte[32];
            Ed25519.generatePublicKey(secret, 0, expected, 0);

            byte[] h = sha512.digest(secret);
            h[0] &= (byte) 0xF8;
            h[31] &= 0x7F;
            h[31] |= 0x40;
            byte[] scalar = Curve.littleEndian32(Curve.fromLittleEndian(h, 0, 32).mod(Curve.L));
            EdwardsPoint a = new EdwardsPoint();
            multiplier.multiply(scalar, 0, new EdwardsPoint[0], new byte[0], 0, 0, a);
            byte[] actual = new byte[32];
            arithmetic.compress(a, actual, 0);
            assertArrayEquals(expected, actual, "secret " + HexFormat.of().formatHex(secret));
        }
    }

    @Test
    void shouldRoundTripEveryPublicKeyEncoding() {
        Random random = new Random(3);
        EdwardsPoint point = new EdwardsPoint();
        for (int i = 0; i < 100; i++) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            byte[] key = new byte[32];
            Ed25519.generatePublicKey(secret, 0, key, 0);
            assertTrue(arithmetic.decompress(key, 0, point));
            assertFalse(arithmetic.hasSmallOrder(point));
            byte[] again = new byte[32];
            arithmetic.compress(point, again, 0);
            assertArrayEquals(key, again);
        }
    }

    @Test
    void shouldAgreeWithBouncyCastleOnWhichEncodingsArePoints() {
        Random random = new Random(5);
        EdwardsPoint point = new EdwardsPoint();
        int points = 0;
        for (int i = 0; i < 400; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            boolean ours = arithmetic.decompress(bytes, 0, point);
            // BC's partial validation: a canonical encoding of a curve point (any order)
            assertEquals(Ed25519.validatePublicKeyPartial(bytes, 0), ours, HexFormat.of().formatHex(bytes));
            points += ours ? 1 : 0;
        }
        assertTrue(points > 100 && points < 300, "about half of all encodings are points, got " + points);
    }

    @Test
    void shouldRejectNonCanonicalEncodings() {
        EdwardsPoint point = new EdwardsPoint();
        byte[] p = Curve.littleEndian32(Curve.P);
        assertFalse(arithmetic.decompress(p, 0, point), "y = p");
        byte[] pPlusOne = Curve.littleEndian32(Curve.P.add(BigInteger.ONE));
        assertFalse(arithmetic.decompress(pPlusOne, 0, point), "y = p + 1 encodes the identity non-canonically");
        byte[] identity = Curve.littleEndian32(BigInteger.ONE);
        assertTrue(arithmetic.decompress(identity, 0, point));
        byte[] negativeZero = identity.clone();
        negativeZero[31] |= (byte) 0x80;
        assertFalse(arithmetic.decompress(negativeZero, 0, point), "x = 0 with the sign bit set");
    }

    @Test
    void shouldFindTheSmallOrderPoints() {
        EdwardsPoint point = new EdwardsPoint();
        String[] smallOrder = {
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
            "0000000000000000000000000000000000000000000000000000000000000080",
        };
        for (String hex : smallOrder) {
            byte[] encoding = HexFormat.of().parseHex(hex);
            assertTrue(arithmetic.decompress(encoding, 0, point), hex);
            assertTrue(arithmetic.hasSmallOrder(point), hex);
            assertTrue(PointArithmetic.isSmallOrderEncoding(encoding, 0), hex);
        }
        // the blocklist is complete: the 8 points above are all of order dividing 8, and mixing in the
        // torsion of random points never lands on one
        Random random = new Random(9);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            if (arithmetic.decompress(bytes, 0, point)) {
                assertEquals(arithmetic.hasSmallOrder(point), PointArithmetic.isSmallOrderEncoding(bytes, 0));
            }
        }
        assertTrue(arithmetic.decompress(Curve.BASE_POINT_ENCODED, 0, point));
        assertFalse(arithmetic.hasSmallOrder(point));
    }
}
