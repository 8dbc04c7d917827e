package org.ppay.bench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ppay.core.broker.Broker;
import org.ppay.core.broker.CashReceipt;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.holder.Holder;
import org.ppay.core.peer.ProtocolException;

/** The renewed roles the replayed pools rely on: a signed input is new to them, as it was to the first. */
class ProtocolWorldTest {

    private final ProtocolWorld world = new ProtocolWorld(SignatureSuite.of("ed25519-jdk"));
    private final MessageWriter writer = new MessageWriter(world.suite);

    ProtocolWorldTest() {
        world.owner.addLimitCertificate(world.broker.buyLimitCertificate(ProtocolWorld.OWNER, 100));
    }

    @AfterEach
    void close() {
        world.close();
    }

    private byte[] assignment() {
        return world.owner.assign(world.owner.printCoin(), ProtocolWorld.HOLDER_V);
    }

    private byte[] cashRequest() {
        return world.cashRequest(writer);
    }

    @Test
    void shouldPayACashRequestAgainAsAFirstCashOnAFreshBroker() {
        byte[] request = cashRequest();
        Broker first = world.freshBroker();
        CashReceipt paid = first.cash(request);
        assertThrows(ProtocolException.class, () -> first.cash(request));

        CashReceipt again = world.freshBroker().cash(request);

        assertNull(again.evidence());
        assertEquals(paid.payoutCents(), again.payoutCents());
        assertTrue(again.payoutCents() > 0);
    }

    @Test
    void shouldChargeADowntimeReassignmentAgainOnAFreshBroker() {
        byte[] assignment = assignment();
        byte[] request = writer.reassignmentRequest(world.holderVKeys, ProtocolWorld.HOLDER_X, assignment, 0,
                assignment.length);
        Broker first = world.freshBroker();
        first.reassignForOwner(request);
        long revenue = first.ledger().revenueCents();
        first.reassignForOwner(request);   // the same request again: answered from the broker's records, free
        assertEquals(revenue, first.ledger().revenueCents());

        Broker fresh = world.freshBroker();
        fresh.reassignForOwner(request);

        assertEquals(2 * ProtocolWorld.TARIFF.downtimeFeeCents(), fresh.ledger().revenueCents());
    }

    @Test
    void shouldLetAFreshHolderTakeAnAssignmentTheLastOneHolds() {
        byte[] assignment = assignment();
        Holder first = world.freshHolderV();
        CoinKey coin = first.receive(assignment);
        assertThrows(ProtocolException.class, () -> first.receive(assignment));

        Holder fresh = world.freshHolderV();

        assertEquals(coin, fresh.receive(assignment));
        assertTrue(fresh.holds(coin));
    }

    @Test
    void shouldKeepTheWorldsBrokerApartFromFreshOnes() {
        byte[] request = cashRequest();
        world.freshBroker().cash(request);

        assertNull(world.broker.cash(request).evidence());
    }

    @Test
    void shouldGiveAnRsaWorldKeysItsOwnSuiteSignsAndChecksWith() {
        try (ProtocolWorld rsa = new ProtocolWorld(SignatureSuite.of("rsa2048-jdk"))) {
            rsa.owner.addLimitCertificate(rsa.broker.buyLimitCertificate(ProtocolWorld.OWNER, 10));
            byte[] request = rsa.cashRequest(new MessageWriter(rsa.suite));

            // three signatures made with the imported keys, checked by the suite's own provider
            assertTrue(rsa.freshBroker().cash(request).payoutCents() > 0);
        }
    }
}
