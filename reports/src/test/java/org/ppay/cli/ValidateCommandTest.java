package org.ppay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The refusals of ppay validate: each names the problem, exits 2 and writes nothing (the run itself: validation). */
class ValidateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        final CommandLine cl = PpayCommand.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** The test cost table (suite ed25519-test) as {@code dir/costs.csv}. */
    private static Path testCosts(Path dir) throws Exception {
        final Path costs = dir.resolve("costs.csv");
        try (var in = ValidateCommandTest.class.getResourceAsStream("test-costs.csv")) {
            Files.createDirectories(dir);
            Files.copy(in, costs);
        }
        return costs;
    }

    @Test
    void shouldRefuseTwoComparedTablesThatWouldWriteOneFile(@TempDir Path dir) throws Exception {
        final Path a = testCosts(dir.resolve("a"));
        final Path b = testCosts(dir.resolve("b"));
        final Path csv = dir.resolve("validation.csv");
        assertEquals(2, execute("validate", "--suite", "ed25519-accp", "--compare-costs", a.toString(), b.toString(),
                "-o", csv.toString()));
        assertTrue(err.toString().contains("two files named costs.csv"), err.toString());
        assertFalse(Files.exists(csv));
    }

    @Test
    void shouldRefuseFewerThanOneDeployment(@TempDir Path dir) {
        final Path csv = dir.resolve("validation.csv");
        assertEquals(2, execute("validate", "--deployments", "0", "-o", csv.toString()));
        assertTrue(err.toString().contains("--deployments must be at least 1, got 0"), err.toString());
        assertFalse(Files.exists(csv));
    }

    @Test
    void shouldRefuseMorePeerJvmsThanPeers(@TempDir Path dir) {
        final Path csv = dir.resolve("validation.csv");
        assertEquals(2, execute("validate", "--peers", "3", "--peer-jvms", "4", "-o", csv.toString()));
        assertTrue(err.toString().contains("--peer-jvms"), err.toString());
        assertFalse(Files.exists(csv));
    }

    @Test
    void shouldRefuseACostTableOfAnotherSuite(@TempDir Path dir) throws Exception {
        final Path costs = testCosts(dir);
        final Path csv = dir.resolve("validation.csv");
        assertEquals(2, execute("validate", "--costs", costs.toString(), "--suite", "ed25519-jdk", "-o",
                csv.toString()));
        assertTrue(err.toString().contains("prices suite"), err.toString());
        assertFalse(Files.exists(csv));
    }

    @Test
    void shouldRefuseToCompareACostTableOfAnotherSuite(@TempDir Path dir) throws Exception {
        final Path costs = testCosts(dir);
        final Path csv = dir.resolve("validation.csv");
        assertEquals(2, execute("validate", "--suite", "ed25519-accp", "--compare-costs", costs.toString(), "-o",
                csv.toString()));
        assertTrue(err.toString().contains("compare tables of one suite"), err.toString());
        assertFalse(Files.exists(csv));
    }

    @Test
    void shouldNameAnUnknownSimulationParameter(@TempDir Path dir) {
        final Path csv = dir.resolve("validation.csv");
        assertEquals(2, execute("validate", "--set", "warp-speed=9", "-o", csv.toString()));
        assertTrue(err.toString().contains("warp-speed"), err.toString());
        assertFalse(Files.exists(csv));
    }

    @Test
    void shouldRefuseANegativePace(@TempDir Path dir) {
        final Path csv = dir.resolve("validation.csv");
        assertEquals(2, execute("validate", "--pace-micros", "-5", "-o", csv.toString()));
        assertTrue(err.toString().contains("--pace-micros must be in [0, 1000000], got -5"), err.toString());
        assertFalse(Files.exists(csv));
    }

    @Test
    void shouldPutTheOperationsCsvBesideTheTable() {
        assertEquals(Path.of("out", "v.operations.csv"), ValidateCommand.operationsFile(Path.of("out", "v.csv")));
        assertEquals(Path.of("v.operations.csv"), ValidateCommand.operationsFile(Path.of("v")));
    }

    @Test
    void shouldRefuseToCalibrateBesideAGivenTable(@TempDir Path dir) throws Exception {
        final Path csv = dir.resolve("validation.csv");
        assertEquals(2, execute("validate", "--calibrate", "--costs", testCosts(dir).toString(), "-o",
                csv.toString()));
        assertTrue(err.toString().contains("--calibrate measures this host's tables itself"), err.toString());
        assertFalse(Files.exists(dir.resolve("validation-calibration")));
        assertFalse(Files.exists(csv));
    }

    @Test
    void shouldRefuseToCalibrateWithTheQuickProfile(@TempDir Path dir) {
        final Path csv = dir.resolve("validation.csv");
        assertEquals(2, execute("validate", "--calibrate", "--calibrate-profile", "quick", "-o", csv.toString()));
        assertTrue(err.toString().contains("--calibrate-profile must be standard or full, was 'quick'"),
                err.toString());
        assertFalse(Files.exists(dir.resolve("validation-calibration")));
    }
}
