package org.ppay.core.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ppay.core.audit.InMemoryAuditTrail;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.Instrument;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.coin.Relinquishment;
import org.ppay.core.fraud.Evidence;
import org.ppay.core.fraud.FraudDetectedException;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;
import org.ppay.core.protocol.Network.Peer;

/**
 * Section 6.3: a coin at Max Layers whose owner is down goes to the broker whole. The broker checks every layer,
 * assigns the coin and stores the request; the owner, back online, records every layer and the request as proofs and
 * catches a layer that conflicts with a proof it holds. Also an owner paid with its own coin assigning it directly.
 */
class LayeredDowntimeTest {

    private static final long NET = Network.TARIFF.coinValueCents() - Network.TARIFF.cashFeeCents();

    private final Network net = new Network(TestSuites.ed25519(), 5, 2, new SecureRandom());
    private final Peer u = net.peer(1);
    private final Peer v = net.peer(2);
    private final Peer x = net.peer(3);
    private final Peer y = net.peer(4);
    private final Peer z = net.peer(5);
    private final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);

    /** U assigns to V (seq 1), V layers to X (seq 2), X layers to Y (seq 3): Y holds two layers, the maximum. */
    private CoinKey coinAtMaxLayersHeldByY() {
        final CoinKey coin = v.holder().receive(u.owner().assign(serial, 2));
        x.holder().receive(v.holder().payByLayer(coin, 3));
        y.holder().receive(x.holder().payByLayer(coin, 4));
        assertFalse(y.holder().canLayer(coin), "two layers is Max Layers");
        return coin;
    }

    @Test
    void shouldReassignACoinAtMaxLayersThroughTheBrokerAndLetTheOwnerRecordEveryLayer() {
        final CoinKey coin = coinAtMaxLayersHeldByY();
        u.owner().goOffline();
        z.holder().receive(y.holder().payViaBroker(coin, 5, net.broker));
        assertEquals(4, z.holder().seq(coin), "the broker's assignment follows the outermost layer's seq");
        assertFalse(y.holder().holds(coin));

        assertTrue(u.owner().comeOnline().isEmpty(), "an honest layered downtime reassignment is no fraud");
        assertEquals(5, u.owner().currentHolder(serial));
        assertEquals(4, u.owner().currentSeq(serial));
        assertTrue(u.owner().hasProof(serial, 1, 2), "V's layer");
        assertTrue(u.owner().hasProof(serial, 2, 3), "X's layer");
        assertTrue(u.owner().hasProof(serial, 3, 4), "Y's request");
        assertEquals(3, u.owner().relinquishments(serial).size());

        final long fee = Network.TARIFF.downtimeFeeCents();
        assertEquals(Network.DEPOSIT_CENTS - fee, net.broker.depositCents(4), "the holder pays the downtime fee");
        assertEquals(Network.DEPOSIT_CENTS - fee, net.broker.depositCents(1), "and so does the owner");
        final CashReceipt receipt = z.holder().cash(coin, net.broker);
        assertEquals(NET, receipt.payoutCents());
        assertNull(receipt.evidence());
        assertTrue(net.broker.convictions().isEmpty());
        assertEquals(0, net.broker.ledger().imbalanceCents());
    }

    @Test
    void shouldRenewACoinAtMaxLayersThroughTheBroker() {
        final CoinKey coin = coinAtMaxLayersHeldByY();
        u.owner().goOffline();
        net.clock.setSeconds(y.holder().renewalBegin(coin) + 1);
        final long end = y.holder().renewalEnd(coin);
        y.holder().renew(coin, null, net.broker);
        assertEquals(end + Network.SCHEDULE.periodSeconds(), y.holder().renewalEnd(coin));
        assertEquals(4, y.holder().seq(coin));
        assertTrue(y.holder().canLayer(coin), "the renewed assignment carries no layers");

        assertTrue(u.owner().comeOnline().isEmpty());
        assertEquals(4, u.owner().currentHolder(serial));
        assertEquals(4, u.owner().currentSeq(serial));
        assertTrue(u.owner().hasProof(serial, 1, 2));
        assertTrue(u.owner().hasProof(serial, 2, 3));
        assertTrue(u.owner().hasProof(serial, 3, 4));
        z.holder().receive(y.holder().payViaOwner(coin, 5, u.owner()));
        assertEquals(5, z.holder().seq(coin));
        assertEquals(0, net.broker.ledger().imbalanceCents());
    }

    @Test
    void shouldLetTheOwnerPeelALayeredRequestItReceivesDirectly() {
        final CoinKey coin = coinAtMaxLayersHeldByY();
        z.holder().receive(y.holder().payViaOwner(coin, 5, u.owner()));
        assertEquals(4, u.owner().currentSeq(serial));
        assertEquals(3, u.owner().relinquishments(serial).size());
    }

    @Test
    void shouldConvictAHolderWhoseLayerConflictsWithAProofTheOwnerHolds() {
        final CoinKey coin = v.holder().receive(u.owner().assign(serial, 2));
        final byte[] assignment = v.holder().instrument(coin);
        x.holder().receive(v.holder().payViaOwner(coin, 3, u.owner()));      // V gives up (1, V) by a request
        final byte[] secondGiveUp = new MessageWriter(net.suite).layer(v.keys(), 4, 2, assignment, 0,
                assignment.length);                                            // and again by a layer to Y
        y.holder().receive(secondGiveUp);
        u.owner().goOffline();
        z.holder().receive(y.holder().payViaBroker(coin, 5, net.broker)); // the broker cannot know yet

        final List<Evidence> found = u.owner().comeOnline();
        assertEquals(1, found.size());
        assertEquals(Evidence.Kind.REPLICATION, found.get(0).kind());
        assertEquals(2, found.get(0).culprit(), "V gave up one holding twice");
        assertEquals(1, net.broker.convictions(2));
        assertEquals(0, net.broker.convictions(4), "Y, who went to the broker, is honest");
    }

    @Test
    void shouldConvictAHolderThatGivesALayeredCoinToTheBrokerTwice() {
        final CoinKey coin = coinAtMaxLayersHeldByY();
        final byte[] layered = y.holder().instrument(coin);
        u.owner().goOffline();
        z.holder().receive(y.holder().payViaBroker(coin, 5, net.broker));
        final byte[] second = new MessageWriter(net.suite).reassignmentRequest(y.keys(), 2, layered, 0,
                layered.length);
        final FraudDetectedException e = assertThrows(FraudDetectedException.class,
                () -> net.broker.reassignForOwner(second));
        assertEquals(4, e.evidence().culprit());
        assertEquals(1, net.broker.convictions(4));
    }

    @Test
    void shouldRefuseALayeredRequestWithAForgedInnerLayer() {
        final CoinKey coin = coinAtMaxLayersHeldByY();
        final byte[] layered = y.holder().instrument(coin);
        layered[layered.length - 1] ^= 1;                            // the outer layer's signature (signed by X)
        final byte[] request = new MessageWriter(net.suite).reassignmentRequest(y.keys(), 5, layered, 0,
                layered.length);
        u.owner().goOffline();
        final ProtocolException e = assertThrows(ProtocolException.class, () -> net.broker.reassignForOwner(request));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
        assertTrue(net.broker.storedRequests(1).isEmpty(), "nothing stored for the owner");
        assertEquals(Network.DEPOSIT_CENTS, net.broker.depositCents(4), "no fee charged");
    }

    @Test
    void shouldLetAnOwnerPaidWithItsOwnCoinAssignItDirectly() {
        assertFalse(u.owner().holdsItself(serial), "printed, never assigned");
        final CoinKey coin = v.holder().receive(u.owner().assign(serial, 2));
        assertFalse(u.owner().holdsItself(serial), "V holds it");
        final byte[] request = v.holder().payViaOwner(coin, 1, u.owner());
        u.holder().receive(request);
        assertEquals(1, u.owner().currentHolder(serial));
        assertTrue(u.owner().holdsItself(serial), "paid with its own coin");
        assertFalse(u.owner().holdsItself(serial + 1_000), "a serial it does not own");

        final byte[] direct = u.owner().assign(serial, 3);
        u.holder().drop(coin);
        x.holder().receive(direct);
        assertEquals(3, x.holder().seq(coin), "one assignment with the next seq");
        assertEquals(3, u.owner().currentHolder(serial));
        assertFalse(u.owner().holdsItself(serial), "given on to X");
        assertTrue(u.owner().hasProof(serial, 1, 2), "the proof it was given back stays in the audit trail");
        assertEquals(1, u.owner().relinquishments(serial).size(), "and no proof of its own is needed");

        y.holder().receive(x.holder().payViaOwner(coin, 4, u.owner()));
        assertEquals(4, u.owner().currentSeq(serial));
    }

    @Test
    void shouldRefuseToAssignDirectlyACoinSomeoneElseHolds() {
        final CoinKey coin = v.holder().receive(u.owner().assign(serial, 2));
        final byte[] before = v.holder().instrument(coin);
        final ProtocolException e = assertThrows(ProtocolException.class, () -> u.owner().assign(serial, 3));
        assertEquals(Reason.STALE_SEQUENCE, e.reason());
        assertEquals(2, u.owner().currentHolder(serial));
        assertEquals(1, u.owner().currentSeq(serial));
        assertArrayEquals(before, v.holder().instrument(coin));
    }

    @Test
    void shouldFindAnOwnerThatAssignsDirectlyAndStillSpendsItsOldAssignmentGuilty() {
        final CoinKey coin = v.holder().receive(u.owner().assign(serial, 2));
        u.holder().receive(v.holder().payViaOwner(coin, 1, u.owner()));
        x.holder().receive(u.owner().assign(serial, 3));
        final CashReceipt honest = x.holder().cash(coin, net.broker);
        final CashReceipt cheat = u.holder().cash(coin, net.broker);        // the owner kept its seq-2 assignment
        assertEquals(NET, honest.payoutCents());
        assertEquals(0, cheat.payoutCents());
        assertEquals(1, cheat.evidence().culprit());
        assertEquals(0, net.broker.ledger().imbalanceCents());
    }

    @Test
    void shouldLetAnOwnerPaidByALayerTakeItsCoinBackWithoutSigningAndAssignItDirectly() {
        final CoinKey coin = v.holder().receive(u.owner().assign(serial, 2));
        final byte[] layered = v.holder().payByLayer(coin, 1);
        u.holder().receive(layered);
        u.owner().takeBack(layered);
        assertEquals(1, u.owner().currentHolder(serial));
        assertEquals(2, u.owner().currentSeq(serial));
        assertTrue(u.owner().hasProof(serial, 1, 2), "V's layer is its proof");
        assertEquals(Reason.REPLAYED,
                assertThrows(ProtocolException.class, () -> u.owner().takeBack(layered)).reason());

        u.holder().drop(coin);
        x.holder().receive(u.owner().assign(serial, 3));
        assertEquals(3, x.holder().seq(coin));
    }

    @Test
    void shouldRefuseToTakeBackALayeredCoinPaidToSomeoneElse() {
        final CoinKey coin = v.holder().receive(u.owner().assign(serial, 2));
        final byte[] layered = v.holder().payByLayer(coin, 3);
        final ProtocolException e = assertThrows(ProtocolException.class, () -> u.owner().takeBack(layered));
        assertEquals(Reason.WRONG_RECIPIENT, e.reason());
        assertEquals(2, u.owner().currentHolder(serial));
        assertTrue(u.owner().relinquishments(serial).isEmpty(), "nothing recorded");
    }

    @Test
    void shouldFindProofsInATrailItDidNotWriteItself() {
        final InMemoryAuditTrail trail = new InMemoryAuditTrail();
        final Owner first = new Owner(u.keys(), Network.BROKER_ID, net.suite, net.directory, net.clock, trail,
                Network.SCHEDULE, net.maxLayers);
        final long own = first.addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        final CoinKey coin = v.holder().receive(first.assign(own, 2));
        x.holder().receive(v.holder().payViaOwner(coin, 3, first));
        final Owner restarted = new Owner(u.keys(), Network.BROKER_ID, net.suite, net.directory, net.clock, trail,
                Network.SCHEDULE, net.maxLayers);
        assertTrue(restarted.hasProof(own, 1, 2), "a trail recovered from before reads as it is, not through a hash");
        assertFalse(restarted.hasProof(own, 2, 3));
    }

    @Test
    void shouldKeepEveryGiveUpOfAHolderUntilTheCoinsRenewalWindowCloses() {
        final CoinKey coin = v.holder().receive(u.owner().assign(serial, 2));
        final long windowEnd = v.holder().renewalEnd(coin);
        final Peer[] pair = {v, x};
        final int payments = 300;
        for (int i = 0; i < payments; i++) {
            final Peer to = pair[(i + 1) % 2];
            to.holder().receive(pair[i % 2].holder().payViaOwner(coin, to.id(), u.owner()));
        }
        final List<byte[]> kept = v.holder().givenUp();
        assertEquals(payments / 2, kept.size(), "every give-up of v: purges found nothing closed");
        final Instrument scratch = new Instrument(net.suite.signatureLength(), net.maxLayers);
        assertEquals(1, Relinquishment.read(kept.get(0), scratch, null, net.suite, Network.BROKER_ID).seq(),
                "the first is still kept");
        assertEquals(payments - 1, Relinquishment.read(kept.get(kept.size() - 1), scratch, null, net.suite,
                Network.BROKER_ID).seq(), "the newest is kept");

        net.clock.setSeconds(windowEnd + 1);
        assertTrue(v.holder().givenUp().isEmpty(), "once the window has closed the coin is invalid everywhere");
    }

    @Test
    void shouldLetAnOwnerRenewACoinItHoldsWithoutSigningAndAssignItInTheNewWindow() {
        final CoinKey coin = v.holder().receive(u.owner().assign(serial, 2));
        final long end = v.holder().renewalEnd(coin);
        u.holder().receive(v.holder().payViaOwner(coin, 1, u.owner()));
        assertEquals(Reason.WINDOW_NOT_OPEN,
                assertThrows(ProtocolException.class, () -> u.owner().renewHeld(serial)).reason());
        net.clock.setSeconds(u.holder().renewalBegin(coin) + 1);
        u.owner().renewHeld(serial);
        u.holder().drop(coin);
        x.holder().receive(u.owner().assign(serial, 3));
        assertEquals(end + Network.SCHEDULE.periodSeconds(), x.holder().renewalEnd(coin));
        assertEquals(Reason.STALE_SEQUENCE,
                assertThrows(ProtocolException.class, () -> u.owner().renewHeld(serial)).reason());
    }

    @Test
    void shouldCashACoinTheOwnerHoldsAsTheBareCoinAndConvictAHolderThatGaveItBackAndCashesItToo() {
        final CoinKey coin = v.holder().receive(u.owner().assign(serial, 2));
        final byte[] stale = v.holder().instrument(coin);
        u.holder().receive(v.holder().payViaOwner(coin, 1, u.owner()));
        final CashReceipt owners = net.broker.cash(u.owner().cashRequestForHeld(serial));
        assertEquals(NET, owners.payoutCents());
        final CashReceipt cheat = net.broker.cash(new MessageWriter(net.suite).cashRequest(v.keys(),
                net.clock.nowSeconds(), stale, 0, stale.length));
        assertEquals(0, cheat.payoutCents());
        assertEquals(2, cheat.evidence().culprit(), "V's request to give the coin back is in the owner's trail");
        assertEquals(0, net.broker.convictions(1));
        assertEquals(0, net.broker.ledger().imbalanceCents());
    }
}
