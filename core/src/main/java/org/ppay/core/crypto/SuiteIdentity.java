package org.ppay.core.crypto;

/** What names a suite: its algorithm, the provider's short name and the provider as it reports itself. */
record SuiteIdentity(SignatureAlgorithm algorithm, String providerName, String providerDescription) {

    String name() {
        return algorithm.label() + "-" + providerName;
    }
}
