package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EcdsaEncodingTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void shouldRoundTripRandomSignaturesThroughDer() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 2_000; i++) {
            byte[] signature = new byte[64];
            random.nextBytes(signature);
            // Short scalars (leading zero bytes) and high-bit scalars both occur in real signatures.
            int zeros = random.nextInt(4) == 0 ? random.nextInt(1, 31) : 0;
            for (int z = 0; z < zeros; z++) {
                signature[(random.nextBoolean() ? 0 : 32) + z] = 0;
            }
            if (!EcdsaEncoding.hasScalarsInRange(signature, 0)) {
                continue;
            }
            byte[] back = new byte[64];
            EcdsaEncoding.fromDer(EcdsaEncoding.toDer(signature, 0), back, 0);
            assertArrayEquals(signature, back);
        }
    }

    @Test
    void shouldWriteMinimalDer() {
        byte[] signature = new byte[64];
        signature[31] = 0x01;
        signature[32] = (byte) 0x80;

        byte[] der = EcdsaEncoding.toDer(signature, 0);

        assertEquals("3026020101022100" + "80" + "00".repeat(31), HEX.formatHex(der));
    }

    @Test
    void shouldRejectMalformedDer() {
        byte[] out = new byte[64];
        for (String der : new String[] {
            "",                                  // empty
            "3006020101020101ff",                // trailing byte
            "3106020101020101",                  // not a SEQUENCE
            "3006020101030101",                  // second field not an INTEGER
            "300602010102010180",                // length mismatch
            "3007020200010201" + "01",           // r not minimal
            "3006020181020101",                  // r negative
            "302502210101" + "00".repeat(32) + "020101" // r of 33 significant bytes
        }) {
            assertThrows(IllegalArgumentException.class, () -> EcdsaEncoding.fromDer(HEX.parseHex(der), out, 0), der);
        }
    }

    @Test
    void shouldAcceptScalarsFromOneToOrderMinusOneOnly() {
        byte[] orderMinusOne = UnsignedBytes.of(EcdsaEncoding.ORDER.subtract(BigInteger.ONE), 32);
        byte[] order = UnsignedBytes.of(EcdsaEncoding.ORDER, 32);
        byte[] one = UnsignedBytes.of(BigInteger.ONE, 32);

        assertTrue(EcdsaEncoding.hasScalarsInRange(concat(one, orderMinusOne), 0));
        assertFalse(EcdsaEncoding.hasScalarsInRange(concat(new byte[32], one), 0));
        assertFalse(EcdsaEncoding.hasScalarsInRange(concat(one, new byte[32]), 0));
        assertFalse(EcdsaEncoding.hasScalarsInRange(concat(order, one), 0));
        assertFalse(EcdsaEncoding.hasScalarsInRange(concat(one, order), 0));
    }

    private static byte[] concat(byte[] r, byte[] s) {
        byte[] out = new byte[64];
        System.arraycopy(r, 0, out, 0, 32);
        System.arraycopy(s, 0, out, 32, 32);
        return out;
    }
}
