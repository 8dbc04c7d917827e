package org.ppay.bench.crypto;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.ppay.core.crypto.SignatureSuite;

/**
 * The {@code suite} axis that every signing benchmark shares: one list of every suite this project knows, in one
 * place: every suite ppay registers with a provider that implements it (Conscrypt has no Ed25519). A benchmark takes it as an argument of its trial set-up; {@code ppay bench --suites} and {@code -p suite=}
 * narrow it to the suites available on the machine.
 */
@State(Scope.Benchmark)
public class SuiteChoice {

    @Param({"ed25519-jdk", "ed25519-bc", "ed25519-bclw", "ed25519-accp",
        "ecdsa-p256-jdk", "ecdsa-p256-bc", "ecdsa-p256-conscrypt", "ecdsa-p256-accp",
        "rsa2048-jdk", "rsa2048-bc", "rsa2048-conscrypt", "rsa2048-accp"})
    public String suite;

    /** The chosen suite, or an exception saying why it cannot run here. */
    public SignatureSuite resolve() {
        return Suites.resolve(suite);
    }
}
