package org.ppay.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

class BenchPlanTest {

    private static final OutputFormat SILENT = OutputFormatFactory.createFormatInstance(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), VerboseMode.SILENT);

    @Test
    void shouldCountOneRunPerParameterCombinationWithTheSuitesGiven() {
        BenchPlan plan = BenchPlan.of(SILENT, List.of("org\\.ppay\\.bench\\.crypto\\.SignatureBenchmark"), List.of(),
                Map.of("suite", List.of("ed25519-bc", "ed25519-accp")));

        assertEquals(2, plan.entries().size(), "sign and verify");
        assertEquals(4, plan.runs(), "two methods x two suites");
        assertEquals(List.of("org.ppay.bench.crypto.SignatureBenchmark.sign",
                "org.ppay.bench.crypto.SignatureBenchmark.verify"), plan.benchmarksWithParam("suite"));
    }

    @Test
    void shouldCountEveryDeclaredValueWithoutOverride() {
        BenchPlan plan = BenchPlan.of(SILENT, List.of("BatchVerifyBenchmark"), List.of(), Map.of());

        assertEquals(8, plan.runs(), "batch sizes 1, 8, 64 and 256 on 1 and 2 threads");
        assertTrue(plan.benchmarksWithParam("suite").isEmpty());
    }

    @Test
    void shouldFormatDurationsForHumans() {
        assertEquals("42s", ProgressOutputFormat.formatDuration(42.4));
        assertEquals("3m05s", ProgressOutputFormat.formatDuration(185));
        assertEquals("1h20m", ProgressOutputFormat.formatDuration(4800));
    }
}
