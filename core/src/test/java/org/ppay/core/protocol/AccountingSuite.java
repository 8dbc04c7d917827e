package org.ppay.core.protocol;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureSuite;

/**
 * The simulator's kind of suite: it counts signatures made and checked and does no cryptography (zero signatures,
 * every check passes). Keys are the real key pair of one Ed25519 peer, told apart by their public key bytes.
 */
final class AccountingSuite implements SignatureSuite {

    private static final KeyPair SHARED = TestSuites.ed25519().generateKeyPair(new SecureRandom());

    final AtomicLong signatures = new AtomicLong();
    final AtomicLong verifications = new AtomicLong();
    private final AtomicLong nextKey = new AtomicLong();

    @Override
    public String name() {
        return "ed25519-accounting";
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.ED25519;
    }

    @Override
    public String providerName() {
        return "accounting";
    }

    @Override
    public String providerDescription() {
        return "counts signatures, signs nothing";
    }

    @Override
    public PublicKey publicKey(byte[] rawPublicKey) {
        return SHARED.getPublic();
    }

    @Override
    public int signatureLength() {
        return 64;
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        return SHARED;
    }

    /** Distinct per call, so each peer registers its own key. */
    @Override
    public byte[] publicKeyBytes(PublicKey key) {
        return ByteBuffer.allocate(8).putLong(nextKey.incrementAndGet()).array();
    }

    @Override
    public PrivateKey privateKey(byte[] pkcs8PrivateKey) {
        return SHARED.getPrivate();
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        signatures.incrementAndGet();
        return new byte[64];
    }

    @Override
    public void sign(PrivateKey key, byte[] message, int offset, int length, byte[] out, int outOffset) {
        signatures.incrementAndGet();
        java.util.Arrays.fill(out, outOffset, outOffset + 64, (byte) 0);
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        verifications.incrementAndGet();
        return true;
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, int offset, int length, byte[] signature,
            int signatureOffset) {
        verifications.incrementAndGet();
        return true;
    }
}
