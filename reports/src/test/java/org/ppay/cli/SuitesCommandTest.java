package org.ppay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ppay.core.crypto.SignatureSuites;
import org.ppay.core.crypto.SuiteStatus;
import picocli.CommandLine;

class SuitesCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine commandLine = PpayCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void shouldListEverySuiteWithItsStatusAndPassEverySelfTest() {
        Run run = run("suites");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        for (SuiteStatus status : SignatureSuites.all()) {
            String line = lineOf(run.out(), status.name());
            assertTrue(line.contains(status.providerDescription()), line);
            if (status.available()) {
                assertTrue(line.contains(" available ") && line.contains("passed: "), line);
            } else {
                assertTrue(line.contains("unavailable") && line.contains(status.reason()), line);
            }
        }
        assertTrue(lineOf(run.out(), "ed25519-jdk ").contains("RFC 8032"), run.out());
        assertTrue(run.out().contains("all self-tests passed"), run.out());
    }

    @Test
    void shouldListOnlyAvailableSuitesWithoutSelfTestsWhenAsked() {
        Run run = run("suites", "--available", "--no-self-test");

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("unavailable"), run.out());
        assertFalse(run.out().contains("passed: "), run.out());
        assertTrue(run.out().contains("ed25519-bc "), run.out());
    }

    @Test
    void shouldPrintHelp() {
        Run run = run("suites", "--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: ppay suites"), run.out());
        assertTrue(run.out().contains("--no-self-test"), run.out());
    }

    @Test
    void shouldRejectAnUnknownOptionNamingIt() {
        Run run = run("suites", "--bogus");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--bogus"), run.err());
    }

    private static String lineOf(String out, String prefix) {
        return Arrays.stream(out.split("\\R")).filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + prefix + " in\n" + out));
    }
}
