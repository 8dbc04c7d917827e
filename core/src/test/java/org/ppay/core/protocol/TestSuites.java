package org.ppay.core.protocol;

import java.util.List;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureSuite;

/** The registry's real suites, one per algorithm: the first available provider, in the registry's order. */
public final class TestSuites {

    private TestSuites() {
    }

    public static SignatureSuite ed25519() {
        return first(SignatureAlgorithm.ED25519);
    }

    public static SignatureSuite ecdsaP256() {
        return first(SignatureAlgorithm.ECDSA_P256);
    }

    public static SignatureSuite rsa2048() {
        return first(SignatureAlgorithm.RSA2048);
    }

    public static List<SignatureSuite> onePerAlgorithm() {
        return List.of(ed25519(), ecdsaP256(), rsa2048());
    }

    private static SignatureSuite first(SignatureAlgorithm algorithm) {
        return SignatureSuite.available().stream().filter(s -> s.algorithm() == algorithm).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + algorithm + " suite available"));
    }
}
