package org.ppay.core.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiScalarMultiplierTest {

    private final PointArithmetic arithmetic = new PointArithmetic();
    private final MultiScalarMultiplier multiplier = new MultiScalarMultiplier(arithmetic);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 7, 60, 200, 300})
    void shouldGiveTheSameSumByStrausPippengerAndOnePointAtATime(int count) {
        Random random = new Random(count);
        EdwardsPoint[] points = new EdwardsPoint[count];
        byte[] scalars = new byte[32 * count];
        for (int j = 0; j < count; j++) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            byte[] key = new byte[32];
            Ed25519.generatePublicKey(secret, 0, key, 0);
            points[j] = new EdwardsPoint();
            arithmetic.decompress(key, 0, points[j]);
            // mix full-size scalars, 128-bit ones and edge values
            BigInteger scalar = switch (j % 4) {
                case 0 -> new BigInteger(252, random);
                case 1 -> new BigInteger(128, random);
                case 2 -> Curve.L.subtract(BigInteger.ONE);
                default -> BigInteger.valueOf(j);
            };
            System.arraycopy(Curve.littleEndian32(scalar), 0, scalars, 32 * j, 32);
        }
        byte[] base = Curve.littleEndian32(new BigInteger(252, random).mod(Curve.L));

        EdwardsPoint straus = new EdwardsPoint();
        multiplier.straus(base, 0, points, scalars, 0, count, straus);
        EdwardsPoint pippenger = new EdwardsPoint();
        multiplier.pippenger(base, 0, points, scalars, 0, count, pippenger);
        EdwardsPoint naive = new EdwardsPoint();
        multiplier.straus(base, 0, points, scalars, 0, 0, naive);
        EdwardsPoint term = new EdwardsPoint();
        byte[] zero = new byte[32];
        for (int j = 0; j < count; j++) {
            multiplier.straus(zero, 0, points, scalars, j, 1, term);
            arithmetic.add(naive, term, naive);
        }
        byte[] expected = encode(naive);
        assertArrayEquals(expected, encode(straus), "Straus");
        assertArrayEquals(expected, encode(pippenger), "Pippenger");

        // Straus again with kept (Z = 1) tables for every other point
        CachedPoint[][] kept = new CachedPoint[count][];
        for (int j = 0; j < count; j += 2) {
            kept[j] = MultiScalarMultiplier.oddMultiplesTable(arithmetic, points[j]);
        }
        EdwardsPoint withKept = new EdwardsPoint();
        if (count + 1 < MultiScalarMultiplier.PIPPENGER_THRESHOLD_POINTS) {
            multiplier.multiply(base, 0, points, kept, scalars, 0, count, withKept);
            assertArrayEquals(expected, encode(withKept), "Straus with kept tables");
        }

        // the same plan, prepared in two halves, summed in placed window ranges by one multiplier per range (as the
        // threads of a batch do): the ranges add up to the whole, and an empty range adds the identity
        PippengerPlan plan = new PippengerPlan();
        plan.reset(count + 1);
        ScalarDigits recoder = new ScalarDigits();
        plan.preparePoints(arithmetic, recoder, points, scalars, 0, 0, count / 2);
        plan.preparePoints(arithmetic, recoder, points, scalars, 0, count / 2, count);
        plan.prepareBase(recoder, base, 0, count);
        int split = plan.digitCount() / 3;
        int[] bounds = {0, split, split, plan.digitCount()};
        EdwardsPoint placed = new EdwardsPoint();
        EdwardsPoint range = new EdwardsPoint();
        for (int r = 0; r + 1 < bounds.length; r++) {
            new MultiScalarMultiplier(new PointArithmetic()).sumWindowRange(plan, bounds[r], bounds[r + 1], range);
            arithmetic.add(placed, range, placed);
        }
        assertArrayEquals(expected, encode(placed), "Pippenger in placed window ranges");
    }

    @Test
    void shouldRefuseAScalarThatIsNotReduced() {
        byte[] big = Curve.littleEndian32(BigInteger.ONE.shiftLeft(253));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> multiplier.multiply(big, 0, new EdwardsPoint[0], new byte[0], 0, 0, new EdwardsPoint()));
        assertTrue(error.getMessage().contains("2^253"), error.getMessage());
    }

    private byte[] encode(EdwardsPoint p) {
        byte[] out = new byte[32];
        arithmetic.compress(p, out, 0);
        return out;
    }
}
