package org.ppay.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.credit.LotteryTickets;
import org.ppay.core.credit.PaywordChain;
import org.ppay.core.credit.PaywordReceiver;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;

class CreditRedemptionTest {

    private final Network net = new Network(TestSuites.ed25519(), 2, 2, new SecureRandom());
    private final MessageWriter writer = new MessageWriter(TestSuites.ed25519());

    @Test
    void shouldPayTheVendorForAPartialChainAndOnlyTheDifferenceLater() {
        final byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 7);
        final PaywordChain chain = new PaywordChain(seed, 20);
        final byte[] commitment = writer.paywordCommitment(net.peer(1).keys(), 2, chain.root(), 20,
                net.clock.nowSeconds() + 3_600);
        final PaywordReceiver vendor = PaywordReceiver.fromCommitment(commitment, 2, net.directory, TestSuites.ed25519(),
                net.clock.nowSeconds());
        for (int i = 1; i <= 7; i++) {
            vendor.accept(i, chain.payword(i));
        }
        final long unit = Network.TARIFF.paywordUnitCents();
        assertEquals(7 * unit, net.broker.redeemPayword(commitment, vendor.paidUnits(), vendor.lastWord()));
        vendor.accept(8, chain.payword(8));
        vendor.accept(9, chain.payword(9));
        assertEquals(2 * unit, net.broker.redeemPayword(commitment, 9, vendor.lastWord()));
        assertEquals(Reason.REPLAYED, assertThrows(ProtocolException.class,
                () -> net.broker.redeemPayword(commitment, 9, chain.payword(9))).reason());
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(ProtocolException.class,
                () -> net.broker.redeemPayword(commitment, 12, chain.payword(11))).reason());
        assertEquals(9 * unit, net.broker.balanceCents(2));
        assertEquals(0, net.broker.ledger().imbalanceCents());
    }

    @Test
    void shouldRefuseAForgedOrMisaddressedCommitment() {
        final PaywordChain chain = new PaywordChain(new byte[32], 5);
        final byte[] commitment = writer.paywordCommitment(net.peer(1).keys(), 2, chain.root(), 5,
                net.clock.nowSeconds() + 60);
        final byte[] forged = commitment.clone();
        forged[20] ^= 1;
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(ProtocolException.class, () -> PaywordReceiver.fromCommitment(
                forged, 2, net.directory, TestSuites.ed25519(), net.clock.nowSeconds())).reason());
        assertEquals(Reason.WRONG_RECIPIENT, assertThrows(ProtocolException.class,
                () -> PaywordReceiver.fromCommitment(commitment, 1, net.directory, TestSuites.ed25519(),
                        net.clock.nowSeconds())).reason());
        net.clock.advanceSeconds(61);
        assertEquals(Reason.EXPIRED, assertThrows(ProtocolException.class,
                () -> net.broker.redeemPayword(commitment, 1, chain.payword(1))).reason());
    }

    @Test
    void shouldLetOneTicketInSWinAndPreserveTheExpectedValue() {
        final int tickets = 4_000;
        final long s = 10;
        long paid = 0;
        int wins = 0;
        for (int serial = 0; serial < tickets; serial++) {
            final byte[] ticket = writer.lotteryTicket(net.peer(1).keys(), 2, serial, net.clock.nowSeconds());
            final long cents = net.broker.redeemLotteryTicket(ticket, s);
            assertEquals(LotteryTickets.wins(ticket, s), cents > 0, "the broker and anyone agree on the draw");
            paid += cents;
            wins += cents > 0 ? 1 : 0;
        }
        // 1 in 10 over 4000 tickets: mean 400, standard deviation 19; 5 sigma either side
        assertTrue(wins > 305 && wins < 495, "wins " + wins);
        assertEquals(wins * s * Network.TARIFF.paywordUnitCents(), paid);
        final byte[] again = writer.lotteryTicket(net.peer(1).keys(), 2, 0, net.clock.nowSeconds());
        assertEquals(Reason.REPLAYED, assertThrows(ProtocolException.class,
                () -> net.broker.redeemLotteryTicket(again, s)).reason());
        assertEquals(0, net.broker.ledger().imbalanceCents());
    }
}
