package org.ppay.core.crypto;

/**
 * One {@code <algorithm>-<provider>} combination as this platform offers it.
 *
 * @param name                {@code <algorithm>-<provider>}, e.g. {@code ed25519-conscrypt}
 * @param algorithm           the signature algorithm
 * @param providerName        {@code jdk}, {@code bc}, {@code bclw}, {@code conscrypt} or {@code accp}
 * @param providerDescription the provider as it reports itself, with its version
 * @param available           whether {@link SignatureSuite#of} returns this suite
 * @param reason              why the suite is unavailable; empty when it is available
 */
public record SuiteStatus(String name, SignatureAlgorithm algorithm, String providerName, String providerDescription,
        boolean available, String reason) {
}
