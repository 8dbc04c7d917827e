package org.ppay.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.fraud.Evidence;
import org.ppay.core.owner.BrokerLink;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;
import org.ppay.core.protocol.Network.Peer;

/** The broker keeps the downtime requests it served for an owner until the owner says it applied them. */
class StoredRequestsTest {

    private Network net;
    private Peer u;
    private long serial;

    @BeforeEach
    void setUp() {
        net = new Network(TestSuites.ed25519(), 3, 2, new SecureRandom());
        u = net.peer(1);
        serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        final CoinKey coin = net.peer(2).holder().receive(u.owner().assign(serial, 2));
        u.owner().goOffline();
        net.peer(3).holder().receive(net.peer(2).holder().payViaBroker(coin, 3, net.broker));
    }

    @Test
    void shouldKeepStoredRequestsUntilTheOwnerAcknowledgesThem() {
        assertEquals(1, net.broker.storedRequests(1).size());
        assertEquals(1, net.broker.storedRequests(1).size(), "asking again gives them again");

        final ProtocolException tooMany = assertThrows(ProtocolException.class,
                () -> net.broker.acknowledgeStoredRequests(1, 2));
        assertEquals(Reason.INVALID_ARGUMENT, tooMany.reason());
        assertEquals(1, net.broker.storedRequests(1).size(), "a refused acknowledgement drops nothing");

        assertTrue(u.owner().comeOnline().isEmpty());
        assertEquals(3, u.owner().currentHolder(serial), "the owner applied the broker's reassignment");
        assertTrue(net.broker.storedRequests(1).isEmpty(), "applied, acknowledged, forgotten");
    }

    @Test
    void shouldDeliverAgainWhatAnOwnerAppliedButNeverAcknowledged() {
        u.owner().connect(new BrokerLink() {
            @Override
            public List<byte[]> storedRequests(long ownerId) {
                return net.broker.storedRequests(ownerId);
            }

            @Override
            public void acknowledgeStoredRequests(long ownerId, int count) {
                throw new UncheckedIOException(new java.io.IOException("connection reset before the acknowledgement"));
            }

            @Override
            public void reportFraud(Evidence evidence) {
                net.broker.reportFraud(evidence);
            }
        });
        assertThrows(UncheckedIOException.class, () -> u.owner().comeOnline());
        assertEquals(1, net.broker.storedRequests(1).size(), "the broker still holds what it was never told");

        u.owner().connect(net.broker);
        assertTrue(u.owner().comeOnline().isEmpty(), "the request applied before is no fraud when it comes again");
        assertEquals(3, u.owner().currentHolder(serial));
        assertTrue(net.broker.storedRequests(1).isEmpty());
        assertTrue(net.broker.convictions().isEmpty());
        assertEquals(0, u.owner().unappliedStoredRequests(), "the second delivery is a replay, not a stale request");
    }
}
