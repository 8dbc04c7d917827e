package org.ppay.core.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
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
    }

    private byte[] encode(EdwardsPoint p) {
        byte[] out = new byte[32];
        arithmetic.compress(p, out, 0);
        return out;
    }
}
