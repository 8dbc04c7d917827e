package org.ppay.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs a tiny benchmark with JMH in-process (a few hundred milliseconds) and reads what JMH wrote. */
class RealJmhOutputTest {

    @TempDir
    Path dir;

    private Path run(ResultFormatType format, String file, Mode... modes) throws RunnerException {
        Path out = dir.resolve(file);
        OptionsBuilder builder = new OptionsBuilder();
        builder.include("org\\.ppay\\.costs\\.fixture\\.TinyBenchmark\\.step")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(60))
                .timeUnit(TimeUnit.NANOSECONDS)
                .resultFormat(format)
                .result(out.toString())
                .verbosity(VerboseMode.SILENT);
        for (Mode mode : modes) {
            builder.mode(mode);
        }
        Options options = builder.build();
        new Runner(options).run();
        return out;
    }

    @Test
    void shouldReadTheJsonJmhWritesInEveryModeAsNanosPerOp() throws RunnerException {
        Path json = run(ResultFormatType.JSON, "tiny.json", Mode.AverageTime, Mode.Throughput, Mode.SampleTime);

        List<JmhResult> results = JmhResults.read(json);

        assertEquals(3, results.size());
        for (JmhResult result : results) {
            assertEquals("org.ppay.costs.fixture.TinyBenchmark.step", result.benchmark());
            assertEquals(Map.of("multiplier", "7"), result.params());
            assertTrue(result.nsPerOp() > 0 && result.nsPerOp() < 100_000, result.mode() + ": " + result.nsPerOp());
            assertEquals(System.getProperty("java.version"), result.jdk());
        }
        assertEquals(List.of("avgt", "sample", "thrpt"),
                results.stream().map(JmhResult::mode).sorted().toList());
    }

    @Test
    void shouldReadTheCsvJmhWrites() throws RunnerException {
        Path csv = run(ResultFormatType.CSV, "tiny.csv", Mode.AverageTime);

        List<JmhResult> results = JmhResults.read(csv);

        assertEquals(1, results.size());
        assertEquals("TinyBenchmark.step{multiplier=7}", results.get(0).label());
        assertTrue(results.get(0).nsPerOp() > 0);
    }
}
