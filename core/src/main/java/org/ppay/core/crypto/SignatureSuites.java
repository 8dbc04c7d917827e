package org.ppay.core.crypto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The registry of signature suites: every algorithm on every provider, each built once per JVM when first named
 * (by {@link #of}) or listed. A combination a provider
 * does not support, or a native provider that cannot load here, is listed by {@link #all()} as unavailable with the
 * reason; nothing about an unavailable provider ever throws.
 */
public final class SignatureSuites {

    /** Provider short names, in the order suites are listed. */
    public static final List<String> PROVIDER_NAMES = List.of("jdk", "bc", "bclw", "conscrypt", "accp");

    /**
     * Every candidate built so far, by name. {@link #of} builds only the one it is asked for, so a process that uses
     * one suite (a JMH fork, a validation peer) loads one provider: loading all four costs 0.4-0.7 s per JVM.
     */
    private static final Map<String, SuiteFactory.Candidate> BUILT = new ConcurrentHashMap<>();

    private SignatureSuites() {
    }

    private static SuiteFactory.Candidate candidate(SignatureAlgorithm algorithm, String provider) {
        return BUILT.computeIfAbsent(algorithm.label() + "-" + provider, name -> SuiteFactory.build(algorithm, provider));
    }

    /** The candidate named {@code algorithm-provider}, built on first use; null for a name of no such form. */
    private static SuiteFactory.Candidate candidate(String name) {
        final SignatureAlgorithm algorithm;
        try {
            algorithm = SignatureAlgorithm.ofSuiteName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String provider = name.substring(algorithm.label().length() + 1);
        return PROVIDER_NAMES.contains(provider) ? candidate(algorithm, provider) : null;
    }

    private static final class Registry {
        static final Map<String, SuiteFactory.Candidate> CANDIDATES = build();

        private static Map<String, SuiteFactory.Candidate> build() {
            Map<String, SuiteFactory.Candidate> candidates = new LinkedHashMap<>();
            for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
                for (String provider : PROVIDER_NAMES) {
                    SuiteFactory.Candidate candidate = candidate(algorithm, provider);
                    candidates.put(candidate.status().name(), candidate);
                }
            }
            return Collections.unmodifiableMap(candidates);
        }
    }

    /** Every combination of algorithm and provider, available or not, algorithm by algorithm. */
    public static List<SuiteStatus> all() {
        return Registry.CANDIDATES.values().stream().map(SuiteFactory.Candidate::status).toList();
    }

    /** Every suite that works on this platform, in the order of {@link #all()}. */
    public static List<SignatureSuite> available() {
        List<SignatureSuite> suites = new ArrayList<>();
        for (SuiteFactory.Candidate candidate : Registry.CANDIDATES.values()) {
            if (candidate.suite() != null) {
                suites.add(candidate.suite());
            }
        }
        return List.copyOf(suites);
    }

    /** The available suites of one algorithm. */
    public static List<SignatureSuite> available(SignatureAlgorithm algorithm) {
        return available().stream().filter(suite -> suite.algorithm() == algorithm).toList();
    }

    /**
     * The suite of that name; {@link IllegalArgumentException} naming why for an unknown or unavailable name, with
     * the list of available ones.
     */
    public static SignatureSuite of(String name) {
        SuiteFactory.Candidate candidate = name == null ? null : candidate(name);
        if (candidate == null) {
            throw new IllegalArgumentException("unknown signature suite '" + name + "'; names are <algorithm>-<provider>"
                    + " with algorithms " + algorithmLabels() + " and providers " + PROVIDER_NAMES
                    + "; available here: " + availableNames());
        }
        if (candidate.suite() == null) {
            throw new IllegalArgumentException("signature suite '" + name + "' is unavailable: "
                    + candidate.status().reason() + "; available here: " + availableNames());
        }
        return candidate.suite();
    }

    /** A new instance of the named suite, sharing no engine or cache with {@link #of}'s (see SignatureSuite.separate). */
    public static SignatureSuite separate(String name) {
        of(name); // refuses an unknown or unavailable name, with the reason
        final SignatureAlgorithm algorithm = SignatureAlgorithm.ofSuiteName(name);
        final SignatureSuite fresh = SuiteFactory.build(algorithm, name.substring(algorithm.label().length() + 1))
                .suite();
        if (fresh == null) {
            throw new IllegalStateException("signature suite '" + name + "' could not be built again");
        }
        return fresh;
    }

    private static String availableNames() {
        return available().stream().map(SignatureSuite::name).collect(Collectors.joining(", "));
    }

    private static List<String> algorithmLabels() {
        List<String> labels = new ArrayList<>();
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            labels.add(algorithm.label());
        }
        return labels;
    }
}
