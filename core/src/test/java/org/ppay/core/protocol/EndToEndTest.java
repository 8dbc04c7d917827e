package org.ppay.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.fraud.Evidence;
import org.ppay.core.fraud.FraudDetectedException;
import org.ppay.core.holder.Holder;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;
import org.ppay.core.protocol.Network.Peer;

class EndToEndTest {

    static Stream<SignatureSuite> suites() {
        return TestSuites.onePerAlgorithm().stream();
    }

    /** Every pair of available suites of one algorithm on different providers. */
    static Stream<Arguments> crossProviderPairs() {
        final List<SignatureSuite> all = SignatureSuite.available();
        final List<Arguments> pairs = new ArrayList<>();
        for (SignatureSuite a : all) {
            for (SignatureSuite b : all) {
                if (a.algorithm() == b.algorithm() && !a.providerName().equals(b.providerName())
                        && a.algorithm() != SignatureAlgorithm.RSA2048) {
                    pairs.add(Arguments.of(a, b));
                }
            }
        }
        return pairs.stream().limit(6);
    }

    /** The owner and broker sign with one provider; the holder checks with another. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("crossProviderPairs")
    void shouldAcceptWhatAnotherProviderSigned(SignatureSuite signer, SignatureSuite checker) {
        final Network net = new Network(signer, 3, 2, new SecureRandom());
        final Peer u = net.peer(1);
        final Holder v = new Holder(net.peer(2).keys(), Network.BROKER_ID,
                checker, net.directory, net.clock, 2);
        final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        final CoinKey coin = v.receive(u.owner().assign(serial, 2));
        net.peer(3).holder().receive(v.payViaOwner(coin, 3, u.owner()));
        assertEquals(3, u.owner().currentHolder(serial));
    }

    private static final long NET = Network.TARIFF.coinValueCents() - Network.TARIFF.cashFeeCents();

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldCarryACoinThroughEveryPathAndCashItOnce(SignatureSuite suite) {
        final Network net = new Network(suite, 4, 2, new SecureRandom());
        final Peer u = net.peer(1);
        final Peer v = net.peer(2);
        final Peer x = net.peer(3);
        final Peer y = net.peer(4);
        final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);

        final CoinKey coin = v.holder().receive(u.owner().assign(serial, 2));
        x.holder().receive(v.holder().payViaOwner(coin, 3, u.owner()));             // (3) -> (4)
        y.holder().receive(x.holder().payByLayer(coin, 4));                         // (8)
        v.holder().receive(y.holder().payByPeeling(coin, 2, u.owner()));            // peel
        u.owner().goOffline();
        x.holder().receive(v.holder().payViaBroker(coin, 3, net.broker));           // (5)
        assertTrue(u.owner().comeOnline().isEmpty(), "an honest downtime reassignment is no fraud");
        assertEquals(3, u.owner().currentHolder(serial));

        assertTrue(x.holder().coinsToRenewOrCash().isEmpty(), "the window is not open yet");
        net.clock.setSeconds(x.holder().renewalBegin(coin) + 10);
        assertEquals(List.of(coin), x.holder().coinsToRenewOrCash());
        x.holder().renew(coin, u.owner(), null);
        assertTrue(x.holder().coinsToRenewOrCash().isEmpty(), "renewed into the next period");                                    // (10) -> (11)
        final CashReceipt receipt = x.holder().cash(coin, net.broker);
        assertEquals(NET, receipt.payoutCents());
        assertNull(receipt.evidence());
        assertTrue(net.broker.convictions().isEmpty());
        assertEquals(0, net.broker.ledger().imbalanceCents());
        assertEquals(0, net.broker.ledger().outstandingCents());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldPrintWithinTheCertificateAndRenewThroughTheBroker(SignatureSuite suite) {
        final Network net = new Network(suite, 3, 2, new SecureRandom());
        final Peer u = net.peer(1);
        final Peer v = net.peer(2);
        u.owner().addLimitCertificate(net.broker.buyLimitCertificate(1, 2));
        final long first = u.owner().printCoin();
        u.owner().printCoin();
        assertThrows(ProtocolException.class, () -> u.owner().printCoin(), "the certificate allows 2 coins");
        final CoinKey coin = v.holder().receive(u.owner().assign(first, 2));
        u.owner().goOffline();
        net.clock.setSeconds(v.holder().renewalBegin(coin));
        final long end = v.holder().renewalEnd(coin);
        v.holder().renew(coin, null, net.broker);
        assertEquals(end + Network.SCHEDULE.periodSeconds(), v.holder().renewalEnd(coin));
        u.owner().comeOnline();
        assertEquals(2, u.owner().currentSeq(first));
        final long fee = Network.TARIFF.downtimeFeeCents();
        assertEquals(Network.DEPOSIT_CENTS - fee, net.broker.depositCents(1), "the owner pays the downtime fee");
        assertEquals(NET, v.holder().cash(coin, net.broker).payoutCents());
        assertEquals(Network.DEPOSIT_CENTS - fee, net.broker.depositCents(2), "and so does the holder");
        assertEquals(NET, net.broker.balanceCents(2));
        assertEquals(0, net.broker.ledger().imbalanceCents());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldCatchReplicationAtTheOwnerWithTwoSignedRequests(SignatureSuite suite) {
        final Network net = new Network(suite, 4, 2, new SecureRandom());
        final Peer u = net.peer(1);
        final Peer v = net.peer(2);
        final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        final byte[] assignment = u.owner().assign(serial, 2);
        final CoinKey coin = v.holder().receive(assignment);
        net.peer(3).holder().receive(v.holder().payViaOwner(coin, 3, u.owner()));
        // V kept a copy of its old assignment and spends it again
        final Peer copy = net.peer(2);
        copy.holder().receive(u.owner().assign(u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]), 2));
        final FraudDetectedException fraud = assertThrows(FraudDetectedException.class,
                () -> u.owner().reassign(new MessageWriter(suite).reassignmentRequest(v.keys(), 4,
                        assignment, 0, assignment.length)));
        final Evidence evidence = fraud.evidence();
        assertEquals(Evidence.Kind.REPLICATION, evidence.kind());
        assertEquals(2, evidence.culprit());
        evidence.verify(net.directory, suite, net.maxLayers, Network.BROKER_ID);
        assertEquals(1, net.broker.convictions(2));
        assertEquals(3, u.owner().currentHolder(serial), "the refused request changed nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldCatchReplicationThroughTheBrokerWhenTheOwnerComesBack(SignatureSuite suite) {
        final Network net = new Network(suite, 4, 2, new SecureRandom());
        final Peer u = net.peer(1);
        final Peer v = net.peer(2);
        final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        final byte[] assignment = u.owner().assign(serial, 2);
        final CoinKey coin = v.holder().receive(assignment);
        net.peer(3).holder().receive(v.holder().payViaOwner(coin, 3, u.owner()));
        u.owner().goOffline();
        // V spends its old assignment again through the broker, which cannot know
        final MessageWriter writer = new MessageWriter(suite);
        final byte[] replica = net.broker.reassignForOwner(writer.reassignmentRequest(v.keys(), 4, assignment, 0,
                assignment.length));
        final CoinKey same = net.peer(4).holder().receive(replica);
        // and once more through the broker: the broker has the first request and refuses at once
        final FraudDetectedException atBroker = assertThrows(FraudDetectedException.class,
                () -> net.broker.reassignForOwner(writer.reassignmentRequest(v.keys(), 3, assignment, 0,
                        assignment.length)));
        assertEquals(2, atBroker.evidence().culprit());
        final List<Evidence> found = u.owner().comeOnline();
        assertEquals(1, found.size(), "the owner refutes the broker's assignment retroactively");
        assertEquals(2, found.get(0).culprit());
        found.get(0).verify(net.directory, suite, net.maxLayers, Network.BROKER_ID);
        // both holders cash: the first is paid from the coin, the second by the culprit
        assertEquals(NET, net.peer(3).holder().cash(coin, net.broker).payoutCents());
        assertEquals(NET, net.peer(4).holder().cash(same, net.broker).payoutCents());
        assertTrue(net.broker.convictions().stream().allMatch(e -> e.culprit() == 2));
        assertEquals(0, net.broker.ledger().imbalanceCents());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldConvictADoubleSpendingOwnerAndPayBothHonestHolders(SignatureSuite suite) {
        final Network net = new Network(suite, 3, 2, new SecureRandom());
        final Peer u = net.peer(1);
        final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        final byte[] coinBytes = u.owner().coin(serial);
        final CoinKey coin = net.peer(2).holder().receive(u.owner().assign(serial, 2));
        final long begin = net.peer(2).holder().renewalBegin(coin);
        final byte[] forged = new MessageWriter(suite).assignment(u.keys(), false, 3, 1,
                net.clock.nowSeconds(), begin, begin + Network.SCHEDULE.windowSeconds(), coinBytes, 0,
                coinBytes.length);
        net.peer(3).holder().receive(forged);
        assertEquals(NET, net.peer(2).holder().cash(coin, net.broker).payoutCents());
        final CashReceipt second = net.peer(3).holder().cash(coin, net.broker);
        assertEquals(NET, second.payoutCents(), "an honest holder with a valid assignment is always paid");
        assertEquals(Evidence.Kind.DOUBLE_SPEND, second.evidence().kind());
        assertEquals(1, second.evidence().culprit());
        second.evidence().verify(net.directory, suite, net.maxLayers, Network.BROKER_ID);
        assertEquals(Network.DEPOSIT_CENTS - Network.TARIFF.coinValueCents() - Network.TARIFF.penaltyCents(),
                net.broker.depositCents(1));
        assertEquals(0, net.broker.ledger().imbalanceCents());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldTraceReplicationThroughLayersToTheLayerer(SignatureSuite suite) {
        final Network net = new Network(suite, 4, 2, new SecureRandom());
        final Peer u = net.peer(1);
        final Peer v = net.peer(2);
        final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        final byte[] assignment = u.owner().assign(serial, 2);
        final CoinKey coin = v.holder().receive(assignment);
        net.peer(3).holder().receive(v.holder().payByLayer(coin, 3));
        final byte[] second = new MessageWriter(suite).layer(v.keys(), 4, 2, assignment, 0,
                assignment.length);
        net.peer(4).holder().receive(second);
        assertEquals(NET, net.peer(4).holder().cash(coin, net.broker).payoutCents());
        final CashReceipt receipt = net.peer(3).holder().cash(coin, net.broker);
        assertEquals(NET, receipt.payoutCents());
        assertEquals(2, receipt.evidence().culprit());
        receipt.evidence().verify(net.directory, suite, net.maxLayers, Network.BROKER_ID);
        assertEquals(0, net.broker.ledger().imbalanceCents());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void shouldRejectAForgedRequestWithoutChangingAnything(SignatureSuite suite) {
        final Network net = new Network(suite, 3, 2, new SecureRandom());
        final Peer u = net.peer(1);
        final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        final byte[] assignment = u.owner().assign(serial, 2);
        // peer 3 signs a request to move peer 2's coin to itself
        final byte[] forged = new MessageWriter(suite).reassignmentRequest(net.peer(3).keys(), 3,
                assignment, 0, assignment.length);
        final ProtocolException e = assertThrows(ProtocolException.class, () -> u.owner().reassign(forged));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
        assertEquals(2, u.owner().currentHolder(serial));
        assertEquals(1, u.owner().currentSeq(serial));
        assertTrue(u.owner().relinquishments(serial).isEmpty());
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(ProtocolException.class,
                () -> net.broker.reassignForOwner(forged)).reason());
        assertEquals(0, net.broker.ledger().imbalanceCents());
    }
}
