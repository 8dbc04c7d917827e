package org.ppay.core.crypto;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;

/**
 * One signature algorithm on one provider, named {@code <algorithm>-<provider>} (for example {@code ed25519-bc}).
 *
 * <p>Keys and signatures cross the wire in raw fixed-size encodings: Ed25519 keys 32 bytes and signatures 64
 * (RFC 8032); ECDSA P-256 keys 33 or 65 bytes (SEC1) and signatures 64 bytes (r||s); RSA-2048 keys as the
 * 256-byte modulus (e = 65537) and signatures 256 bytes.
 *
 * <p>Implementations are thread-safe and keep per-thread engines, so a hot path never pays {@code getInstance}.
 */
public interface SignatureSuite {

    /** {@code <algorithm>-<provider>}, e.g. {@code ecdsa-p256-conscrypt}. */
    String name();

    SignatureAlgorithm algorithm();

    /** The provider's short name: {@code jdk}, {@code bc}, {@code bclw}, {@code conscrypt} or {@code accp}. */
    String providerName();

    /** The provider that runs this suite, with its version, e.g. {@code BC 1.82} or {@code SunEC (JDK 17.0.15)}. */
    String providerDescription();

    /** Length in bytes of every signature this suite makes. */
    int signatureLength();

    KeyPair generateKeyPair(SecureRandom random);

    /**
     * The raw encoding of a public key of this suite's algorithm (Ed25519: 32 bytes; ECDSA P-256: 33 bytes, SEC1
     * compressed; RSA-2048: the 256-byte modulus). Throws {@link IllegalArgumentException} for a key of another
     * algorithm, curve, size or (RSA) public exponent.
     */
    byte[] publicKeyBytes(PublicKey key);

    /**
     * The provider's key for a raw public key as {@link #publicKeyBytes} writes it (ECDSA also accepts the 65-byte
     * uncompressed form). Throws {@link IllegalArgumentException} naming what is wrong with a malformed key.
     */
    PublicKey publicKey(byte[] rawPublicKey);

    /** The provider's key for a PKCS#8 encoded private key; throws {@link IllegalArgumentException} when malformed. */
    PrivateKey privateKey(byte[] pkcs8PrivateKey);

    /**
     * A signature of exactly {@link #signatureLength()} bytes. Throws {@link IllegalArgumentException} naming the
     * suite for a key it cannot sign with (another algorithm); another provider's key object of the right algorithm
     * is accepted (translated through PKCS#8 when the provider refuses it as it is).
     */
    byte[] sign(PrivateKey key, byte[] message);

    /**
     * Signs {@code message[offset, offset + length)} and writes exactly {@link #signatureLength()} bytes at
     * {@code signatureOut[signatureOffset]}; a slice or output range outside its array throws
     * {@link IndexOutOfBoundsException} before anything is written.
     */
    void sign(PrivateKey key, byte[] message, int offset, int length, byte[] signatureOut, int signatureOffset);

    /**
     * Never throws for a malformed (wrong length, null, off-curve, non-canonical, random) key or signature: it is
     * simply not valid. Every suite of an algorithm accepts exactly the same keys and signatures; see docs/crypto.md.
     */
    boolean verify(byte[] publicKey, byte[] message, byte[] signature);

    /**
     * Verifies {@code signatureLength()} bytes at {@code signature[signatureOffset]} over a slice of a buffer; a
     * signature range outside its array is not valid, a message slice outside its array is a caller's bug and throws
     * {@link IndexOutOfBoundsException}.
     */
    boolean verify(byte[] publicKey, byte[] message, int offset, int length, byte[] signature, int signatureOffset);

    /** The suite of that name; throws {@link IllegalArgumentException} naming the reason when unknown or unavailable. */
    static SignatureSuite of(String name) {
        return SignatureSuites.of(name);
    }

    /**
     * A new instance of the suite of that name, with signing and verifying engines (and key caches) of its own,
     * unlike {@link #of}'s shared one. A process that signs with one key is served well by {@link #of}. A process
     * that signs for several peers through one suite makes each thread's engine change key on almost every signature,
     * which some providers pay dearly for (ACCP's Ed25519 sign on the 2-core development host: 5.8 us with one key,
     * 11.3 us with four in turn), so it gives each peer a suite of its own.
     */
    static SignatureSuite separate(String name) {
        return SignatureSuites.separate(name);
    }

    /** Every suite that works on this platform, in a stable order. */
    static List<SignatureSuite> available() {
        return SignatureSuites.available();
    }
}
