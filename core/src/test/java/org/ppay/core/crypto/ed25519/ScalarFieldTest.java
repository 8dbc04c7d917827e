package org.ppay.core.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScalarFieldTest {

    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
    private static final long SEED = 20031027L;
    private final ScalarField field = new ScalarField();

    @Test
    void shouldReduceLikeBigInteger() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all()).checkAssert(this::reduceLikeBigInteger);
    }

    private void reduceLikeBigInteger(long seed) {
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

    @Test
    void shouldMultiplyLikeBigInteger() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all()).checkAssert(this::multiplyLikeBigInteger);
    }

    private void multiplyLikeBigInteger(long seed) {
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

    @Test
    void shouldNegateSumsLikeBigInteger() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(longs().all()).checkAssert(this::negateSumsLikeBigInteger);
    }

    private void negateSumsLikeBigInteger(long seed) {
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
        Arrays.fill(out, (byte) 0x55);
        field.negatedSum(new byte[0], 0, 32, 0, out, 0);
        assertArrayEquals(new byte[32], out, "the negated sum of nothing");
        assertThrows(IllegalArgumentException.class, () -> field.reduce(new byte[65], 0, 65, out, 0));
    }

    @Test
    void shouldReduceTheShortestAndLongestInputsOfZerosAndOnes() {
        byte[] out = new byte[32];
        for (int length : new int[] {1, 32, 33, 64}) {
            for (byte fill : new byte[] {0, (byte) 0xFF}) {
                byte[] in = new byte[length];
                Arrays.fill(in, fill);
                field.reduce(in, 0, length, out, 0);
                assertArrayEquals(Curve.littleEndian32(Curve.fromLittleEndian(in, 0, length).mod(Curve.L)), out,
                        length + " bytes of " + fill);
            }
        }
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
