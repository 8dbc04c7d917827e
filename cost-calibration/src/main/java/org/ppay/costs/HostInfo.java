package org.ppay.costs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine a benchmark run measured, written as {@code host.json} beside JMH's results.
 *
 * @param cpuModel    the CPU model from {@code /proc/cpuinfo} ("model name"), or {@code os.arch} elsewhere
 * @param cores       processors available to the JVM
 * @param ghz         the measured clock in GHz (see {@link ClockProbe}); converts ns to cycles
 * @param ghzMethod   how {@code ghz} was obtained
 * @param cpuinfoMhz  the clock {@code /proc/cpuinfo} reports ("cpu MHz", first processor), 0 when unknown
 * @param os          operating system name, version and architecture
 * @param jdk         the JDK version
 * @param jvm         the JVM name and full version
 * @param providers   security provider name to version, for every provider the suites use
 * @param date        when the run started, ISO-8601 UTC
 * @param profile     the {@code ppay bench} profile (quick, standard, full), or empty
 */
public record HostInfo(String cpuModel, int cores, double ghz, String ghzMethod, double cpuinfoMhz, String os,
                       String jdk, String jvm, Map<String, String> providers, String date, String profile) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    public HostInfo {
        providers = new TreeMap<>(providers == null ? Map.of() : providers);
    }

    /**
     * Reads a {@code host.json}.
     *
     * @throws IllegalArgumentException naming the file and the missing or bad field
     */
    public static HostInfo read(Path file) {
        String text = TextFile.read(file, "host");
        HostInfo host;
        try {
            host = GSON.fromJson(text, HostInfo.class);
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(file + ": not a host file: " + e.getMessage(), e);
        }
        if (host == null) {
            throw new IllegalArgumentException(file + ": empty host file");
        }
        if (host.cpuModel() == null || host.cpuModel().isBlank()) {
            throw new IllegalArgumentException(file + ": host file lacks 'cpuModel'");
        }
        if (!(host.ghz() > 0) || !Double.isFinite(host.ghz())) {
            throw new IllegalArgumentException(file + ": host file's 'ghz' must be a number > 0, was " + host.ghz());
        }
        if (host.jdk() == null || host.jdk().isBlank()) {
            throw new IllegalArgumentException(file + ": host file lacks 'jdk'");
        }
        return host;
    }

    public void write(Path file) {
        try {
            Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write host file " + file + ": " + e.getMessage(), e);
        }
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /** The same host with the clock given by hand (e.g. {@code --ghz}). */
    public HostInfo withGhz(double newGhz, String method) {
        return new HostInfo(cpuModel, cores, newGhz, method, cpuinfoMhz, os, jdk, jvm, providers, date, profile);
    }
}
