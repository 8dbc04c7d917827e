package org.ppay.sim.roles;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureSuite;

/**
 * A signature suite that counts instead of computing, so the core's roles can run a whole simulated network: every
 * signature is 64 zero bytes, every check passes, and each call is counted. Every peer signs with one shared Ed25519
 * key pair; peers are told apart by 8-byte public key bytes handed out in order. Everything else the roles do (parsing,
 * sequence numbers, renewal windows, layers, audit trails, the broker's ledger) is real.
 */
public final class CountingSuite implements SignatureSuite {

    private final KeyPair shared;
    private final AtomicLong nextKey = new AtomicLong();
    private final AtomicLong signatures = new AtomicLong();
    private final AtomicLong verifications = new AtomicLong();

    public CountingSuite() {
        try {
            this.shared = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make an Ed25519 key pair", e);
        }
    }

    public long signatures() {
        return signatures.get();
    }

    public long verifications() {
        return verifications.get();
    }

    @Override
    public String name() {
        return "ed25519-counting";
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.ED25519;
    }

    @Override
    public String providerName() {
        return "counting";
    }

    @Override
    public String providerDescription() {
        return "counts signatures and checks for the simulator; computes none";
    }

    @Override
    public int signatureLength() {
        return 64;
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        return shared;
    }

    /** Distinct per call, so that every peer registers its own key. */
    @Override
    public byte[] publicKeyBytes(PublicKey key) {
        return ByteBuffer.allocate(8).putLong(nextKey.incrementAndGet()).array();
    }

    @Override
    public PublicKey publicKey(byte[] rawPublicKey) {
        return shared.getPublic();
    }

    @Override
    public PrivateKey privateKey(byte[] pkcs8PrivateKey) {
        return shared.getPrivate();
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        signatures.incrementAndGet();
        return new byte[64];
    }

    @Override
    public void sign(PrivateKey key, byte[] message, int offset, int length, byte[] signatureOut, int signatureOffset) {
        signatures.incrementAndGet();
        Arrays.fill(signatureOut, signatureOffset, signatureOffset + 64, (byte) 0);
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
