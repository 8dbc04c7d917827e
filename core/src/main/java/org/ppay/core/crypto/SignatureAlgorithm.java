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

    /**
     * The algorithm a suite name ({@code <algorithm>-<provider>}, e.g. {@code ecdsa-p256-jdk}) starts with; for a
     * name recorded with results, whose suite need not be available here. Throws {@link IllegalArgumentException}
     * naming the suite when its name starts with no known algorithm.
     */
    public static SignatureAlgorithm ofSuiteName(String suiteName) {
        SignatureAlgorithm match = null;
        for (SignatureAlgorithm algorithm : values()) {
            if (suiteName.startsWith(algorithm.label + "-")
                    && (match == null || algorithm.label.length() > match.label.length())) {
                match = algorithm;
            }
        }
        if (match == null) {
            throw new IllegalArgumentException("suite '" + suiteName + "' names no known algorithm (expected a name"
                    + " like ed25519-bc, ecdsa-p256-jdk or rsa2048-accp)");
        }
        return match;
    }
}
