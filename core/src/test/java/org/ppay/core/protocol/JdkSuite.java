package org.ppay.core.protocol;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.ConcurrentHashMap;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureSuite;

/**
 * Real signatures over the JDK's own providers, for protocol tests that must not wait for the crypto registry.
 * Public keys travel X.509-encoded here (the registry's suites use raw encodings; the protocol does not care).
 */
final class JdkSuite implements SignatureSuite {

    static final JdkSuite ED25519 = new JdkSuite(SignatureAlgorithm.ED25519, "Ed25519", "Ed25519", null);
    static final JdkSuite ECDSA_P256 = new JdkSuite(SignatureAlgorithm.ECDSA_P256, "EC",
            "SHA256withECDSAinP1363Format", "secp256r1");
    static final JdkSuite RSA2048 = new JdkSuite(SignatureAlgorithm.RSA2048, "RSA", "SHA256withRSA", null);

    private final SignatureAlgorithm algorithm;
    private final String keyAlgorithm;
    private final String signatureAlgorithm;
    private final String curve;
    private final ConcurrentHashMap<ByteBuffer, PublicKey> decoded = new ConcurrentHashMap<>();

    private JdkSuite(SignatureAlgorithm algorithm, String keyAlgorithm, String signatureAlgorithm, String curve) {
        this.algorithm = algorithm;
        this.keyAlgorithm = keyAlgorithm;
        this.signatureAlgorithm = signatureAlgorithm;
        this.curve = curve;
    }

    @Override
    public String name() {
        return algorithm.label() + "-jdk";
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public String providerName() {
        return "jdk";
    }

    @Override
    public int signatureLength() {
        return algorithm.signatureLength();
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve), random);
            } else if (algorithm == SignatureAlgorithm.RSA2048) {
                generator.initialize(2048, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] publicKeyBytes(PublicKey key) {
        return key.getEncoded();
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        final byte[] signature = new byte[signatureLength()];
        sign(key, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public void sign(PrivateKey key, byte[] message, int offset, int length, byte[] out, int outOffset) {
        try {
            final Signature signer = Signature.getInstance(signatureAlgorithm);
            signer.initSign(key);
            signer.update(message, offset, length);
            final byte[] signature = signer.sign();
            if (signature.length != signatureLength()) {
                throw new IllegalStateException("signature of " + signature.length + " bytes");
            }
            System.arraycopy(signature, 0, out, outOffset, signature.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return signature.length == signatureLength() && verify(publicKey, message, 0, message.length, signature, 0);
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, int offset, int length, byte[] signature,
            int signatureOffset) {
        try {
            final PublicKey key = decoded.computeIfAbsent(ByteBuffer.wrap(publicKey.clone()), this::decode);
            final Signature verifier = Signature.getInstance(signatureAlgorithm);
            verifier.initVerify(key);
            verifier.update(message, offset, length);
            final byte[] sig = new byte[signatureLength()];
            System.arraycopy(signature, signatureOffset, sig, 0, sig.length);
            return verifier.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private PublicKey decode(ByteBuffer encoded) {
        try {
            final byte[] bytes = new byte[encoded.remaining()];
            encoded.duplicate().get(bytes);
            return KeyFactory.getInstance(keyAlgorithm).generatePublic(new java.security.spec.X509EncodedKeySpec(
                    bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
