package org.ppay.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;
import org.ppay.core.protocol.Network.Peer;

/** A missing message ({@code null}) is a malformed message at every entry point, never a NullPointerException. */
class NullMessagesTest {

    private Network net;
    private Peer u;
    private Peer v;

    @BeforeEach
    void setUp() {
        net = new Network(TestSuites.ed25519(), 3, 2, new SecureRandom());
        u = net.peer(1);
        v = net.peer(2);
        v.holder().receive(u.owner().assign(u.owner().addRawCoin(net.broker.buyRawCoins(1, 1)[0]), 2));
    }

    private List<Object> snapshot() {
        return List.of(net.broker.ledger(), net.broker.convictions().size(), v.holder().coins(),
                u.owner().relinquishments(1).size());
    }

    private void refusedAsMalformed(String entryPoint, Executable call) {
        final List<Object> before = snapshot();
        final ProtocolException refused = assertThrows(ProtocolException.class, call, entryPoint);
        assertEquals(Reason.MALFORMED, refused.reason(), entryPoint);
        assertEquals(before, snapshot(), entryPoint + " changed state");
    }

    @Test
    void shouldRefuseNullAsMalformedAtEveryRoleEntryPoint() {
        refusedAsMalformed("Holder.receive", () -> v.holder().receive(null));
        refusedAsMalformed("Owner.addRawCoin", () -> u.owner().addRawCoin(null));
        refusedAsMalformed("Owner.addLimitCertificate", () -> u.owner().addLimitCertificate(null));
        refusedAsMalformed("Owner.reassign", () -> u.owner().reassign(null));
        refusedAsMalformed("Owner.peel", () -> u.owner().peel(null));
        refusedAsMalformed("Owner.takeBack", () -> u.owner().takeBack(null));
        refusedAsMalformed("Owner.renew", () -> u.owner().renew(null));
        refusedAsMalformed("Broker.cash", () -> net.broker.cash(null));
        refusedAsMalformed("Broker.reassignForOwner", () -> net.broker.reassignForOwner(null));
        refusedAsMalformed("Broker.renewForOwner", () -> net.broker.renewForOwner(null));
        refusedAsMalformed("Broker.redeemPayword", () -> net.broker.redeemPayword(null, 1, new byte[32]));
        refusedAsMalformed("Broker.redeemLotteryTicket", () -> net.broker.redeemLotteryTicket(null, 10));
    }
}
