package org.ppay.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ppay.costs.CostAction;
import org.ppay.sim.load.LoadCounters;
import org.ppay.sim.load.Task;

/**
 * Pins what a run counts for a few fixed parameter sets and seeds: every count metric of runs.csv, and a SHA-256 of
 * every entity's actions, messages, bytes, signatures and framed messages per task, of every peer's coin accounts,
 * proofs and credit loss. The expected values in {@code golden-counts.txt} come from the simulator before any of its
 * speed or memory work, so a faster data structure must reproduce the same run draw for draw.
 *
 * <p>To regenerate the file after a deliberate model change, run this test with
 * {@code -Dppay.golden.write=<path of golden-counts.txt>}: it writes instead of comparing.
 */
class GoldenCountsTest {

    private static final String RESOURCE = "golden-counts.txt";
    private static boolean written;

    /** The scenarios: name, then parameters that together take every coin path and both pair tables. */
    static Map<String, SimulationParameters> scenarios() {
        final SimulationParameters d = SimulationParameters.defaults();
        final Map<String, SimulationParameters> s = new LinkedHashMap<>();
        s.put("ppay-payword-1000x2d", d.withNetworkSize(1000).withSimulatedDays(2).withSeed(1));
        s.put("ppay-star-lazy-200x10d", d.withNetworkSize(200).withSimulatedDays(10).withPercentLazy(30)
                .withScheme(Scheme.PPAY_STAR).withDowntimeMultiplier(3).withRenewalWaitDays(2).withSeed(7));
        s.put("ppay-lazy-200x10d", d.withNetworkSize(200).withSimulatedDays(10).withPercentLazy(20)
                .withRenewalWaitDays(1).withSeed(3));
        s.put("ppay-soft-300x4d", d.withNetworkSize(300).withSimulatedDays(4).withWindowType(WindowType.SOFT_CREDIT)
                .withRenewalWaitDays(1).withDowntimeMultiplier(2).withSeed(11));
        s.put("ppay-soft-netlosscap-300x4d", d.withNetworkSize(300).withSimulatedDays(4)
                .withWindowType(WindowType.SOFT_CREDIT).withNetLossCap(30).withRenewalWaitDays(1).withSeed(5));
        s.put("rm-soft-300x4d", d.withNetworkSize(300).withSimulatedDays(4).withScheme(Scheme.RM)
                .withWindowType(WindowType.SOFT_CREDIT).withRenewalWaitDays(1).withSeed(13));
        s.put("ppay-star-payword-hashed-4000x0.3d", d.withNetworkSize(4000).withSimulatedDays(0.3)
                .withScheme(Scheme.PPAY_STAR).withDowntimeMultiplier(4).withRenewalWaitDays(0.1).withSeed(17));
        s.put("ppay-soft-hashed-4000x0.3d", d.withNetworkSize(4000).withSimulatedDays(0.3)
                .withWindowType(WindowType.SOFT_CREDIT).withCreditWindowSize(5).withNetLossCap(20)
                .withRenewalWaitDays(0.1).withSeed(19));
        s.put("ppay-payword-signatures-6000x0.1d", d.withNetworkSize(6000).withSimulatedDays(0.1)
                .withPercentLazy(10).withRenewalWaitDays(0.04).withSeed(23));
        return s;
    }

    static List<String> names() {
        return new ArrayList<>(scenarios().keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void shouldCountExactlyWhatTheSimulatorCountedBeforeItsSpeedWork(String name) {
        final String write = System.getProperty("ppay.golden.write");
        if (write != null) {
            writeAll(Path.of(write));
            return;
        }
        final Map<String, String> expected = golden().get(name);
        assertEquals(expected, fingerprint(Simulation.run(scenarios().get(name))), name);
    }

    /** Every count metric of the run, then the digest of the per-entity counts and per-peer state. */
    static Map<String, String> fingerprint(RunResult run) {
        final Map<String, String> lines = new LinkedHashMap<>(run.countMetrics());
        lines.put("per_entity_sha256", perEntityDigest(run));
        return lines;
    }

    private static String perEntityDigest(RunResult run) {
        final MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        final ByteBuffer buffer = ByteBuffer.allocate(8);
        final LoadCounters c = run.counters();
        for (int e = 0; e < c.entityCount(); e++) {
            for (Task task : Task.values()) {
                for (CostAction action : CostAction.values()) {
                    update(sha, buffer, c.actions(e, task, action));
                }
                final long payload = c.bytesOut(e, task, 0, 0);
                update(sha, buffer, c.messagesOut(e, task));
                update(sha, buffer, c.messagesIn(e, task));
                update(sha, buffer, payload);
                update(sha, buffer, c.bytesOut(e, task, 1, 0) - payload);
                update(sha, buffer, c.bytesOut(e, task, 0, 1) - payload);
                final long payloadIn = c.bytesIn(e, task, 0, 0);
                update(sha, buffer, payloadIn);
                update(sha, buffer, c.bytesIn(e, task, 1, 0) - payloadIn);
                update(sha, buffer, c.bytesIn(e, task, 0, 1) - payloadIn);
            }
        }
        final PeerAccounts a = run.accounts();
        for (int p = 0; p < a.peers(); p++) {
            update(sha, buffer, a.printed()[p]);
            update(sha, buffer, a.cashed()[p]);
            update(sha, buffer, a.forfeited()[p]);
            update(sha, buffer, a.received()[p]);
            update(sha, buffer, a.paid()[p]);
            update(sha, buffer, a.heldAtEnd()[p]);
            update(sha, buffer, a.creditOwed()[p]);
            update(sha, buffer, Double.doubleToLongBits(run.proofsTimeAveraged()[p]));
            update(sha, buffer, run.lazyPeers()[p] ? 1 : 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, ByteBuffer buffer, long value) {
        buffer.clear();
        buffer.putLong(value);
        sha.update(buffer.array());
    }

    /** The golden file: a line {@code [name]} per scenario, then its {@code key=value} lines. */
    private static Map<String, Map<String, String>> golden() {
        final Map<String, Map<String, String>> all = new LinkedHashMap<>();
        try (InputStream in = GoldenCountsTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            Map<String, String> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = new LinkedHashMap<>();
                    all.put(line.substring(1, line.length() - 1), current);
                } else if (!line.isBlank() && current != null) {
                    final int eq = line.indexOf('=');
                    current.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static synchronized void writeAll(Path file) {
        if (written) {
            return;
        }
        written = true;
        final StringBuilder text = new StringBuilder();
        for (Map.Entry<String, SimulationParameters> s : scenarios().entrySet()) {
            text.append('[').append(s.getKey()).append("]\n");
            for (Map.Entry<String, String> line : fingerprint(Simulation.run(s.getValue())).entrySet()) {
                text.append(line.getKey()).append('=').append(line.getValue()).append('\n');
            }
        }
        try {
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
