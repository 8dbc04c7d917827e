package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Rfc8032VectorsTest {

    record Vector(String name, byte[] seed, byte[] publicKey, byte[] message, byte[] signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A SecureRandom that hands out one fixed seed, to make a suite generate the key of a vector. */
    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            assertEquals(seed.length, bytes.length, "an Ed25519 key needs exactly one 32-byte seed");
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }

    static List<Vector> vectors() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        String field = null;
        try (InputStream in = Rfc8032VectorsTest.class.getResourceAsStream("rfc8032-ed25519.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            for (String line : (text + "\n\n").split("\n", -1)) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.isBlank()) {
                    if (!fields.isEmpty()) {
                        vectors.add(toVector(fields));
                        fields.clear();
                    }
                } else if (line.startsWith(" ")) {
                    fields.get(field).append(line.trim());
                } else {
                    int colon = line.indexOf(':');
                    field = line.substring(0, colon);
                    fields.put(field, new StringBuilder(line.substring(colon + 1).trim()));
                }
            }
        }
        return vectors;
    }

    private static Vector toVector(Map<String, StringBuilder> fields) {
        HexFormat hex = HexFormat.of();
        return new Vector(fields.get("name").toString(), hex.parseHex(fields.get("secret")),
                hex.parseHex(fields.get("public")), hex.parseHex(fields.get("message")),
                hex.parseHex(fields.get("signature")));
    }

    static Stream<Arguments> suitesAndVectors() throws IOException {
        List<Vector> vectors = vectors();
        return TestSuites.ed25519().flatMap(suite -> vectors.stream().map(vector -> Arguments.of(suite, vector)));
    }

    @Test
    void shouldCarryAllFiveVectorsOfSection71() throws IOException {
        List<Vector> vectors = vectors();
        assertEquals(List.of("TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)"),
                vectors.stream().map(Vector::name).toList());
        assertEquals(1023, vectors.get(3).message().length);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndVectors")
    void shouldReproduceTheRfcSignature(SignatureSuite suite, Vector vector) {
        byte[] signature = suite.sign(suite.privateKey(Ed25519Encoding.pkcs8(vector.seed())), vector.message());

        assertArrayEquals(vector.signature(), signature);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndVectors")
    void shouldVerifyTheRfcSignatureAndRejectItOverAnotherMessage(SignatureSuite suite, Vector vector) {
        assertTrue(suite.verify(vector.publicKey(), vector.message(), vector.signature()));

        byte[] other = new byte[vector.message().length + 1];
        System.arraycopy(vector.message(), 0, other, 0, vector.message().length);
        assertFalse(suite.verify(vector.publicKey(), other, vector.signature()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndVectors")
    void shouldGenerateTheRfcPublicKeyFromTheSeed(SignatureSuite suite, Vector vector) {
        KeyPair keys = suite.generateKeyPair(new FixedSeed(vector.seed()));

        assertArrayEquals(vector.publicKey(), suite.publicKeyBytes(keys.getPublic()));
        assertArrayEquals(vector.signature(), suite.sign(keys.getPrivate(), vector.message()));
    }
}
