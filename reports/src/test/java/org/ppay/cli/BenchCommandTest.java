package org.ppay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ppay.costs.ActionCatalog;
import org.ppay.costs.BenchmarkSelection;
import picocli.CommandLine;

class BenchCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(PrintStream stdout, String... args) {
        CommandLine commandLine = PpayCommand.newCommandLine();
        commandLine.setErr(new PrintWriter(err, true));
        PrintStream original = System.out;
        System.setOut(stdout);
        try {
            return commandLine.execute(args);
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void shouldListThePlanAndItsEstimatedTimeWithoutRunning() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int exit = run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                "bench", "--list", "--profile", "quick", "--include", "Payword");

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, err.toString());
        assertTrue(text.contains("2 benchmark runs, profile quick"), text);
        assertTrue(text.contains("org.ppay.bench.credit.PaywordBenchmark.checkWord"), text);
        assertTrue(text.contains("org.ppay.bench.credit.PaywordBenchmark.redeemChain"), text);
    }

    @Test
    void shouldLeaveTheLedgerBenchmarkOutUnlessIncluded() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteArrayOutputStream included = new ByteArrayOutputStream();

        int allExit = run(new PrintStream(all, true, StandardCharsets.UTF_8), "bench", "--list");
        int includedExit = run(new PrintStream(included, true, StandardCharsets.UTF_8),
                "bench", "--list", "--include", "BrokerCash");

        assertEquals(0, allExit, err.toString());
        assertEquals(0, includedExit, err.toString());
        String text = all.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("BrokerCashBenchmark.cash") && !text.contains("BrokerCashLedgerBenchmark"), text);
        assertTrue(included.toString(StandardCharsets.UTF_8).contains("BrokerCashLedgerBenchmark.cash"),
                included.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRejectAnUnknownProfile() {
        int exit = run(System.out, "bench", "--profile", "fastest", "--list");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("unknown profile 'fastest'"), err.toString());
    }

    @Test
    void shouldRejectAnIncludeThatMatchesNothing() {
        int exit = run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "bench", "--list", "--include", "NoSuchBenchmark");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("no benchmark matches"), err.toString());
    }

    @Test
    void shouldRejectAnUnknownSuite() {
        int exit = run(System.out, "bench", "--list", "--suites", "ed25519-nosuchprovider");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("--suites:"), err.toString());
    }

    @Test
    void shouldListExactlyTheBenchmarksAValidateCalibrationNeeds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchmarkSelection needed = BenchmarkSelection.forRegimes(List.of(ActionCatalog.Regime.values()));
        List<String> args = new ArrayList<>(List.of("bench", "--list", "--suites", "ed25519-bc"));
        needed.includePatterns().forEach(p -> args.addAll(List.of("--include", p)));
        needed.params().forEach((name, values) -> args.addAll(List.of("--param", name + "=" + String.join(",", values))));

        int exit = run(new PrintStream(bytes, true, StandardCharsets.UTF_8), args.toArray(String[]::new));

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, err.toString());
        List<String> listed = text.lines().filter(l -> l.startsWith("  org.ppay.bench."))
                .map(l -> l.trim().split(" ")[0]).toList();
        assertEquals(List.copyOf(needed.benchmarks()), listed, text);
        // the holder's idle request is one benchmark, not every method whose name starts with it
        assertTrue(listed.contains("org.ppay.bench.protocol.IdlePeerBenchmark.holderRequest"), text);
        assertTrue(text.contains("org.ppay.bench.net.MessageExchangeBenchmark.exchange  (8 parameter combinations)"),
                text);
    }

    @Test
    void shouldRefuseAParamNoSelectedBenchmarkHasOrThatIsMalformed() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertEquals(2, run(quiet, "bench", "--list", "--include", "Payword", "--param", "transport=udp"));
        assertTrue(err.toString().contains("--param transport: no selected benchmark has a parameter of that name"),
                err.toString());
        assertEquals(2, run(quiet, "bench", "--list", "--include", "Payword", "--param", "chainLength"));
        assertTrue(err.toString().contains("--param: expected NAME=V1[,V2...], got 'chainLength'"), err.toString());
    }
}
