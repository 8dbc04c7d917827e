package org.ppay.core.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ScalarFieldTest {

    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
    private final ScalarField field = new ScalarField();

    @Property(tries = 300)
    void shouldReduceLikeBigInteger(@ForAll long seed) {
        Random random = new Random(seed);
        int length = 1 + random.nextInt(64);
        byte[] in = new byte[length];
        random.nextBytes(in);
        if (seed % 5 == 0) {
            Arrays.fill(in, (byte) 0xFF);
        }
        byte[] out = new byte[32];
        field.reduce(in, 0, length, out, 0);
        assertArrayEquals(Curve.littleEndian32(Curve.fromLittleEndian(in, 0, length).mod(Curve.L)), out);
    }

    @Property(tries = 300)
    void shouldMultiplyLikeBigInteger(@ForAll long seed) {
        Random random = new Random(seed);
        BigInteger x = pick(random);
        BigInteger y = pick(random);
        byte[] out = new byte[32];
        field.multiply(Curve.littleEndian32(x), 0, 32, Curve.littleEndian32(y), 0, 32, out, 0);
        assertArrayEquals(Curve.littleEndian32(x.multiply(y).mod(Curve.L)), out, x + " * " + y);
        byte[] x16 = Arrays.copyOf(Curve.littleEndian32(x.mod(BigInteger.ONE.shiftLeft(128))), 16);
        field.multiply(x16, 0, 16, Curve.littleEndian32(y), 0, 32, out, 0);
        assertArrayEquals(Curve.littleEndian32(x.mod(BigInteger.ONE.shiftLeft(128)).multiply(y).mod(Curve.L)), out);
    }

    @Property(tries = 200)
    void shouldNegateSumsLikeBigInteger(@ForAll long seed) {
        Random random = new Random(seed);
        int count = random.nextInt(300);
        byte[] values = new byte[32 * count];
        BigInteger sum = BigInteger.ZERO;
        for (int k = 0; k < count; k++) {
            BigInteger v = pick(random);
            System.arraycopy(Curve.littleEndian32(v), 0, values, 32 * k, 32);
            sum = sum.add(v);
        }
        byte[] out = new byte[32];
        field.negatedSum(values, 0, 32, count, out, 0);
        assertArrayEquals(Curve.littleEndian32(sum.negate().mod(Curve.L)), out);
    }

    @Test
    void shouldHandleTheEdgesOfTheRange() {
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, Curve.L.subtract(BigInteger.ONE), Curve.L,
            Curve.L.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(252), TWO_256.subtract(BigInteger.ONE)};
        byte[] out = new byte[32];
        for (BigInteger x : edges) {
            for (BigInteger y : edges) {
                field.multiply(Curve.littleEndian32(x), 0, 32, Curve.littleEndian32(y), 0, 32, out, 0);
                assertArrayEquals(Curve.littleEndian32(x.multiply(y).mod(Curve.L)), out, x + " * " + y);
            }
            field.negatedSum(Curve.littleEndian32(x), 0, 32, 1, out, 0);
            assertArrayEquals(Curve.littleEndian32(x.negate().mod(Curve.L)), out, "-" + x);
        }
        assertThrows(IllegalArgumentException.class, () -> field.reduce(new byte[65], 0, 65, out, 0));
    }

    private static BigInteger pick(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new BigInteger(256, random);
            case 1 -> new BigInteger(253, random).mod(Curve.L);
            case 2 -> Curve.L.subtract(BigInteger.valueOf(random.nextInt(1000))).max(BigInteger.ZERO);
            default -> BigInteger.valueOf(random.nextInt(1000));
        };
    }
}
