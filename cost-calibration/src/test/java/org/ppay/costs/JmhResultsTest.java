package org.ppay.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhResultsTest {

    static Path fixture(String name) {
        try {
            return Path.of(JmhResultsTest.class.getResource("/jmh/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    private static JmhResult only(List<JmhResult> results, String method) {
        List<JmhResult> matching = results.stream().filter(r -> r.benchmark().endsWith("." + method)).toList();
        assertEquals(1, matching.size(), "results for " + method);
        return matching.get(0);
    }

    @Test
    void shouldReadAverageTimeWithGcProfilerFromJmh137() {
        List<JmhResult> results = JmhResults.read(fixture("jmh-1.37-avgt-gc.json"));

        assertEquals(2, results.size());
        JmhResult check = only(results, "checkWord");
        assertEquals("org.ppay.bench.credit.PaywordBenchmark.checkWord", check.benchmark());
        assertEquals("avgt", check.mode());
        assertEquals(Map.of("chainLength", "100"), check.params());
        assertEquals(71.04068362728708, check.nsPerOp(), 1e-9);
        assertTrue(Double.isNaN(check.nsError()));
        assertEquals(0.22154884108244408, check.secondary().get("gc.alloc.rate.norm"), 1e-12);
        assertEquals("17.0.15", check.jdk());
        assertEquals("PaywordBenchmark.checkWord{chainLength=100}", check.label());
    }

    @Test
    void shouldReadSecondaryMetricsWithTheOldPrefixUnderTheirPlainName() {
        List<JmhResult> results = JmhResults.read(fixture("jmh-1.21-style-avgt-gc.json"));

        JmhResult redeem = only(results, "redeemChain");
        assertEquals(20.569326281903887, redeem.secondary().get("gc.alloc.rate.norm"), 1e-12);
        assertEquals("", redeem.jdk());
    }

    @Test
    void shouldConvertThroughputToNanosecondsPerOperation() {
        JmhResult thrpt = JmhResults.read(fixture("jmh-1.37-thrpt.json")).get(0);

        assertEquals("thrpt", thrpt.mode());
        assertEquals(1e6 / 14665.43447339298, thrpt.nsPerOp(), 1e-9);
    }

    @Test
    void shouldTakeTheMeanOfSampleModeAndIgnoreItsHistogram() {
        JmhResult sample = JmhResults.read(fixture("jmh-1.37-sample.json")).get(0);

        assertEquals("sample", sample.mode());
        assertEquals(591.0761199696279, sample.nsPerOp(), 1e-9);
        assertEquals(1428.2265275427353, sample.nsError(), 1e-9);
    }

    @Test
    void shouldFoldCsvSecondaryAndPercentileRowsIntoTheirBenchmark() {
        List<JmhResult> results = JmhResults.read(fixture("jmh-1.37-sample-gc.csv"));

        assertEquals(1, results.size());
        JmhResult sample = results.get(0);
        assertEquals(384.972009, sample.nsPerOp(), 1e-9);
        assertEquals(552.181344, sample.nsError(), 1e-9);
        assertEquals(0.349927, sample.secondary().get("gc.alloc.rate.norm"), 1e-9);
        assertEquals(81.0, sample.secondary().get("p0.50"), 1e-9);
        assertEquals(Map.of("chainLength", "100"), sample.params());
    }

    @Test
    void shouldReadOldStyleCsvWithEmptyParameterCellsAndInfiniteErrors() {
        List<JmhResult> results = JmhResults.read(fixture("edge-old-style.csv"));

        assertEquals(2, results.size());
        JmhResult check = only(results, "checkWord");
        assertEquals(1000.0 / 20.0, check.nsPerOp(), 1e-9);
        assertEquals(50.0 * 0.1, check.nsError(), 1e-9);
        assertEquals(Map.of("chainLength", "100"), check.params());
        assertEquals(0.0, check.secondary().get("gc.alloc.rate.norm"));
        JmhResult sign = only(results, "sign");
        assertEquals(Map.of("suite", "ed25519-bc"), sign.params());
        assertEquals(25_500.0, sign.nsPerOp(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, sign.nsError());
    }

    @Test
    void shouldKeepInfiniteScoresRecordsWithoutParamsAndMicroseconds() {
        List<JmhResult> results = JmhResults.read(fixture("edge-inf-noparams-us.json"));

        JmhResult probe = only(results, "probe");
        assertEquals(Double.POSITIVE_INFINITY, probe.nsPerOp());
        assertEquals(Map.of(), probe.params());
        JmhResult singleShot = only(results, "checkWord");
        assertEquals(1500.0, singleShot.nsPerOp(), 1e-9);
        assertEquals(250.0, singleShot.nsError(), 1e-9);
    }

    @Test
    void shouldNameTheFileOfATruncatedResult() {
        Path file = fixture("edge-truncated.json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JmhResults.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void shouldNameTheBenchmarkWithoutAPrimaryMetric() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.read(fixture("edge-no-primary.json")));
        assertTrue(e.getMessage().contains("record 0 (org.ppay.bench.net.GuessProbeBenchmark.probe)"), e.getMessage());
        assertTrue(e.getMessage().contains("no 'primaryMetric'"), e.getMessage());
    }

    @Test
    void shouldRejectJsonThatIsNotAnArrayOfRecords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.parseJson("x.json", "{\"benchmark\": \"a.B.c\"}"));
        assertTrue(e.getMessage().contains("x.json: a JMH JSON result is an array"), e.getMessage());
    }

    @Test
    void shouldRejectAnUnknownUnitAndAnUnknownMode() {
        String badUnit = "[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":1,\"scoreUnit\":\"ns\"}}]";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.parseJson("u.json", badUnit));
        assertTrue(e.getMessage().contains("unknown score unit 'ns'"), e.getMessage());

        String badMode = badUnit.replace("\"avgt\"", "\"fast\"").replace("\"ns\"", "\"ns/op\"");
        e = assertThrows(IllegalArgumentException.class, () -> JmhResults.parseJson("m.json", badMode));
        assertTrue(e.getMessage().contains("unknown JMH mode 'fast'"), e.getMessage());
    }

    @Test
    void shouldRejectAScoreThatIsNotANumber() {
        String json = "[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":\"quick\","
                + "\"scoreUnit\":\"ns/op\"}}]";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.parseJson("s.json", json));
        assertTrue(e.getMessage().contains("'score' is 'quick', not a number"), e.getMessage());
    }

    @Test
    void shouldRejectACsvWithoutJmhColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.parseCsv("c.csv", "a,b\n1,2\n"));
        assertTrue(e.getMessage().contains("c.csv: not a JMH CSV result"), e.getMessage());
    }
}
