package org.ppay.core.crypto;

import java.security.Provider;

/** A provider as this platform offers it: loaded, or unavailable with the reason. */
record LoadedProvider(String shortName, Provider provider, String description, String unavailableReason) {

    static LoadedProvider loaded(String shortName, Provider provider, String description) {
        return new LoadedProvider(shortName, provider, description, "");
    }

    static LoadedProvider unavailable(String shortName, String description, String reason) {
        return new LoadedProvider(shortName, null, description, reason);
    }

    boolean isLoaded() {
        return provider != null;
    }
}
