package org.ppay.core.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A suite that counts instead of computing, so the core's roles can run a whole simulated network or thousands of
 * property-test schedules: every signature is 64 zero bytes, every check of a well-placed signature passes, and each
 * call is counted. Everything the roles do besides the cryptography (parsing, sequence numbers, renewal windows,
 * layers, audit trails, the broker's ledger) stays real.
 *
 * <p>Every peer signs with one shared Ed25519 key pair of the JDK's; peers are told apart by the 8-byte public key
 * bytes {@link #publicKeyBytes} hands out in order, one per call. Slices are range-checked as the
 * {@link SignatureSuite} contract says.
 *
 * <p>Thread-safe: a sweep shares one instance between its runs, so the counters are {@link LongAdder}s and the
 * totals are over every thread. To attribute calls to one entity or task, read the totals before and after its step.
 */
public final class CountingSuite implements SignatureSuite {

    private static final int SIGNATURE_BYTES = 64;

    private final AtomicLong lastKeyNumber = new AtomicLong();
    private final LongAdder signatures = new LongAdder();
    private final LongAdder verifications = new LongAdder();

    /** Signatures made so far, through either {@code sign} method. */
    public long signatures() {
        return signatures.sum();
    }

    /** Signatures checked so far, valid or not, through either {@code verify} method. */
    public long verifications() {
        return verifications.sum();
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
        return "counts signatures and checks; computes none";
    }

    @Override
    public int signatureLength() {
        return SIGNATURE_BYTES;
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        return SharedKeys.PAIR;
    }

    /** Distinct per call, so that every peer registers its own key. */
    @Override
    public byte[] publicKeyBytes(PublicKey key) {
        return ByteBuffer.allocate(Long.BYTES).putLong(lastKeyNumber.incrementAndGet()).array();
    }

    @Override
    public PublicKey publicKey(byte[] rawPublicKey) {
        Objects.requireNonNull(rawPublicKey, "rawPublicKey");
        return SharedKeys.PAIR.getPublic();
    }

    @Override
    public PrivateKey privateKey(byte[] pkcs8PrivateKey) {
        Objects.requireNonNull(pkcs8PrivateKey, "pkcs8PrivateKey");
        return SharedKeys.PAIR.getPrivate();
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        signatures.increment();
        return new byte[SIGNATURE_BYTES];
    }

    @Override
    public void sign(PrivateKey key, byte[] message, int offset, int length, byte[] signatureOut, int signatureOffset) {
        Objects.checkFromIndexSize(offset, length, message.length);
        Objects.checkFromIndexSize(signatureOffset, SIGNATURE_BYTES, signatureOut.length);
        signatures.increment();
        Arrays.fill(signatureOut, signatureOffset, signatureOffset + SIGNATURE_BYTES, (byte) 0);
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        verifications.increment();
        return publicKey != null && signature != null && signature.length == SIGNATURE_BYTES;
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, int offset, int length, byte[] signature,
            int signatureOffset) {
        Objects.checkFromIndexSize(offset, length, message.length);
        verifications.increment();
        return publicKey != null && signature != null && signatureOffset >= 0
                && signatureOffset <= signature.length - SIGNATURE_BYTES;
    }

    @Override
    public String toString() {
        return name();
    }

    /** Made once, on first use: the key pair is never used to compute anything, so every instance can share it. */
    private static final class SharedKeys {
        static final KeyPair PAIR = generate();

        private static KeyPair generate() {
            try {
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JDK cannot make an Ed25519 key pair", e);
            }
        }
    }
}
