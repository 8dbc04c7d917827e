package org.ppay.core.wire;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureSuite;

/**
 * A small real Ed25519 suite over the JDK's own provider, so the wire tests sign and verify for real without
 * depending on the crypto module's registry.
 */
final class JdkEd25519Suite implements SignatureSuite {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final int KEY_LENGTH = 32;
    private static final int SIGNATURE_LENGTH = 64;

    @Override
    public String name() {
        return "ed25519-jdk";
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.ED25519;
    }

    @Override
    public String providerName() {
        return "jdk";
    }

    @Override
    public int signatureLength() {
        return SIGNATURE_LENGTH;
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] publicKeyBytes(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length);
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        byte[] signature = new byte[SIGNATURE_LENGTH];
        sign(key, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public void sign(PrivateKey key, byte[] message, int offset, int length, byte[] signatureOut, int signatureOffset) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message, offset, length);
            signer.sign(signatureOut, signatureOffset, SIGNATURE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return verify(publicKey, message, 0, message.length, signature, 0);
    }

    @Override
    public boolean verify(byte[] publicKey, byte[] message, int offset, int length, byte[] signature,
                          int signatureOffset) {
        try {
            byte[] spki = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_LENGTH);
            System.arraycopy(publicKey, 0, spki, X509_PREFIX.length, KEY_LENGTH);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message, offset, length);
            return verifier.verify(Arrays.copyOfRange(signature, signatureOffset, signatureOffset + SIGNATURE_LENGTH));
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
