package org.ppay.core.crypto;

import java.util.List;

/** The registry of signature suites known to this build. */
final class SignatureSuites {

    private SignatureSuites() {
    }

    static SignatureSuite of(String name) {
        throw new IllegalArgumentException("unknown signature suite '" + name + "': this build registers none yet");
    }

    static List<SignatureSuite> available() {
        return List.of();
    }
}
