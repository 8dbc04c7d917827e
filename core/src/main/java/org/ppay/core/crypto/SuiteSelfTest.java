package org.ppay.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A known-answer self-test of one suite: a fresh key pair signs and verifies a message and rejects it altered; an
 * Ed25519 suite must also reproduce RFC 8032 section 7.1 TEST 1 and TEST 2 byte for byte.
 */
public final class SuiteSelfTest {

    /** The outcome, with a one-line account of what was checked or what went wrong. */
    public record Result(boolean passed, String detail) {
    }

    private record Vector(String name, String seed, String publicKey, String message, String signature) {
    }

    /** RFC 8032 section 7.1, TEST 1 (empty message) and TEST 2 (one byte). */
    private static final List<Vector> RFC_8032 = List.of(
            new Vector("RFC 8032 TEST 1",
                    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                    "",
                    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
            new Vector("RFC 8032 TEST 2",
                    "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                    "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                    "72",
                    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"));

    private SuiteSelfTest() {
    }

    public static Result run(SignatureSuite suite) {
        try {
            String roundTrip = roundTrip(suite);
            if (roundTrip != null) {
                return new Result(false, roundTrip);
            }
            if (suite.algorithm() != SignatureAlgorithm.ED25519) {
                return new Result(true, "sign/verify round trip ok, altered message rejected");
            }
            for (Vector vector : RFC_8032) {
                String failure = knownAnswer(suite, vector);
                if (failure != null) {
                    return new Result(false, failure);
                }
            }
            return new Result(true, "sign/verify round trip ok, altered message rejected, RFC 8032 TEST 1 and 2 ok");
        } catch (RuntimeException e) {
            return new Result(false, "self-test threw " + ProviderLoader.describe(e));
        }
    }

    private static String roundTrip(SignatureSuite suite) {
        KeyPair keys = suite.generateKeyPair(new SecureRandom());
        byte[] publicKey = suite.publicKeyBytes(keys.getPublic());
        byte[] message = ("ppay self-test of " + suite.name()).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = suite.sign(keys.getPrivate(), message);
        if (signature.length != suite.signatureLength()) {
            return "signature is " + signature.length + " bytes, expected " + suite.signatureLength();
        }
        if (!suite.verify(publicKey, message, signature)) {
            return "a fresh signature did not verify";
        }
        message[0] ^= 1;
        if (suite.verify(publicKey, message, signature)) {
            return "a signature verified over an altered message";
        }
        return null;
    }

    private static String knownAnswer(SignatureSuite suite, Vector vector) {
        HexFormat hex = HexFormat.of();
        byte[] message = hex.parseHex(vector.message());
        byte[] expected = hex.parseHex(vector.signature());
        byte[] signature = suite.sign(suite.privateKey(Ed25519Encoding.pkcs8(hex.parseHex(vector.seed()))), message);
        if (!Arrays.equals(signature, expected)) {
            return vector.name() + ": signature differs from the RFC's";
        }
        if (!suite.verify(hex.parseHex(vector.publicKey()), message, expected)) {
            return vector.name() + ": the RFC's signature did not verify";
        }
        return null;
    }
}
