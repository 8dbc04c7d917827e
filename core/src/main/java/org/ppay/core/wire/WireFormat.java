package org.ppay.core.wire;

import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureSuite;

/**
 * What a decoder must know that the bytes do not say: the signature length S of the suite in use and the
 * maximum number of layers a layered coin may carry (the paper's "Max Layers", 0 forbids layered coins).
 *
 * @param signatureLength S in bytes (64 for Ed25519 and ECDSA P-256, 256 for RSA-2048)
 * @param maxLayers       the most layers a {@link MessageType#LAYERED_COIN} may have
 */
public record WireFormat(int signatureLength, int maxLayers) {

    /** Bounds that keep every encoded length well inside an {@code int}. */
    public static final int MAX_SIGNATURE_LENGTH = 4096;
    public static final int MAX_LAYERS_LIMIT = 1024;

    public WireFormat {
        if (signatureLength < 1 || signatureLength > MAX_SIGNATURE_LENGTH) {
            throw new IllegalArgumentException(
                "signatureLength must be in [1, " + MAX_SIGNATURE_LENGTH + "], got " + signatureLength);
        }
        if (maxLayers < 0 || maxLayers > MAX_LAYERS_LIMIT) {
            throw new IllegalArgumentException("maxLayers must be in [0, " + MAX_LAYERS_LIMIT + "], got " + maxLayers);
        }
    }

    public static WireFormat of(SignatureAlgorithm algorithm, int maxLayers) {
        return new WireFormat(algorithm.signatureLength(), maxLayers);
    }

    public static WireFormat of(SignatureSuite suite, int maxLayers) {
        return new WireFormat(suite.signatureLength(), maxLayers);
    }
}
