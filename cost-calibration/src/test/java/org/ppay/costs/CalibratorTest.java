package org.ppay.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ppay.core.transport.Placement;

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
        results.add(result(ActionCatalog.AUDIT_APPEND, "avgt", 2_000, 20,
                Map.of("proofBytes", "200", "coins", "1024", "directory", "")));
        results.add(result(ActionCatalog.AUDIT_APPEND, "avgt", 9_000, 90,
                Map.of("proofBytes", "200", "coins", "1048576", "directory", "")));
        results.add(result(ActionCatalog.GUESS_PROBE, "avgt", 6_000, 60,
                Map.of("queryBytes", "94", "responseBytes", "94")));
        results.add(result(ActionCatalog.SOFT_CREDIT, "avgt", 50, 1, Map.of("windowPicos", "10", "peers", "64")));
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
                + " + 1*AuditAppendBenchmark.append{coins=1024, directory=, proofBytes=200}"
                + " + 1*SignatureBenchmark.sign{messageBytes=172, suite=ed25519-bc}", entry.sourceBenchmark());
        assertEquals("Test CPU", entry.cpuModel());
        assertEquals("17.0.15", entry.jdk());
    }

    @Test
    void shouldPriceTheBrokersCashAfterAnIdleGapInTheSparseRegime() {
        List<JmhResult> results = signatureLevelRun("ed25519-bc");
        results.add(result(ActionCatalog.BROKER_CASH, "avgt", 500_000, 5_000, Map.of("suite", "ed25519-bc")));
        results.add(result(ActionCatalog.IDLE_BROKER_CASH, "avgt", 800_000, 9_000,
                Map.of("suite", "ed25519-bc", "idleMicros", "1000", "evictBytes", "67108864")));

        CostEntry busy = new Calibrator(results).price(CostAction.BROKER_CASH_COIN, "ed25519-bc", HOST);
        CostEntry sparse = new Calibrator(results, ActionCatalog.all(ActionCatalog.Regime.SPARSE))
                .price(CostAction.BROKER_CASH_COIN, "ed25519-bc", HOST);
        CostEntry sparseSign = new Calibrator(results, ActionCatalog.all(ActionCatalog.Regime.SPARSE))
                .price(CostAction.PAYWORD_COMMIT, "ed25519-bc", HOST);

        assertEquals(500_000, busy.nsPerOp(), 1e-9);
        assertEquals(800_000, sparse.nsPerOp(), 1e-9);
        assertTrue(sparse.sourceBenchmark().contains("IdleBrokerBenchmark.cash"), sparse.sourceBenchmark());
        assertEquals(50_000, sparseSign.nsPerOp(), 1e-9, "actions without an idle-gap benchmark keep their price");
    }

    @Test
    void shouldPriceThePeersCoinActionsAfterAnIdleGapInTheSparseRegime() {
        List<JmhResult> results = signatureLevelRun("ed25519-bc");
        results.add(result(ActionCatalog.HOLDER_CHECK, "avgt", 150_000, 2_000, Map.of("suite", "ed25519-bc")));
        results.add(result(ActionCatalog.IDLE_PEER + "holderCheckAssignment", "avgt", 420_000, 9_000,
                Map.of("suite", "ed25519-bc", "idleMicros", "1000", "evictBytes", "67108864")));

        CostEntry busy = new Calibrator(results).price(CostAction.HOLDER_CHECK_ASSIGNMENT, "ed25519-bc", HOST);
        CostEntry sparse = new Calibrator(results, ActionCatalog.all(ActionCatalog.Regime.SPARSE))
                .price(CostAction.HOLDER_CHECK_ASSIGNMENT, "ed25519-bc", HOST);
        CostEntry sparsePeel = new Calibrator(results, ActionCatalog.all(ActionCatalog.Regime.SPARSE))
                .price(CostAction.OWNER_PEEL_LAYER, "ed25519-bc", HOST);

        assertEquals(150_000, busy.nsPerOp(), 1e-9);
        assertEquals(420_000, sparse.nsPerOp(), 1e-9);
        assertTrue(sparse.sourceBenchmark().contains("IdlePeerBenchmark.holderCheckAssignment"),
                sparse.sourceBenchmark());
        assertTrue(sparsePeel.sourceBenchmark().startsWith("modelled"), "peeling keeps its busy recipe");
    }

    @Test
    void shouldRefuseASparseTableWithoutTheIdleGapResults() {
        Calibrator calibrator = new Calibrator(signatureLevelRun("ed25519-bc"),
                ActionCatalog.all(ActionCatalog.Regime.SPARSE));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calibrator.calibrate("costs.csv", "ed25519-bc", HOST));

        assertTrue(e.getMessage().contains("broker_cash_coin (needs 1*IdleBrokerBenchmark.cash"),
                e.getMessage());
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
        assertTrue(e.getMessage().contains("guess_probe (needs 1*MessageExchangeBenchmark.exchange{frameBytes=94,"
                + " placement=same-cpu, transport=udp}:clientCpuNanos/exchanges + "), e.getMessage());
        assertTrue(e.getMessage().contains(" or 1*GuessProbeBenchmark.probe)"), e.getMessage());
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

    @Test
    void shouldPriceEveryActionFromSignaturesHashesTheTrailTheWindowAndTheProbe() {
        CostTable table = new Calibrator(signatureLevelRun("ed25519-bc")).calibrate("costs.csv", "ed25519-bc", HOST);

        assertEquals(CostAction.values().length - 2, table.entries().size());
        assertEquals(List.of(CostAction.MESSAGE_SEND, CostAction.MESSAGE_RECEIVE), table.unpriced(),
                "without the exchange benchmark, transport is left unpriced rather than refused");
        assertEquals(50_000, table.nsPerOp(CostAction.OWNER_ASSIGN), 1e-9);
        assertEquals(4 * 120_000, table.nsPerOp(CostAction.BROKER_CASH_COIN), 1e-9);
        assertEquals(50, table.nsPerOp(CostAction.SOFT_CREDIT_STEP), 1e-9);
        assertTrue(table.entry(CostAction.OWNER_ASSIGN).sourceBenchmark().startsWith("modelled: "));
        assertTrue(table.entry(CostAction.GUESS_PROBE).sourceBenchmark().startsWith("measured: "));
        assertTrue(table.id().startsWith("costs.csv:ed25519-bc:"), table.id());
    }

    @Test
    void shouldPreferTheBenchmarkThatPerformsTheActionOverTheModel() {
        List<JmhResult> results = signatureLevelRun("ed25519-bc");
        results.add(result(ActionCatalog.OWNER_PRINT, "avgt", 61_000, 600, Map.of("suite", "ed25519-bc")));

        CostEntry entry = new Calibrator(results).price(CostAction.OWNER_PRINT_COIN, "ed25519-bc", HOST);

        assertEquals(61_000, entry.nsPerOp(), 1e-9);
        assertEquals("measured: 1*OwnerBenchmark.printCoin{suite=ed25519-bc}", entry.sourceBenchmark());
    }

    /** The real JSON of MessageExchangeBenchmark: its CPU counters are sums over the iterations, per exchange here. */
    private static List<JmhResult> withExchangeRun(String suite) {
        List<JmhResult> results = signatureLevelRun(suite);
        results.removeIf(r -> r.benchmark().equals(ActionCatalog.GUESS_PROBE));
        results.addAll(JmhResults.read(Path.of("src/test/resources/jmh/jmh-1.37-message-exchange.json")));
        return results;
    }

    @Test
    void shouldPriceSendingAndReceivingAMessageFromTheEchoThreadsCpuPerExchangeOverTcp() {
        Calibrator calibrator = new Calibrator(withExchangeRun("ed25519-bc"));

        CostEntry send = calibrator.price(CostAction.MESSAGE_SEND, "ed25519-bc", HOST);
        CostEntry receive = calibrator.price(CostAction.MESSAGE_RECEIVE, "ed25519-bc", HOST);

        // tcp, 268 bytes, same CPU: echoSendCpuNanos 172721433 and echoReceiveCpuNanos 79369513 over 37625 exchanges
        assertEquals(172_721_433.0 / 37_625, send.nsPerOp(), 1e-6);
        assertEquals(79_369_513.0 / 37_625, receive.nsPerOp(), 1e-6);
        assertEquals(2 * send.nsPerOp(), send.cyclesPerOp(), 1e-6, "at the host's 2 GHz");
        assertTrue(Double.isNaN(send.nsError()), "JMH gives no error for a summed counter");
        assertEquals(0, send.bytes(), "the simulator counts each message's bytes where it counts the message");
        assertEquals("measured: 1*MessageExchangeBenchmark.exchange{frameBytes=268, placement=same-cpu, transport=tcp}"
                + ":echoSendCpuNanos/exchanges", send.sourceBenchmark());
    }

    @Test
    void shouldPriceMessagesHandedOverBetweenTwoCpusWhenAskedForThatPlacement() {
        Calibrator calibrator = new Calibrator(withExchangeRun("ed25519-bc"),
                ActionCatalog.all(ActionCatalog.Regime.BUSY, Placement.SPREAD));

        CostEntry receive = calibrator.price(CostAction.MESSAGE_RECEIVE, "ed25519-bc", HOST);
        CostEntry probe = calibrator.price(CostAction.GUESS_PROBE, "ed25519-bc", HOST);

        // tcp 268 spread: echoReceiveCpuNanos 97837161 over 10776; udp 94 spread: 231008164 + 129478618 + 97300766 / 7610
        assertEquals(97_837_161.0 / 10_776, receive.nsPerOp(), 1e-6);
        assertEquals((231_008_164.0 + 129_478_618.0 + 97_300_766.0) / 7_610, probe.nsPerOp(), 1e-6);
        assertTrue(receive.sourceBenchmark().contains("placement=spread"), receive.sourceBenchmark());
    }

    @Test
    void shouldHandMessagesOverAsItsRegimeDoesUnlessAskedOtherwise() {
        List<JmhResult> results = withExchangeRun("ed25519-bc");
        CostEntry busy = new Calibrator(results, ActionCatalog.all(ActionCatalog.Regime.BUSY))
                .price(CostAction.MESSAGE_SEND, "ed25519-bc", HOST);
        CostEntry sparse = new Calibrator(results, ActionCatalog.all(ActionCatalog.Regime.SPARSE))
                .price(CostAction.MESSAGE_SEND, "ed25519-bc", HOST);

        assertTrue(busy.sourceBenchmark().contains("placement=same-cpu"), busy.sourceBenchmark());
        assertTrue(sparse.sourceBenchmark().contains("placement=spread"), sparse.sourceBenchmark());
        assertEquals(134_647_939.0 / 10_776, sparse.nsPerOp(), 1e-6);
    }

    @Test
    void shouldNotPriceTransportFromAnExchangeOfAnotherPlacementOrOfNone() {
        List<JmhResult> spreadOnly = withExchangeRun("ed25519-bc");
        spreadOnly.removeIf(r -> "same-cpu".equals(r.params().get("placement")));
        List<JmhResult> unpinned = signatureLevelRun("ed25519-bc");
        unpinned.add(result(ActionCatalog.EXCHANGE, "avgt", 50_000, 100, Map.of("transport", "tcp", "frameBytes",
                "268")));

        for (List<JmhResult> results : List.of(spreadOnly, unpinned)) {
            Calibrator calibrator = new Calibrator(results);
            assertNull(calibrator.price(CostAction.MESSAGE_SEND, "ed25519-bc", HOST));
            assertNull(calibrator.price(CostAction.MESSAGE_RECEIVE, "ed25519-bc", HOST));
        }
    }

    @Test
    void shouldPriceAGuessProbeAsBothEndsOfAUdpExchange() {
        CostEntry probe = new Calibrator(withExchangeRun("ed25519-bc"))
                .price(CostAction.GUESS_PROBE, "ed25519-bc", HOST);

        // udp, 94 bytes, same CPU: client 286307703, echo receive 66682287 and send 185417715 ns over 52439 exchanges
        assertEquals((286_307_703.0 + 66_682_287.0 + 185_417_715.0) / 52_439, probe.nsPerOp(), 1e-6);
        assertEquals(188, probe.bytes(), "the query and the response");
    }

    @Test
    void shouldPriceEveryActionIncludingTransportWhenTheExchangeBenchmarkRan() {
        CostTable table = new Calibrator(withExchangeRun("ed25519-bc")).calibrate("costs.csv", "ed25519-bc", HOST);

        assertEquals(CostAction.values().length, table.entries().size());
        assertEquals(List.of(), table.unpriced());
    }

    @Test
    void shouldNameTheMissingCounterOfAResultWithoutAuxCounters() {
        List<JmhResult> results = signatureLevelRun("ed25519-bc");
        results.add(result(ActionCatalog.EXCHANGE, "avgt", 50_000, 100,
                Map.of("transport", "tcp", "frameBytes", "268", "placement", "same-cpu")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Calibrator(results).price(CostAction.MESSAGE_SEND, "ed25519-bc", HOST));
        assertTrue(e.getMessage().contains("secondary metric 'echoSendCpuNanos' is missing"), e.getMessage());
    }
}
