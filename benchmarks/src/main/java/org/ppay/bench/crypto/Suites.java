package org.ppay.bench.crypto;

import java.util.Arrays;
import org.ppay.core.crypto.SignatureSuite;

/** The suite names benchmarks take as their {@code suite} parameter, and the checks every suite passes first. */
public final class Suites {

    private Suites() {
    }

    /** The suite of that name, or an exception saying why it cannot run here. */
    public static SignatureSuite resolve(String name) {
        try {
            return SignatureSuite.of(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("benchmark parameter suite=" + name + " cannot run: " + e.getMessage(), e);
        }
    }

    /** Throws unless every signature verifies and a signature over a changed message does not. */
    public static void selfCheck(SignatureSuite suite, byte[] publicKey, byte[][] messages, byte[][] signatures) {
        for (int i = 0; i < messages.length; i++) {
            if (!suite.verify(publicKey, messages[i], signatures[i])) {
                throw new IllegalStateException(suite.name() + ": a fresh signature does not verify (message " + i + ")");
            }
        }
        byte[] changed = Arrays.copyOf(messages[0], messages[0].length);
        changed[0] ^= 1;
        if (suite.verify(publicKey, changed, signatures[0])) {
            throw new IllegalStateException(suite.name() + ": a signature verifies over a changed message");
        }
    }
}
