package org.ppay.core.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.ppay.core.crypto.ed25519.Curve;

/** Keys, signatures and the adversarial vectors the Ed25519 tests share; signing is Bouncy Castle's. */
final class Ed25519TestSupport {

    private Ed25519TestSupport() {
    }

    /** One signing key: secret and public bytes. */
    record Signer(byte[] secretKey, byte[] publicKey) {
        static Signer random(Random random) {
            byte[] secret = new byte[Ed25519.SECRET_KEY_SIZE];
            random.nextBytes(secret);
            byte[] pub = new byte[Ed25519.PUBLIC_KEY_SIZE];
            Ed25519.generatePublicKey(secret, 0, pub, 0);
            return new Signer(secret, pub);
        }

        byte[] sign(byte[] message) {
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(secretKey, 0, message, 0, message.length, signature, 0);
            return signature;
        }
    }

    /** A test case: the item and whether it must verify. */
    record Item(byte[] publicKey, byte[] message, byte[] signature, boolean valid, String label) {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** The signature with S replaced by S + L: the same value mod L, but not canonical. */
    static byte[] withNonCanonicalS(byte[] signature) {
        byte[] out = signature.clone();
        BigInteger s = Curve.fromLittleEndian(signature, 32, 32);
        byte[] bumped = Curve.littleEndian32(s.add(Curve.L));
        System.arraycopy(bumped, 0, out, 32, 32);
        return out;
    }

    static List<Item> speccheckCases() throws IOException {
        List<Item> items = new ArrayList<>();
        try (InputStream in = Ed25519TestSupport.class.getResourceAsStream("/ed25519/speccheck-cases.txt")) {
            if (in == null) {
                throw new IOException("test resource /ed25519/speccheck-cases.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                items.add(new Item(hex(f[2]), hex(f[1]), hex(f[3]), f[4].equals("accept"), "case " + f[0] + " " + f[5]));
            }
        }
        return items;
    }

    /**
     * A batch of {@code size} signatures by a few signers, a share of them made invalid in one of four ways at
     * random positions. The same seed gives the same batch.
     */
    static List<Item> randomBatch(long seed, int size, double invalidShare) {
        Random random = new Random(seed);
        Signer[] signers = new Signer[1 + random.nextInt(8)];
        for (int i = 0; i < signers.length; i++) {
            signers[i] = Signer.random(random);
        }
        List<Item> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Signer signer = signers[random.nextInt(signers.length)];
            byte[] message = new byte[random.nextInt(120)];
            random.nextBytes(message);
            byte[] signature = signer.sign(message);
            if (random.nextDouble() >= invalidShare) {
                items.add(new Item(signer.publicKey(), message, signature, true, "valid"));
                continue;
            }
            switch (random.nextInt(4)) {
                case 0 -> {
                    signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
                    items.add(new Item(signer.publicKey(), message, signature, false, "bad signature"));
                }
                case 1 -> {
                    byte[] other = message.clone();
                    other = other.length == 0 ? new byte[] {1} : other;
                    other[random.nextInt(other.length)] ^= 1;
                    items.add(new Item(signer.publicKey(), other, signature, false, "bad message"));
                }
                case 2 -> items.add(new Item(Signer.random(random).publicKey(), message, signature, false, "bad key"));
                default -> items.add(new Item(signer.publicKey(), message, withNonCanonicalS(signature), false,
                        "non-canonical S"));
            }
        }
        return items;
    }

    static SignatureBatch batchOf(List<Item> items) {
        SignatureBatch batch = new SignatureBatch(items.size());
        for (Item item : items) {
            batch.add(item.publicKey(), item.message(), item.signature());
        }
        return batch;
    }
}
