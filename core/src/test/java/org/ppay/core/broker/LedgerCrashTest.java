package org.ppay.core.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ppay.core.fraud.Evidence;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;

/**
 * Kills a broker JVM ({@link LedgerCrashBroker}) with SIGKILL while it cashes coins from two threads, restarts it on
 * the same ledger log, again and again, and checks after each kill: every acknowledged payment is in the replayed
 * ledger and is refused when cashed again, the log pays no coin from its value twice and no request twice, every
 * conviction is a coin the owner really assigned twice, and money is conserved.
 */
class LedgerCrashTest {

    private static final int RUNS = 30;
    private static final int THREADS = 2;

    @TempDir
    Path root;

    private record Ack(long serial, long holder, long payoutCents, byte[] request) {
    }

    @Test
    void shouldKeepEveryAcknowledgedPaymentAndPayNoCoinTwiceWhenTheBrokerIsKilled() throws Exception {
        final Path log = root.resolve("ledger.log");
        final LedgerWorld world = new LedgerWorld(LedgerCrashBroker.WORLD_SEED);
        final SplittableRandom random = new SplittableRandom(20261206);
        final List<Ack> acked = new ArrayList<>();
        long tornRuns = 0;
        final long started = System.nanoTime();
        for (int run = 0; run < RUNS; run++) {
            final List<Ack> ofRun = runAndKill(log, run, random.nextLong(), 100 + random.nextInt(400));
            acked.addAll(ofRun);
            try (FileLedgerJournal journal = LedgerJournal.open(log)) {
                tornRuns += journal.tornBytesDropped() > 0 ? 1 : 0;
                final Broker broker = world.broker(journal);
                check(broker, log, acked, "run " + run);
                for (Ack ack : ofRun) {
                    assertEquals(Reason.REPLAYED, assertThrows(ProtocolException.class, () -> broker.cash(
                            ack.request())).reason(), "run " + run + ": serial " + ack.serial() + " paid again");
                }
            }
        }
        try (FileLedgerJournal journal = LedgerJournal.open(log)) {
            assertEquals(0, journal.tornBytesDropped(), "a recovered log reopens clean");
            final Broker broker = world.broker(journal);
            for (Ack ack : acked) {
                assertEquals(Reason.REPLAYED, assertThrows(ProtocolException.class, () -> broker.cash(
                        ack.request())).reason(), "serial " + ack.serial() + " paid again after all restarts");
            }
        }
        System.out.println("ledger crash test: " + RUNS + " kills, " + acked.size() + " acknowledged cashes kept, "
                + tornRuns + " torn tails dropped, " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                + " ms");
        assertTrue(acked.size() >= RUNS, "the broker should acknowledge cashes before it is killed: " + acked.size());
    }

    /** The replayed broker and its log against every acknowledged cash so far. */
    private static void check(Broker broker, Path log, List<Ack> acked, String run) {
        final Ledger ledger = broker.ledger();
        assertEquals(0, ledger.imbalanceCents(), run + ": money is conserved " + ledger);
        final Map<Long, Long> ackedCents = new HashMap<>();
        for (Ack ack : acked) {
            ackedCents.merge(ack.holder(), ack.payoutCents(), Long::sum);
        }
        for (long holder : LedgerWorld.HOLDERS) {
            assertTrue(broker.balanceCents(holder) >= ackedCents.getOrDefault(holder, 0L), run + ": holder " + holder
                    + " has " + broker.balanceCents(holder) + " cents, was acknowledged " + ackedCents.get(holder));
        }
        for (Evidence conviction : broker.convictions()) {
            assertEquals(0, conviction.serial() % LedgerCrashBroker.DOUBLE_SPENT_EVERY, run + ": serial "
                    + conviction.serial() + " convicted, yet its owner assigned it once (a serial sold twice?)");
        }
        final HexFormat hex = HexFormat.of();
        final Set<String> claimed = new HashSet<>();
        final Set<Long> paidFromValue = new HashSet<>();
        long coinsSold = 0;
        for (LedgerJournal.Recorded recorded : LedgerLog.recover(log).events()) {
            if (recorded.event() instanceof LedgerEvent.Claimed claim) {
                assertTrue(claimed.add(hex.formatHex(claim.request())), run + ": a request claimed twice at offset "
                        + recorded.offset());
                if (claim.evidence() == null) {
                    assertTrue(paidFromValue.add(claim.serial()), run + ": serial " + claim.serial()
                            + " paid from its value twice");
                }
            } else if (recorded.event() instanceof LedgerEvent.SerialsSold sold) {
                coinsSold += sold.count();
            }
        }
        for (Ack ack : acked) {
            assertTrue(claimed.contains(hex.formatHex(ack.request())), run + ": acknowledged serial " + ack.serial()
                    + " is not in the log");
        }
        assertEquals(ledger.purchasesInCents() - ledger.outstandingCents(),
                paidFromValue.size() * LedgerWorld.TARIFF.coinValueCents(), run + ": coins paid from their value");
        assertEquals(coinsSold * LedgerWorld.TARIFF.coinValueCents(), ledger.purchasesInCents(), run);
    }

    private List<Ack> runAndKill(Path log, int run, long seed, int runMillis) throws Exception {
        final Path output = root.resolve("run-" + run + ".out");
        final Process broker = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                LedgerCrashBroker.class.getName(), log.toString(), Long.toString(seed), Integer.toString(THREADS))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!read(output).startsWith("ready")) {
                assertTrue(broker.isAlive(), () -> "run " + run + ": the broker died: " + read(output));
                assertTrue(System.nanoTime() < deadline, "run " + run + ": the broker did not start");
                Thread.sleep(5);
            }
            Thread.sleep(runMillis);
        } finally {
            broker.destroyForcibly();   // SIGKILL on Linux
            assertTrue(broker.waitFor(30, TimeUnit.SECONDS), "run " + run + ": the broker outlived SIGKILL");
        }
        return acks(read(output), run);
    }

    /** The complete "ack" lines; a line cut off by the kill does not count. */
    private static List<Ack> acks(String output, int run) {
        final String complete = output.substring(0, output.lastIndexOf('\n') + 1);
        final List<Ack> acks = new ArrayList<>();
        for (String line : complete.split("\n")) {
            if (line.startsWith("ack ")) {
                final String[] f = line.split(" ");
                acks.add(new Ack(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                        HexFormat.of().parseHex(f[4])));
            } else if (!line.equals("ready")) {
                throw new AssertionError("run " + run + ": the broker said: " + output);
            }
        }
        return acks;
    }

    private static String read(Path output) {
        try {
            return Files.readString(output, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
