package org.ppay.core.crypto;

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

/**
 * A real suite over the JDK's own Ed25519 (SunEC), for testing the suite-generic verifiers before the crypto
 * branch's registry lands. Raw keys are the last 32 bytes of the X.509 encoding.
 */
final class JdkEd25519TestSuite implements SignatureSuite {

    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

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
        return 64;
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519", "SunEC");
            generator.initialize(255, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] publicKeyBytes(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        byte[] out = new byte[64];
        sign(key, message, 0, message.length, out, 0);
        return out;
    }

    @Override
    public void sign(PrivateKey key, byte[] message, int offset, int length, byte[] signatureOut, int signatureOffset) {
        try {
            Signature signer = Signature.getInstance("Ed25519", "SunEC");
            signer.initSign(key);
            signer.update(message, offset, length);
            byte[] signature = signer.sign();
            System.arraycopy(signature, 0, signatureOut, signatureOffset, 64);
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
        if (publicKey.length != 32 || signature.length - signatureOffset < 64) {
            return false;
        }
        try {
            byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
            System.arraycopy(publicKey, 0, encoded, X509_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519", "SunEC").generatePublic(new X509EncodedKeySpec(encoded));
            Signature verifier = Signature.getInstance("Ed25519", "SunEC");
            verifier.initVerify(key);
            verifier.update(message, offset, length);
            return verifier.verify(signature, signatureOffset, 64);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
