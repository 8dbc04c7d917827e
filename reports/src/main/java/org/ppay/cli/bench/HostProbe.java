package org.ppay.cli.bench;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;
import java.security.Security;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.conscrypt.Conscrypt;
import org.ppay.costs.ClockProbe;
import org.ppay.costs.HostInfo;

/** Describes the machine a benchmark run is about to measure. */
public final class HostProbe {

    private HostProbe() {
    }

    /** Measures the clock (about a second) and collects CPU, OS, JDK and provider versions. */
    public static HostInfo describe(String profile) {
        String cpuModel = ClockProbe.cpuModel();
        if (cpuModel == null || cpuModel.isBlank()) {
            cpuModel = System.getProperty("os.arch");
        }
        return new HostInfo(cpuModel,
                Runtime.getRuntime().availableProcessors(),
                ClockProbe.measureGhz(),
                ClockProbe.METHOD,
                ClockProbe.cpuinfoMhz(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")",
                providerVersions(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                profile);
    }

    /** Versions of the providers the suites draw on; a provider that cannot load here says why. */
    static Map<String, String> providerVersions() {
        Map<String, String> versions = new TreeMap<>();
        for (Provider provider : Security.getProviders()) {
            if (provider.getName().equals("SunEC") || provider.getName().equals("SunRsaSign")) {
                versions.put(provider.getName(), provider.getVersionStr());
            }
        }
        versions.put("BC", version(() -> new BouncyCastleProvider()));
        versions.put("Conscrypt", conscryptVersion());
        versions.put("AmazonCorrettoCryptoProvider",
                version(() -> AmazonCorrettoCryptoProvider.INSTANCE));
        return versions;
    }

    private static String conscryptVersion() {
        try {
            Conscrypt.Version version = Conscrypt.version();
            return version.major() + "." + version.minor() + "." + version.patch();
        } catch (RuntimeException | LinkageError e) {
            return "unavailable: " + e;
        }
    }

    private static String version(Supplier<Provider> provider) {
        try {
            return provider.get().getVersionStr();
        } catch (RuntimeException | LinkageError e) {
            return "unavailable: " + e;
        }
    }
}
