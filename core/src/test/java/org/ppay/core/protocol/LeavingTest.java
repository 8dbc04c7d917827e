package org.ppay.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;
import org.ppay.core.protocol.Network.Peer;

/** Section 4.2: a leaving peer's coins are recalled; its deposit comes back when it did not cheat. */
class LeavingTest {

    private final Network net = new Network(TestSuites.ed25519(), 3, 2, new SecureRandom());
    private final long coinValue = Network.TARIFF.coinValueCents();
    private final long fee = Network.TARIFF.cashFeeCents();

    @Test
    void shouldReturnDepositAndUnspentCoinsToAnHonestPeerAfterTheRecall() {
        final Peer u = net.peer(1);
        final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 3)[0]);
        final CoinKey coin = net.peer(2).holder().receive(u.owner().assign(serial, 2));
        net.broker.requestLeave(1);
        assertEquals(Reason.ACCOUNT_STATE, assertThrows(ProtocolException.class, () -> net.broker.closeAccount(1))
                .reason(), "not before the recall is over");
        assertEquals(coinValue - fee, net.peer(2).holder().cash(coin, net.broker).payoutCents(),
                "holders cash the recalled coins");
        net.clock.advanceSeconds(Network.TARIFF.recallSeconds());
        assertEquals(Network.DEPOSIT_CENTS + 2 * coinValue, net.broker.closeAccount(1),
                "deposit plus the two coins never spent");
        assertEquals(0, net.broker.ledger().imbalanceCents());
        assertEquals(Reason.ACCOUNT_STATE, assertThrows(ProtocolException.class,
                () -> net.broker.buyRawCoins(1, 1)).reason());
    }

    @Test
    void shouldKeepTheDepositOfAConvictedPeer() {
        final Peer u = net.peer(1);
        final long serial = u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]);
        final byte[] bare = u.owner().coin(serial);
        final CoinKey coin = net.peer(2).holder().receive(u.owner().assign(serial, 2));
        final long begin = net.peer(2).holder().renewalBegin(coin);
        net.peer(3).holder().receive(new org.ppay.core.coin.MessageWriter(net.suite).assignment(u.keys(), false, 3,
                1, net.clock.nowSeconds(), begin, begin + Network.SCHEDULE.windowSeconds(), bare, 0, bare.length));
        net.peer(2).holder().cash(coin, net.broker);
        net.peer(3).holder().cash(coin, net.broker);
        net.broker.requestLeave(1);
        net.clock.advanceSeconds(Network.TARIFF.recallSeconds());
        assertEquals(0, net.broker.closeAccount(1), "the deposit left after the fake coin and penalty is forfeit");
        assertEquals(0, net.broker.ledger().imbalanceCents());
    }
}
