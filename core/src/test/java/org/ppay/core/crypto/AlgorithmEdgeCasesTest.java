package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** What each algorithm's suites accept beyond the plain round trip, the same on every provider. */
class AlgorithmEdgeCasesTest {

    private static final byte[] MESSAGE = "reassign coin 7 to peer 9".getBytes(StandardCharsets.US_ASCII);
    private static final BigInteger ED25519_ORDER =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

    @Test
    void shouldAcceptBothTheCompressedAndTheUncompressedEcdsaKey() {
        for (SignatureSuite signer : SignatureSuites.available(SignatureAlgorithm.ECDSA_P256)) {
            KeyPair keys = TestSuites.keyPair(signer);
            byte[] compressed = signer.publicKeyBytes(keys.getPublic());
            byte[] uncompressed = EcdsaEncoding.CURVE.decodePoint(compressed).getEncoded(false);
            byte[] signature = signer.sign(keys.getPrivate(), MESSAGE);

            assertEquals(33, compressed.length);
            for (SignatureSuite verifier : SignatureSuites.available(SignatureAlgorithm.ECDSA_P256)) {
                assertTrue(verifier.verify(compressed, MESSAGE, signature), verifier.name());
                assertTrue(verifier.verify(uncompressed, MESSAGE, signature), verifier.name());
            }
        }
    }

    @Test
    void shouldRejectAnEcdsaKeyOffTheCurve() {
        SignatureSuite signer = SignatureSuite.of("ecdsa-p256-jdk");
        KeyPair keys = TestSuites.keyPair(signer);
        byte[] uncompressed = EcdsaEncoding.CURVE.decodePoint(signer.publicKeyBytes(keys.getPublic())).getEncoded(false);
        uncompressed[64] ^= 1; // y + 1 or y - 1: the same x with the wrong y is not on the curve
        byte[] signature = signer.sign(keys.getPrivate(), MESSAGE);

        for (SignatureSuite verifier : SignatureSuites.available(SignatureAlgorithm.ECDSA_P256)) {
            assertFalse(verifier.verify(uncompressed, MESSAGE, signature), verifier.name());
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> verifier.publicKey(uncompressed));
            assertTrue(error.getMessage().contains("P-256"), error.getMessage());
        }
    }

    /**
     * (r, n - s) verifies like (r, s) in plain ECDSA, so anyone holding a signature could make a second one of the
     * same bytes. Every suite signs low S (s <= (n - 1)/2) and refuses the high-S twin, whatever the provider.
     */
    @Test
    void shouldSignLowSAndRejectTheHighSTwinOfAnEcdsaSignatureOnEveryProvider() {
        BigInteger halfOrder = EcdsaEncoding.ORDER.shiftRight(1);
        for (SignatureSuite signer : SignatureSuites.available(SignatureAlgorithm.ECDSA_P256)) {
            KeyPair keys = TestSuites.keyPair(signer);
            byte[] publicKey = signer.publicKeyBytes(keys.getPublic());
            for (int i = 0; i < 32; i++) {   // a provider's raw s is high half the time: 32 tries all but surely meet one
                byte[] signature = signer.sign(keys.getPrivate(), MESSAGE);
                BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
                assertTrue(s.compareTo(halfOrder) <= 0, signer.name() + " signed a high s");
                byte[] twin = signature.clone();
                System.arraycopy(UnsignedBytes.of(EcdsaEncoding.ORDER.subtract(s), 32), 0, twin, 32, 32);

                for (SignatureSuite verifier : SignatureSuites.available(SignatureAlgorithm.ECDSA_P256)) {
                    assertTrue(verifier.verify(publicKey, MESSAGE, signature), signer.name() + " -> "
                            + verifier.name());
                    assertFalse(verifier.verify(publicKey, MESSAGE, twin), signer.name() + " -> " + verifier.name()
                            + " accepted the high-S twin");
                }
            }
        }
    }

    /** The high-S twin is refused before the provider sees it, at the edge: s = (n - 1)/2 passes, (n + 1)/2 not. */
    @Test
    void shouldPlaceTheLowSBoundAtHalfTheOrder() {
        byte[] signature = new byte[64];
        signature[31] = 1;
        BigInteger halfOrder = EcdsaEncoding.ORDER.shiftRight(1);
        System.arraycopy(UnsignedBytes.of(halfOrder, 32), 0, signature, 32, 32);
        assertTrue(SignaturePrecheck.ECDSA.plausible(signature, 0));
        System.arraycopy(UnsignedBytes.of(halfOrder.add(BigInteger.ONE), 32), 0, signature, 32, 32);
        assertFalse(SignaturePrecheck.ECDSA.plausible(signature, 0));
        SignaturePrecheck.ECDSA.canonicalise(signature, 0);
        assertEquals(halfOrder, new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)), "n - (n + 1)/2 = (n - 1)/2");
    }

    /** RFC 8032: S must be below L, so the S + L twin of a signature is refused, whoever signed and verifies. */
    @Test
    void shouldRejectAnEd25519SignatureWhoseScalarIsNotReducedOnEverySuite() {
        for (SignatureSuite signer : SignatureSuites.available(SignatureAlgorithm.ED25519)) {
            KeyPair keys = TestSuites.keyPair(signer);
            byte[] publicKey = signer.publicKeyBytes(keys.getPublic());
            byte[] signature = signer.sign(keys.getPrivate(), MESSAGE);
            byte[] scalarLe = Arrays.copyOfRange(signature, 32, 64);
            byte[] sPlusL = littleEndian(littleEndianValue(scalarLe).add(ED25519_ORDER));
            byte[] malleated = signature.clone();
            System.arraycopy(sPlusL, 0, malleated, 32, 32);

            for (SignatureSuite verifier : SignatureSuites.available(SignatureAlgorithm.ED25519)) {
                assertTrue(verifier.verify(publicKey, MESSAGE, signature), signer.name() + " -> " + verifier.name());
                assertFalse(verifier.verify(publicKey, MESSAGE, malleated), signer.name() + " -> " + verifier.name());
            }
        }
    }

    @Test
    void shouldRejectSmallOrderEd25519Keys() {
        HexFormat hex = HexFormat.of();
        List<String> smallOrder = List.of(
                "0100000000000000000000000000000000000000000000000000000000000000",  // the identity
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // order 2
                "0000000000000000000000000000000000000000000000000000000000000000"); // order 4
        for (SignatureSuite verifier : SignatureSuites.available(SignatureAlgorithm.ED25519)) {
            for (String key : smallOrder) {
                assertFalse(verifier.verify(hex.parseHex(key), MESSAGE, new byte[64]), verifier.name() + " " + key);
                assertThrows(IllegalArgumentException.class, () -> verifier.publicKey(hex.parseHex(key)));
            }
        }
    }

    @Test
    void shouldRefuseAnRsaKeyWhoseExponentIsNot65537() throws Exception {
        byte[] modulus = SignatureSuite.of("rsa2048-jdk").publicKeyBytes(
                TestSuites.keyPair(SignatureSuite.of("rsa2048-jdk")).getPublic());
        PublicKey exponentThree = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(new BigInteger(1, modulus), BigInteger.valueOf(3)));

        for (SignatureSuite suite : SignatureSuites.available(SignatureAlgorithm.RSA2048)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> suite.publicKeyBytes(exponentThree));
            assertTrue(error.getMessage().contains("65537"), error.getMessage());
        }
    }

    @Test
    void shouldRoundTripTheRsaModulusAsTheRawKey() {
        for (SignatureSuite suite : SignatureSuites.available(SignatureAlgorithm.RSA2048)) {
            byte[] modulus = suite.publicKeyBytes(TestSuites.keyPair(suite).getPublic());

            assertEquals(256, modulus.length);
            assertArrayEquals(modulus, suite.publicKeyBytes(suite.publicKey(modulus)));
            byte[] even = modulus.clone();
            even[255] &= (byte) 0xfe;
            assertThrows(IllegalArgumentException.class, () -> suite.publicKey(even));
        }
    }

    @Test
    void shouldGenerateTheSameEd25519KeysFromTheSameSeedOnEveryProvider() {
        List<SignatureSuite> suites = SignatureSuites.available(SignatureAlgorithm.ED25519);
        byte[] expected = suites.get(0).publicKeyBytes(suites.get(0).generateKeyPair(TestSuites.seeded(2003)).getPublic());

        for (SignatureSuite suite : suites) {
            assertArrayEquals(expected, suite.publicKeyBytes(suite.generateKeyPair(TestSuites.seeded(2003)).getPublic()),
                    suite.name());
        }
    }

    @Test
    void shouldUseTheRealCurveGenerator() {
        ECPoint generator = EcdsaEncoding.P256.getG();
        assertEquals("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
                generator.normalize().getAffineXCoord().toBigInteger().toString(16));
    }

    private static BigInteger littleEndianValue(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    private static byte[] littleEndian(BigInteger value) {
        byte[] bigEndian = UnsignedBytes.of(value, 32);
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = bigEndian[31 - i];
        }
        return out;
    }
}
