package org.ppay.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.fraud.Evidence;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;

/**
 * A second signature of bytes an honest peer signed — mauled by anyone (ECDSA (r, n - s)), or made by the peer
 * itself when it re-sends (ECDSA is randomised) — is the same act as the first: it never convicts the peer nor costs
 * it money. One test per way the copies were used against the signer.
 */
class MalleabilityTest {

    private static final long NET = Network.TARIFF.coinValueCents() - Network.TARIFF.cashFeeCents();

    static Stream<SignatureSuite> suites() {
        return SignatureSuite.available().stream();
    }

    static Stream<SignatureSuite> ecdsaSuites() {
        return SignatureSuite.available().stream().filter(s -> s.algorithm() == SignatureAlgorithm.ECDSA_P256);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ecdsaSuites")
    void shouldNotConvictAHolderWithAMauledCopyOfItsReassignmentRequest(SignatureSuite suite) {
        final HonestRun run = new HonestRun(suite);
        final byte[] request = message(run, "reassignment request a");
        final long before = run.money(HonestRun.V);
        final Evidence evidence = new Evidence(Evidence.Kind.REPLICATION, HonestRun.V, HonestRun.O, run.serialA,
                request, run.mauled(request), null);

        assertThrows(ProtocolException.class, () -> evidence.verify(run.directory, suite, HonestRun.MAX_LAYERS, 0));
        assertThrows(ProtocolException.class, () -> run.broker.reportFraud(evidence));
        assertEquals(0, run.broker.convictions(HonestRun.V));
        assertEquals(before, run.money(HonestRun.V));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldNotConvictAHolderThatReSignsItsRequest(SignatureSuite suite) {
        final HonestRun run = new HonestRun(suite);
        final byte[] request = message(run, "reassignment request a");
        final byte[] again = run.resigned(request, HonestRun.V);
        final long before = run.money(HonestRun.V);
        final Evidence evidence = new Evidence(Evidence.Kind.REPLICATION, HonestRun.V, HonestRun.O, run.serialA,
                request, again, null);

        final ProtocolException refused = assertThrows(ProtocolException.class,
                () -> evidence.verify(run.directory, suite, HonestRun.MAX_LAYERS, 0));
        assertEquals(Reason.FRAUD, refused.reason(), refused.getMessage());
        assertThrows(ProtocolException.class, () -> run.broker.reportFraud(evidence));
        final ProtocolException atOwner = assertThrows(ProtocolException.class, () -> run.owner.reassign(again));
        assertEquals(Reason.REPLAYED, atOwner.reason(), "the owner took this act already: " + atOwner.getMessage());
        assertEquals(List.of(), run.owner.detectedFraud());
        assertEquals(0, run.broker.convictions(HonestRun.V));
        assertEquals(before, run.money(HonestRun.V));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldPayTheHolderOnceWhenAMauledCopyOfItsCashRequestArrivesFirst(SignatureSuite suite) {
        final HonestRun run = new HonestRun(suite);
        final long before = run.money(HonestRun.V);
        try {
            run.broker.cash(run.mauled(run.cashC));
        } catch (ProtocolException refused) {
            assertEquals(Reason.BAD_SIGNATURE, refused.reason(), refused.getMessage());
        }
        cashOnceMore(run, run.cashC);

        assertEquals(0, run.broker.convictions(HonestRun.V));
        assertEquals(before + NET, run.money(HonestRun.V));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldPayTheHolderOnceWhenItsReSignedCashRequestArrivesFirst(SignatureSuite suite) {
        final HonestRun run = new HonestRun(suite);
        final long before = run.money(HonestRun.V);
        assertEquals(NET, run.broker.cash(run.resigned(run.cashC, HonestRun.V)).payoutCents());
        final ProtocolException replayed = assertThrows(ProtocolException.class, () -> run.broker.cash(run.cashC));
        assertEquals(Reason.REPLAYED, replayed.reason());

        assertEquals(0, run.broker.convictions(HonestRun.V));
        assertEquals(before + NET, run.money(HonestRun.V));
    }

    /**
     * X got a layer from V and cashes it twice, the second time with another signature of V's layer inside (V re-sent
     * it, or X mauled it): the layer is one act of V's, so V is not convicted and X is not paid twice.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldNotConvictTheLayerSignerWhenItsLayerComesTwiceInsideCashRequests(SignatureSuite suite) {
        for (boolean mauled : new boolean[] {false, true}) {
            final HonestRun run = new HonestRun(suite);
            final byte[] layer = message(run, "layer b");
            final byte[] copy = mauled ? run.mauled(layer) : run.resigned(layer, HonestRun.V);
            final long victim = run.money(HonestRun.V);
            final long submitter = run.money(HonestRun.X);
            final byte[] first = run.writer.cashRequest(run.keysOf(HonestRun.X), run.clock.nowSeconds(), layer, 0,
                    layer.length);
            final byte[] second = run.writer.cashRequest(run.keysOf(HonestRun.X), run.clock.nowSeconds(), copy, 0,
                    copy.length);

            assertEquals(NET, run.broker.cash(first).payoutCents());
            cashOnceMore(run, second);

            assertEquals(0, run.broker.convictions(HonestRun.V), mauled ? "mauled" : "re-signed");
            assertEquals(victim, run.money(HonestRun.V));
            assertEquals(submitter + NET, run.money(HonestRun.X), "X is paid once");
        }
    }

    /**
     * The draw hashes the signed ticket with its signature: a payee that could maul the signature would get a second
     * draw of the same ticket and redeem whichever wins.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldGiveALotteryTicketOneDrawOnly(SignatureSuite suite) {
        final HonestRun run = new HonestRun(suite);
        final byte[] ticket = run.writer.lotteryTicket(run.keysOf(HonestRun.V), HonestRun.X, 7,
                run.clock.nowSeconds());
        final ProtocolException refused = assertThrows(ProtocolException.class,
                () -> run.broker.redeemLotteryTicket(run.mauled(ticket), 2));
        assertEquals(Reason.BAD_SIGNATURE, refused.reason());
    }

    /** Cashes a request that must pay nothing more: refused, or paid nothing. */
    private static void cashOnceMore(HonestRun run, byte[] request) {
        try {
            final CashReceipt receipt = run.broker.cash(request);
            if (receipt.evidence() != null) {
                assertEquals(0, receipt.payoutCents(), "a convicted claimant is paid nothing");
            }
        } catch (ProtocolException refused) {
            // a replay, or a signature that does not verify
        }
    }

    private static byte[] message(HonestRun run, String name) {
        return run.signed.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().bytes();
    }
}
