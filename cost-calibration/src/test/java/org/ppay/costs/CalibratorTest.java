package org.ppay.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibratorTest {

    private static final HostInfo HOST = new HostInfo("Test CPU", 2, 2.0, "test", 2000, "Linux", "17.0.15", "JVM",
            Map.of(), "2026-01-01T00:00:00Z", "quick");

    private static JmhResult result(String benchmark, String mode, double ns, double error, Map<String, String> params) {
        return new JmhResult("run.json", benchmark, mode, params, ns, error, Map.of(), "17.0.15");
    }

    /** Results of every benchmark the catalog's recipes need today, for one suite. */
    private static List<JmhResult> signatureLevelRun(String suite) {
        List<JmhResult> results = new ArrayList<>();
        results.add(result(ActionCatalog.SIGN, "avgt", 50_000, 500, Map.of("suite", suite, "messageBytes", "172")));
        results.add(result(ActionCatalog.VERIFY, "avgt", 120_000, 1_000, Map.of("suite", suite, "messageBytes", "172")));
        results.add(result(ActionCatalog.PAYWORD_CHECK_WORD, "avgt", 300, 3, Map.of("chainLength", "100")));
        results.add(result(ActionCatalog.PAYWORD_REDEEM_CHAIN, "avgt", 30_000, 100, Map.of("chainLength", "100")));
        results.add(result(ActionCatalog.AUDIT_APPEND, "avgt", 2_000, 20, Map.of("proofBytes", "200", "coins", "65536")));
        results.add(result(ActionCatalog.GUESS_PROBE, "avgt", 6_000, 60,
                Map.of("queryBytes", "94", "responseBytes", "94")));
        return results;
    }

    @Test
    void shouldPriceAModelledActionAsTheSumOfItsSignatures() {
        Calibrator calibrator = new Calibrator(signatureLevelRun("ed25519-bc"));

        CostEntry entry = calibrator.price(CostAction.OWNER_PROCESS_REASSIGNMENT, "ed25519-bc", HOST);

        assertEquals(172_000, entry.nsPerOp(), 1e-9);
        assertEquals(1_520, entry.nsError(), 1e-9);
        assertEquals(344_000, entry.cyclesPerOp(), 1e-9);
        assertEquals(254, entry.bytes(), "an assignment of a self-printed coin with 64-byte signatures");
        assertEquals("modelled: 1*SignatureBenchmark.verify{messageBytes=172, suite=ed25519-bc}"
                + " + 1*AuditTrailBenchmark.append{coins=65536, proofBytes=200}"
                + " + 1*SignatureBenchmark.sign{messageBytes=172, suite=ed25519-bc}", entry.sourceBenchmark());
        assertEquals("Test CPU", entry.cpuModel());
        assertEquals("17.0.15", entry.jdk());
    }

    @Test
    void shouldPriceAChainPerHashByDividingByItsLength() {
        Calibrator calibrator = new Calibrator(signatureLevelRun("ed25519-bc"));

        CostEntry entry = calibrator.price(CostAction.PAYWORD_REDEEM_HASH, "ed25519-bc", HOST);

        assertEquals(300, entry.nsPerOp(), 1e-9);
        assertEquals(1, entry.nsError(), 1e-9);
    }

    @Test
    void shouldCountBothDatagramsOfAGuessProbe() {
        CostEntry entry = new Calibrator(signatureLevelRun("ed25519-bc"))
                .price(CostAction.GUESS_PROBE, "ed25519-bc", HOST);

        assertEquals(188, entry.bytes());
        assertEquals(6_000, entry.nsPerOp(), 1e-9);
    }

    @Test
    void shouldSizeMessagesForTheSuitesSignatureLength() {
        Calibrator calibrator = new Calibrator(signatureLevelRun("rsa2048-jdk"));

        assertEquals(62 + 3 * 256, calibrator.price(CostAction.OWNER_ASSIGN, "rsa2048-jdk", HOST).bytes());
        assertEquals(18 + 256, calibrator.price(CostAction.BROKER_PRINT_RAW_COIN, "rsa2048-jdk", HOST).bytes());
    }

    @Test
    void shouldUseOnlyTheChosenSuitesResults() {
        List<JmhResult> results = signatureLevelRun("ed25519-bc");
        results.add(result(ActionCatalog.SIGN, "avgt", 1_000_000, 5, Map.of("suite", "rsa2048-jdk")));
        Calibrator calibrator = new Calibrator(results);

        assertEquals(50_000, calibrator.price(CostAction.OWNER_ASSIGN, "ed25519-bc", HOST).nsPerOp(), 1e-9);
        assertEquals(1_000_000, calibrator.price(CostAction.OWNER_ASSIGN, "rsa2048-jdk", HOST).nsPerOp(), 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> calibrator.chooseSuite(null));
        assertTrue(e.getMessage().contains("several suites (ed25519-bc, rsa2048-jdk)"), e.getMessage());
        assertEquals("rsa2048-jdk", calibrator.chooseSuite("rsa2048-jdk"));
    }

    @Test
    void shouldPreferAverageTimeWhenABenchmarkRanInSeveralModes() {
        List<JmhResult> results = signatureLevelRun("ed25519-bc");
        results.add(0, result(ActionCatalog.SIGN, "thrpt", 40_000, 5, Map.of("suite", "ed25519-bc")));
        CostEntry entry = new Calibrator(results).price(CostAction.OWNER_ASSIGN, "ed25519-bc", HOST);

        assertEquals(50_000, entry.nsPerOp(), 1e-9);
    }

    @Test
    void shouldRefuseAmbiguousResults() {
        List<JmhResult> results = signatureLevelRun("ed25519-bc");
        results.add(result(ActionCatalog.SIGN, "avgt", 51_000, 5, Map.of("suite", "ed25519-bc", "messageBytes", "500")));
        Calibrator calibrator = new Calibrator(results);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calibrator.price(CostAction.OWNER_ASSIGN, "ed25519-bc", HOST));
        assertTrue(e.getMessage().contains("ambiguous results for 1*SignatureBenchmark.sign"), e.getMessage());
    }

    @Test
    void shouldNameTheFileAndBenchmarkOfAnUnusableScore() {
        List<JmhResult> results = signatureLevelRun("ed25519-bc");
        results.set(0, result(ActionCatalog.SIGN, "avgt", Double.NaN, Double.NaN, Map.of("suite", "ed25519-bc")));
        Calibrator calibrator = new Calibrator(results);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calibrator.price(CostAction.OWNER_ASSIGN, "ed25519-bc", HOST));
        assertTrue(e.getMessage().contains("run.json: SignatureBenchmark.sign{suite=ed25519-bc} (for owner_assign)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("score is NaN"), e.getMessage());
    }

    @Test
    void shouldNameEveryActionItCannotPriceAndTheBenchmarksItNeeds() {
        List<JmhResult> results = signatureLevelRun("ed25519-bc");
        results.removeIf(r -> r.benchmark().equals(ActionCatalog.GUESS_PROBE));
        Calibrator calibrator = new Calibrator(results);

        assertNull(calibrator.price(CostAction.GUESS_PROBE, "ed25519-bc", HOST));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calibrator.calibrate("costs.csv", "ed25519-bc", HOST));
        assertTrue(e.getMessage().contains("from run.json"), e.getMessage());
        assertTrue(e.getMessage().contains("guess_probe (needs 1*GuessProbeBenchmark.probe)"), e.getMessage());
    }

    @Test
    void shouldRejectASuiteOfNoKnownAlgorithm() {
        Calibrator calibrator = new Calibrator(signatureLevelRun("dsa-jdk"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calibrator.calibrate("costs.csv", "dsa-jdk", HOST));
        assertTrue(e.getMessage().contains("suite 'dsa-jdk' names no known algorithm"), e.getMessage());
    }

    @Test
    void shouldRefuseASuiteTheResultsDoNotHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Calibrator(signatureLevelRun("ed25519-bc")).chooseSuite("ed25519-jdk"));
        assertTrue(e.getMessage().contains("no results for suite ed25519-jdk"), e.getMessage());
        assertNotNull(new Calibrator(signatureLevelRun("ed25519-bc")).chooseSuite(null));
    }

    @Test
    void shouldPriceAnActionAsAMeasuredWholeLessWhatItAlsoDid() {
        String round = "org.ppay.bench.protocol.RoundBenchmark.round";
        List<JmhResult> results = signatureLevelRun("ed25519-bc");
        results.add(result(round, "avgt", 400_000, 4_000, Map.of("suite", "ed25519-bc")));
        Map<CostAction, List<Recipe>> recipes = new EnumMap<>(ActionCatalog.all());
        recipes.put(CostAction.OWNER_PROCESS_REASSIGNMENT, List.of(new Recipe("measured", List.of(
                Recipe.Term.of(1, round), Recipe.Term.of(-2, ActionCatalog.VERIFY)))));
        Calibrator calibrator = new Calibrator(results, recipes);

        CostEntry entry = calibrator.price(CostAction.OWNER_PROCESS_REASSIGNMENT, "ed25519-bc", HOST);

        assertEquals(160_000, entry.nsPerOp(), 1e-9);
        assertEquals(6_000, entry.nsError(), 1e-9, "errors add up even when a term is subtracted");
        assertTrue(entry.sourceBenchmark().startsWith("measured: 1*RoundBenchmark.round{suite=ed25519-bc}"
                + " - 2*SignatureBenchmark.verify"), entry.sourceBenchmark());
    }

    @Test
    void shouldRefuseADifferenceThatIsNotPositive() {
        String round = "org.ppay.bench.protocol.RoundBenchmark.round";
        List<JmhResult> results = signatureLevelRun("ed25519-bc");
        results.add(result(round, "avgt", 200_000, 4_000, Map.of("suite", "ed25519-bc")));
        Map<CostAction, List<Recipe>> recipes = new EnumMap<>(ActionCatalog.all());
        recipes.put(CostAction.OWNER_PROCESS_REASSIGNMENT, List.of(new Recipe("measured", List.of(
                Recipe.Term.of(1, round), Recipe.Term.of(-2, ActionCatalog.VERIFY)))));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Calibrator(results, recipes)
                .price(CostAction.OWNER_PROCESS_REASSIGNMENT, "ed25519-bc", HOST));
        assertTrue(e.getMessage().contains("subtracted operations cost more than the measured whole"), e.getMessage());
    }
}
