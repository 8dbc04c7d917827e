package org.ppay.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The CI smoke: a broker and two peer JVMs replay a short schedule over loopback, and the table comes out. */
class ValidationSmokeTest {

    @Test
    @Timeout(120)
    void shouldRunBrokerAndPeerProcessesAndProduceTheTable() {
        final ValidationSettings settings = new ValidationSettings(6, 2, 5, "ed25519-jdk",
                ValidationSettings.scaledDown(6, 7, Map.of("simulated-days", "0.3")), ValidationSettings.Source.MODEL, 3,
                ValidationSettings.DEFAULT_PACE_MICROS, true);

        final Validation.Result result = Validation.run(settings, null);

        final Comparison table = result.comparison();
        assertTrue(table.row("broker", "total", "cpu_seconds").measured() > 0, "the broker did protocol work");
        assertTrue(table.row("mean_peer", "guess", "cpu_seconds").measured() > 0, "the peers probed");
        assertTrue(table.row("mean_peer", "reassignment", "bytes_out").measured() > 0, "the peers paid coins");
        assertTrue(table.row("broker", "misc", "bytes_in").measured() > 0, "the holders cashed at the broker");
        assertEquals(table.row("mean_peer", "guess", "bytes_out").predicted(),
                table.row("mean_peer", "guess", "bytes_out").measured(), 1e-9,
                "GUESS traffic is sized as the simulator counts it");
        assertTrue(result.operations().brokerOperations().containsKey("broker.cash"));
        assertTrue(result.operations().peerOperations().containsKey("owner.reassign"));
        assertEquals(result.scheduledSteps(), result.replayedSteps(), "a short schedule is replayed whole");
        assertTrue(result.warmUpSteps() > 0, "the unmeasured warm-up pass ran first");
        // on a loaded host the 3 s warm-up pass may end before its first probe: any step of it will do
        assertFalse(result.warmUpOperations().peerOperations().isEmpty(), "the warm-up pass's figures are kept apart");
        assertEquals(3, result.jit().size(), "the broker and each peer JVM said what its JIT did: " + result.jit());
        assertTrue(result.jit().get(0).matches("broker: deopts=\\d+ compiles=\\d+ c2=\\d+.*"), result.jit().get(0));
        for (long pid : result.pids()) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " ended");
        }
        assertTrue(result.wallSeconds() < Duration.ofSeconds(100).toSeconds());
    }
}
