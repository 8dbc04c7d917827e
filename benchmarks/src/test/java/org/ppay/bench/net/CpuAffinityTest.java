package org.ppay.bench.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.ppay.core.transport.Placement;

class CpuAffinityTest {

    @Test
    void shouldReadTheKernelsCpuListsWithRangesAndSingles() {
        assertEquals(List.of(0, 1, 2, 5, 7, 8), CpuAffinity.parseCpuList("0-2,5,7-8\n"));
        assertEquals(List.of(3), CpuAffinity.parseCpuList("3"));
    }

    @Test
    void shouldRejectAListThatIsNotOneNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CpuAffinity.parseCpuList("0-x"));
        assertTrue(e.getMessage().contains("'0-x'"), e.getMessage());
    }

    @Test
    void shouldPutBothEndsOnTheFirstCpuOrSpreadThemOverTheFirstTwo() {
        assertArrayEquals(new int[] {2, 2}, CpuAffinity.cpus(Placement.SAME_CPU, List.of(2, 3)));
        assertArrayEquals(new int[] {2, 3}, CpuAffinity.cpus(Placement.SPREAD, List.of(2, 3)));
        assertArrayEquals(new int[] {4, 4}, CpuAffinity.cpus(Placement.SAME_CPU, List.of(4)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CpuAffinity.cpus(Placement.SPREAD, List.of(4)));
        assertTrue(e.getMessage().contains("needs two CPUs"), e.getMessage());
        assertEquals(Placement.SPREAD, Placement.of("spread"));
        assertThrows(IllegalArgumentException.class, () -> Placement.of("near"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void shouldPinOnlyTheCallingThread() throws Exception {
        List<Integer> allowed = CpuAffinity.allowedCpus();
        int cpu = allowed.get(allowed.size() - 1);
        AtomicReference<String> pinned = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                CpuAffinity.pinCurrentThread(cpu);
                pinned.set(cpusAllowed(Path.of("/proc/thread-self/status")));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        thread.join();

        assertNull(failure.get(), () -> "pinning failed: " + failure.get());
        assertEquals(List.of(cpu), CpuAffinity.parseCpuList(pinned.get()));
        assertEquals(allowed, CpuAffinity.parseCpuList(cpusAllowed(Path.of("/proc/thread-self/status"))),
                "the calling test thread is left as it was");
    }

    private static String cpusAllowed(Path status) throws IOException {
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("Cpus_allowed_list:"))
                .map(line -> line.substring("Cpus_allowed_list:".length())).findFirst().orElseThrow();
    }
}
