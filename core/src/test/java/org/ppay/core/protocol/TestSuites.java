package org.ppay.core.protocol;

import org.ppay.core.crypto.SignatureSuite;

/** Real suites over the JDK for tests in other packages. */
public final class TestSuites {

    private TestSuites() {
    }

    public static SignatureSuite ed25519() {
        return JdkSuite.ED25519;
    }

    public static SignatureSuite ecdsaP256() {
        return JdkSuite.ECDSA_P256;
    }

    public static SignatureSuite rsa2048() {
        return JdkSuite.RSA2048;
    }
}
