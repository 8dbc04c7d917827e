package org.ppay.core.crypto;

/** The signature algorithms ppay measures and speaks. */
public enum SignatureAlgorithm {
    ED25519("ed25519", 64),
    ECDSA_P256("ecdsa-p256", 64),
    RSA2048("rsa2048", 256);

    private final String label;
    private final int signatureLength;

    SignatureAlgorithm(String label, int signatureLength) {
        this.label = label;
        this.signatureLength = signatureLength;
    }

    /** The algorithm part of a suite name. */
    public String label() {
        return label;
    }

    public int signatureLength() {
        return signatureLength;
    }
}
