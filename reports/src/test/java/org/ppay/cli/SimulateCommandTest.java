package org.ppay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        final CommandLine cl = PpayCommand.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static Path costs(Path dir) throws Exception {
        final Path file = dir.resolve("costs.csv");
        try (var in = SimulateCommandTest.class.getResourceAsStream("test-costs.csv")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void shouldWriteOneRowPerRunOfASweep(@TempDir Path dir) throws Exception {
        final Path sweep = dir.resolve("sweep.txt");
        Files.writeString(sweep, "# two schemes\nscheme=PPAY\nscheme=RM seed=3\n");
        final Path params = dir.resolve("small.properties");
        Files.writeString(params, "network-size=40\npong-cache-size=10\n");
        final Path runs = dir.resolve("runs.csv");
        final int code = execute("simulate", "--params", params.toString(), "--simulated-days", "1",
                "--sweep", sweep.toString(), "--costs", costs(dir).toString(), "--out", runs.toString(),
                "--threads", "2", "--no-progress");
        assertEquals(0, code, err.toString());
        final List<String> lines = Files.readAllLines(runs);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("runs_csv_version,ppay_version,plan,plan_sha256,run_id,status,error,"
                + "network_size,pong_cache_size,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("2,") && lines.get(1).contains(",0,ok,,40,10,")
                && lines.get(1).contains(",PPAY,"), lines.get(1));
        assertTrue(lines.get(2).contains(",RM,"), lines.get(2));
        assertTrue(Files.exists(dir.resolve("runs.timing.csv")));
        assertTrue(out.toString().contains("run 1: RM"), out.toString());
        assertTrue(lines.get(1).contains(",sweep sweep.txt,"), "a sweep file without a plan line is named by its file");
        assertTrue(err.toString().contains("ppay simulate: cost table costs.csv:"), err.toString());
        assertTrue(err.toString().contains("; this host: "), "where the table was measured, beside this host");
    }

    @Test
    void shouldRunThroughTheRealRolesOnRequestWithTheSameRow(@TempDir Path dir) throws Exception {
        final Path model = dir.resolve("model.csv");
        final Path roles = dir.resolve("roles.csv");
        final String[] common = {"simulate", "--network-size", "30", "--pong-cache-size", "8", "--simulated-days", "1",
            "--costs", costs(dir).toString(), "--no-progress"};
        assertEquals(0, execute(concat(common, "--out", model.toString())), err.toString());
        assertEquals(0, execute(concat(common, "--out", roles.toString(), "--roles", "counting")), err.toString());
        assertEquals(Files.readString(model), Files.readString(roles));
        assertEquals(2, execute(concat(common, "--out", dir.resolve("x.csv").toString(), "--roles", "rot13-none")));
        assertTrue(err.toString().contains("rot13-none"), err.toString());
    }

    private static String[] concat(String[] first, String... more) {
        final String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void shouldNameTheParameterOfABadOptionAndWriteNothing(@TempDir Path dir) throws Exception {
        final Path runs = dir.resolve("runs.csv");
        final int code = execute("simulate", "--network-size", "40", "--pong-cache-size", "10",
                "--downtime-multiplier", "zero", "--costs", costs(dir).toString(), "--out", runs.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("downtime-multiplier"), err.toString());
        assertTrue(Files.notExists(runs));
    }

    @Test
    void shouldRunOneShardOfAPlanAndRefuseABadShard(@TempDir Path dir) throws Exception {
        final Path plan = dir.resolve("plan.txt");
        Files.writeString(plan, "# plan: three seeds\nrun=a seed=1\nrun=b seed=2\nrun=c seed=3\n");
        final Path shard = dir.resolve("shard-1.csv");
        final String[] common = {"simulate", "--network-size", "30", "--pong-cache-size", "8", "--simulated-days", "1",
            "--sweep", plan.toString(), "--costs", costs(dir).toString(), "--no-progress"};
        assertEquals(0, execute(concat(common, "--shard", "1/2", "--out", shard.toString())), err.toString());
        final List<String> lines = Files.readAllLines(shard);
        assertEquals(2, lines.size(), "shard 1 of 2 holds the plan's second run only");
        assertTrue(lines.get(1).contains(",three seeds,") && lines.get(1).contains(",b,ok,"), lines.get(1));
        assertEquals(2, execute(concat(common, "--shard", "2/2", "--out", dir.resolve("x.csv").toString())));
        assertTrue(err.toString().contains("0 <= i < n"), err.toString());
        assertEquals(2, execute(concat(common, "--shard", "0/4", "--out", dir.resolve("x.csv").toString())));
        assertTrue(err.toString().contains("the plan has only 3 runs"), err.toString());
        assertTrue(Files.notExists(dir.resolve("x.csv")));
    }

    @Test
    void shouldRefuseARunThatCannotFitWithTheEstimateAndTheHeapAvailable(@TempDir Path dir) throws Exception {
        final Path runs = dir.resolve("runs.csv");
        final int code = execute("simulate", "--network-size", "10000000", "--costs", costs(dir).toString(),
                "--out", runs.toString(), "--no-progress");
        assertEquals(2, code);
        assertTrue(err.toString().contains("10000000 peers x 40.0 days: about"), err.toString());
        assertTrue(err.toString().contains("refused") && err.toString().contains("this JVM may take"), err.toString());
        assertTrue(Files.notExists(runs));
    }

    @Test
    void shouldRejectABrokenCostTable(@TempDir Path dir) throws Exception {
        final Path broken = dir.resolve("costs.csv");
        Files.writeString(broken, "action,suite\nguess_probe,ed25519-x\n");
        final int code = execute("simulate", "--network-size", "40", "--pong-cache-size", "10",
                "--costs", broken.toString(), "--out", dir.resolve("runs.csv").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("costs.csv"), err.toString());
    }
}
