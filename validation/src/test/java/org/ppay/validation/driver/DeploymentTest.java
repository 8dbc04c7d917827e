package org.ppay.validation.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ppay.costs.CostAction;
import org.ppay.sim.load.Task;
import org.ppay.validation.measure.Measurement;
import org.ppay.validation.ValidationSettings;
import org.ppay.validation.schedule.ScheduleGenerator;
import org.ppay.validation.schedule.SimulatorSchedule;
import org.ppay.validation.schedule.Step;

class DeploymentTest {

    @Test
    @Timeout(90)
    void shouldReportAKilledPeerProcessAndStopEveryOther() throws Exception {
        final List<Step> schedule = ScheduleGenerator.generate(
                ValidationSettings.scaledDown(4, 1, Map.of("simulated-days", "0.1")));
        final List<Long> pids;
        final Path directory;
        try (Deployment deployment = new Deployment(4, 2, "ed25519-jdk", 2, 21_600, 4_320)) {
            pids = deployment.pids();
            directory = deployment.directory();
            assertTrue(Files.isDirectory(directory));
            final ProcessHandle peerJvm = ProcessHandle.of(pids.get(1)).orElseThrow();
            peerJvm.destroyForcibly();
            peerJvm.onExit().get();

            final IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new Replay(deployment, 4).run(schedule, 30));
            assertTrue(e.getMessage().contains("peer JVM 1") && e.getMessage().contains("died"), e.getMessage());
        }
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " ended");
        }
        assertFalse(Files.exists(directory), "the audit trails' directory is removed");
    }

    @Test
    @Timeout(90)
    void shouldReplayPartOfTheSimulatorsStepsThenCashEveryCoinOut() {
        final List<Step> schedule = SimulatorSchedule.record(ValidationSettings.scaledDown(6, 7,
                Map.of("simulated-days", "0.5", "credit-window-size", "4")));
        try (Deployment deployment = new Deployment(6, 2, "ed25519-jdk", 2, 21_600, 21_600)) {
            final long paceNanos = 2_000_000;
            final Replay replay = new Replay(deployment, 6, 0, paceNanos);

            final long start = System.nanoTime();
            replay.run(schedule, 60, schedule.size() / 2);

            assertTrue(System.nanoTime() - start >= replay.stepsReplayed() * paceNanos,
                    "every replayed step waited its pace first");
            assertTrue(replay.cut(), "stopped half way");
            for (int p = 0; p < 6; p++) {
                assertTrue(replay.predictor().ledger().held(p).isEmpty(), "peer " + p + " cashed out");
            }
            final Measurement[] measured = replay.collect();
            assertTrue(measured[0].bytesIn(Task.MISC) > 0, "the broker took the cash requests");
            assertTrue(measured[1].cpuNanos(Task.REASSIGNMENT) > 0, "the peers paid coins");
            final long cashed = replay.predictor().counters().totalActions(CostAction.BROKER_CASH_COIN);
            assertEquals(cashed, replay.operations().brokerOperations().get("broker.cash")[0],
                    "every cash the model counts reached the broker's process");
        }
    }

    @Test
    void shouldRefuseANegativePace() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Replay(null, 2, 0, -1));
        assertTrue(e.getMessage().contains("pace"), e.getMessage());
    }

    @Test
    void shouldRefuseMorePeerJvmsThanPeers() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Deployment(2, 3, "ed25519-jdk", 2, 21_600, 4_320));
        assertTrue(e.getMessage().contains("--peer-jvms"), e.getMessage());
    }
}
