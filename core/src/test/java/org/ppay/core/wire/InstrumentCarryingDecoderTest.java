package org.ppay.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The three messages that carry a holder's instrument (reassignment, renewal and cash requests) read it the same way:
 * its type, its bytes, and a flyweight of its kind, refused for the other kind.
 */
class InstrumentCarryingDecoderTest {

    private static final WireFormat FORMAT = new WireFormat(64, 2);

    private final UnsafeBuffer parts = new UnsafeBuffer(new byte[2048]);
    private final UnsafeBuffer wire = new UnsafeBuffer(new byte[2048]);
    private final RawCoinEncoder coin = new RawCoinEncoder(FORMAT).wrap(parts, 0).owner(7).serial(42);
    private final AssignmentEncoder assignment = new AssignmentEncoder(FORMAT).wrap(parts, 200).holder(2).seq(3)
        .timestampSeconds(4).renewalBeginSeconds(5).renewalEndSeconds(6).coin(coin);

    @Test
    void shouldReadTheAssignmentOfAReassignmentRequestAndRefuseALayeredView() {
        int length = new ReassignmentRequestEncoder(FORMAT).wrap(wire, 10).newHolder(9).assignment(assignment)
            .encodedLength();
        ReassignmentRequestDecoder request = new ReassignmentRequestDecoder(FORMAT).wrap(wire, 10, length);
        assertEquals(MessageType.ASSIGNMENT, request.instrumentType());
        assertEquals(10 + ReassignmentRequest.ASSIGNMENT_OFFSET, request.instrumentOffset());
        assertEquals(assignment.encodedLength(), request.instrumentLength());
        assertEquals(42, request.assignment().coinSerial());
        assertEquals(9, request.newHolder());
        assertThrows(IllegalStateException.class, request::layeredCoin);
    }

    @Test
    void shouldReadTheAssignmentOfARenewalRequestAndRefuseALayeredView() {
        int length = new RenewalRequestEncoder(FORMAT).wrap(wire, 0).assignment(assignment).encodedLength();
        RenewalRequestDecoder request = new RenewalRequestDecoder(FORMAT).wrap(wire, 0, length);
        assertEquals(MessageType.ASSIGNMENT, request.instrumentType());
        assertEquals(RenewalRequest.ASSIGNMENT_OFFSET, request.instrumentOffset());
        assertEquals(assignment.encodedLength(), request.instrumentLength());
        assertEquals(3, request.assignment().seq());
        assertThrows(IllegalStateException.class, request::layeredCoin);
    }

    @Test
    void shouldReadABareCoinOfACashRequestAndRefuseEveryOtherView() {
        int length = new CashRequestEncoder(FORMAT).wrap(wire, 0).holder(2).timestampSeconds(8).instrument(coin)
            .encodedLength();
        CashRequestDecoder request = new CashRequestDecoder(FORMAT).wrap(wire, 0, length);
        assertEquals(MessageType.RAW_COIN, request.instrumentType());
        assertEquals(coin.encodedLength(), request.instrumentLength());
        assertEquals(42, request.rawCoin().serial());
        assertThrows(IllegalStateException.class, request::assignment);
        assertThrows(IllegalStateException.class, request::layeredCoin);
        assertThrows(IllegalStateException.class, request::selfPrintedCoin);
    }

    @Test
    void shouldReadTheAssignmentOfACashRequest() {
        int length = new CashRequestEncoder(FORMAT).wrap(wire, 0).holder(2).timestampSeconds(8)
            .instrument(assignment).encodedLength();
        CashRequestDecoder request = new CashRequestDecoder(FORMAT).wrap(wire, 0, length);
        assertEquals(MessageType.ASSIGNMENT, request.instrumentType());
        assertEquals(2, request.assignment().holder());
        assertThrows(IllegalStateException.class, request::rawCoin);
    }
}
