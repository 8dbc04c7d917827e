package org.ppay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * runs.csv as the contract between simulating and reporting, through the command line: a report rendered from
 * runs.csv, from re-priced runs, or from shards simulated by separate processes is the report that simulated, byte
 * for byte. The plan is figure 3 of the quick profile with one seed (6 runs).
 */
class RunsContractTest {

    private static final String[] PLAN = {"--quick", "--figures", "3", "--seeds", "1"};

    @TempDir
    static Path dir;
    static Path simulated;

    @BeforeAll
    static void simulateTheReport() {
        simulated = dir.resolve("simulated");
        run(0, concat(new String[] {"report", "--out", simulated.toString(), "--threads", "2", "--no-progress"}, PLAN));
    }

    @Test
    void shouldRenderFromRunsCsvByteForByteTheReportThatSimulated() throws IOException {
        final Path rendered = dir.resolve("rendered");
        final String out = run(0, "report", "--runs", simulated.resolve("runs.csv").toString(), "--out",
                rendered.toString())[0];
        assertTrue(out.contains("6 runs from 1 runs file"), out);
        assertSameFiles(simulated, rendered, Set.of("runs.timing.csv"));
    }

    @Test
    void shouldRecostWithAnotherTableExactlyAsSimulatingWithIt() throws IOException {
        final Path table;
        try (Stream<Path> tables = Files.list(simulated.resolve("costs"))) {
            table = tables.filter(p -> p.getFileName().toString().startsWith("paper-ratio")).findFirst().orElseThrow();
        }
        final Path recosted = dir.resolve("recosted");
        final Path resimulated = dir.resolve("resimulated");
        run(0, "report", "--runs", simulated.resolve("runs.csv").toString(), "--costs", table.toString(), "--out",
                recosted.toString());
        run(0, concat(new String[] {"report", "--costs", table.toString(), "--out", resimulated.toString(),
            "--threads", "2", "--no-progress"}, PLAN));
        // runs.csv keeps the loads priced with the table each run was simulated with; everything rendered is the same
        assertSameFiles(resimulated, recosted, Set.of("runs.csv", "runs.timing.csv"));
    }

    @Test
    void shouldMergeThreeShardsSimulatedByThreeProcessesIntoTheSameReport() throws Exception {
        final Path plan = dir.resolve("plan.txt");
        run(0, concat(new String[] {"report", "--plan", plan.toString()}, PLAN));
        final List<Process> processes = new ArrayList<>();
        final List<Path> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            final Path shard = dir.resolve("shard-" + i + ".csv");
            shards.add(shard);
            processes.add(new ProcessBuilder(javaCommand("simulate", "--sweep", plan.toString(), "--shard", i + "/3",
                    "--out", shard.toString(), "--threads", "1", "--no-progress"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("shard-" + i + ".log").toFile()).start());
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(processes.get(i).waitFor(5, TimeUnit.MINUTES), "shard " + i + " finished");
            assertEquals(0, processes.get(i).exitValue(), Files.readString(dir.resolve("shard-" + i + ".log")));
            assertEquals(1 + 2, Files.readAllLines(shards.get(i)).size(), "two of the six runs in shard " + i);
        }
        final Path merged = dir.resolve("merged");
        run(0, "report", "--runs", shards.get(2).toString(), shards.get(0).toString(), shards.get(1).toString(),
                "--out", merged.toString());
        assertSameFiles(simulated, merged, Set.of("runs.timing.csv"));

        final String missing = run(2, "report", "--runs", shards.get(0).toString(), shards.get(2).toString(),
                "--out", dir.resolve("x").toString())[1];
        assertTrue(missing.contains("2 of 6 runs") && missing.contains("run 1 (") && missing.contains("run 4 ("),
                missing);
        final String twice = run(2, "report", "--runs", shards.get(0).toString(), shards.get(1).toString(),
                shards.get(1).toString(), shards.get(2).toString(), "--out", dir.resolve("x").toString())[1];
        assertTrue(twice.contains("run 1 in [") && twice.contains("run 4 in ["), twice);

        final Path otherBuild = dir.resolve("other-build.csv");
        Files.writeString(otherBuild, Files.readString(shards.get(1)).replace(",development build,", ",9.9,"));
        final String version = run(2, "report", "--runs", shards.get(0).toString(), otherBuild.toString(),
                shards.get(2).toString(), "--out", dir.resolve("x").toString())[1];
        assertTrue(version.contains("different ppay versions"), version);

        final Path otherPlan = dir.resolve("other-plan.csv");
        run(0, "simulate", "--network-size", "30", "--pong-cache-size", "8", "--simulated-days", "1", "--out",
                otherPlan.toString(), "--no-progress");
        final String foreign = run(2, "report", "--runs", shards.get(0).toString(), otherPlan.toString(),
                "--out", dir.resolve("x").toString())[1];
        assertTrue(foreign.contains("holds runs of plan 'single run'"), foreign);
        assertTrue(Files.notExists(dir.resolve("x")), "nothing rendered from runs that do not make the plan");
    }

    @Test
    void shouldRefusePlanOptionsBesideRunsFiles() {
        final String err = run(2, "report", "--runs", simulated.resolve("runs.csv").toString(), "--quick")[1];
        assertTrue(err.contains("drop --quick"), err);
    }

    private static List<String> javaCommand(String... args) {
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PpayCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static void assertSameFiles(Path expected, Path actual, Set<String> except) throws IOException {
        final Set<String> expectedFiles = files(expected, except);
        assertEquals(expectedFiles, files(actual, except));
        for (String file : expectedFiles) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)),
                    file);
        }
    }

    private static Set<String> files(Path root, Set<String> except) throws IOException {
        final Set<String> names = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(name -> !except.contains(name)).forEach(names::add);
        }
        return names;
    }

    private static String[] run(int expectedStatus, String... args) {
        final CommandLine cl = PpayCommand.newCommandLine();
        final StringWriter err = new StringWriter();
        final StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(out));
        assertEquals(expectedStatus, cl.execute(args), err.toString());
        return new String[] {out.toString(), err.toString()};
    }

    private static String[] concat(String[] first, String... more) {
        final String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
