package org.ppay.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Each message's bytes, written out by hand from the layouts: a change to the wire format must change these.
 * A signature length of 4 keeps them readable; signatures are fixed counting patterns (b0.., c0.., ...).
 */
class GoldenBytesTest {

    private static final WireFormat FORMAT = new WireFormat(4, 3);

    static final String RAW_COIN = "01 01 0807060504030201 1817161514131211 b0b1b2b3";
    static final String LIMIT_CERTIFICATE =
        "02 01 0807060504030201 0001000000000000 ff01000000000000 c0c1c2c3";
    static final String SELF_PRINTED_COIN = "03 01 8001000000000000" + LIMIT_CERTIFICATE + "d0d1d2d3";
    static final String ASSIGNMENT_FIELDS = "01 2827262524232221 07000000 00000065 00010065 00000165";
    static final String ASSIGNMENT = "04" + ASSIGNMENT_FIELDS + RAW_COIN + "e0e1e2e3";
    static final String BROKER_ASSIGNMENT = "05" + ASSIGNMENT_FIELDS + SELF_PRINTED_COIN + "e0e1e2e3";
    static final String REASSIGNMENT_REQUEST = "06 01 3837363534333231" + ASSIGNMENT + "f0f1f2f3";

    static final String LAYERED_COIN = "07 01 4847464544434241 2827262524232221 08000000" + ASSIGNMENT + "90919293";
    static final String RENEWAL_REQUEST = "08 01" + ASSIGNMENT + "a0a1a2a3";
    /** Section 6.3: a coin at Max Layers given up to the broker whole, its layer inside the request. */
    static final String REASSIGNMENT_REQUEST_OF_LAYERED_COIN = "06 01 3837363534333231" + LAYERED_COIN + "f0f1f2f3";
    static final String RENEWAL_REQUEST_OF_LAYERED_COIN = "08 01" + LAYERED_COIN + "a0a1a2a3";
    static final String CASH_REQUEST = "09 01 4847464544434241 00000265" + LAYERED_COIN + "80818283";
    static final String PAYWORD_COMMITMENT = "0a 01 0807060504030201 1817161514131211"
        + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f e8030000 00000365 70717273";
    static final String LOTTERY_TICKET =
        "0b 01 0807060504030201 1817161514131211 2827262524232221 00000465 60616263";

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);

    @Test
    void shouldEncodeRawCoinToGoldenBytes() {
        assertGolden(RAW_COIN, rawCoin(buffer, 0));
    }

    @Test
    void shouldEncodeLimitCertificateToGoldenBytes() {
        assertGolden(LIMIT_CERTIFICATE, limitCertificate(buffer, 0));
    }

    @Test
    void shouldEncodeSelfPrintedCoinToGoldenBytes() {
        assertGolden(SELF_PRINTED_COIN, selfPrintedCoin(buffer, 0, 200));
    }

    @Test
    void shouldEncodeAssignmentOfRawCoinToGoldenBytes() {
        assertGolden(ASSIGNMENT, assignment(buffer, 0, 300, false));
    }

    @Test
    void shouldEncodeBrokerAssignmentOfSelfPrintedCoinToGoldenBytes() {
        assertGolden(BROKER_ASSIGNMENT, assignment(buffer, 0, 300, true));
    }

    @Test
    void shouldEncodeReassignmentRequestToGoldenBytes() {
        MessageEncoder assignment = assignment(buffer, 300, 400, false);
        ReassignmentRequestEncoder request = new ReassignmentRequestEncoder(FORMAT).wrap(buffer, 0)
            .newHolder(0x3132333435363738L)
            .assignment(assignment);
        request.putSignature(Hex.signaturePattern(FORMAT, 0xf0), 0);
        assertGolden(REASSIGNMENT_REQUEST, request);
    }

    @Test
    void shouldEncodeLayeredCoinToGoldenBytes() {
        assertGolden(LAYERED_COIN, layeredCoin(buffer, 0, 300));
    }

    @Test
    void shouldEncodeRenewalRequestToGoldenBytes() {
        RenewalRequestEncoder request = new RenewalRequestEncoder(FORMAT).wrap(buffer, 0)
            .assignment(assignment(buffer, 300, 400, false));
        request.putSignature(Hex.signaturePattern(FORMAT, 0xa0), 0);
        assertGolden(RENEWAL_REQUEST, request);
    }

    @Test
    void shouldEncodeReassignmentRequestOfLayeredCoinToGoldenBytes() {
        ReassignmentRequestEncoder request = new ReassignmentRequestEncoder(FORMAT).wrap(buffer, 0)
            .newHolder(0x3132333435363738L)
            .assignment(layeredCoin(buffer, 200, 300));
        request.putSignature(Hex.signaturePattern(FORMAT, 0xf0), 0);
        assertGolden(REASSIGNMENT_REQUEST_OF_LAYERED_COIN, request);
    }

    @Test
    void shouldEncodeRenewalRequestOfLayeredCoinToGoldenBytes() {
        RenewalRequestEncoder request = new RenewalRequestEncoder(FORMAT).wrap(buffer, 0)
            .assignment(layeredCoin(buffer, 200, 300));
        request.putSignature(Hex.signaturePattern(FORMAT, 0xa0), 0);
        assertGolden(RENEWAL_REQUEST_OF_LAYERED_COIN, request);
    }

    @Test
    void shouldDecodeGoldenLayeredReassignmentRequestDownToTheCoin() {
        byte[] bytes = Hex.bytes(REASSIGNMENT_REQUEST_OF_LAYERED_COIN);
        ReassignmentRequestDecoder request = new ReassignmentRequestDecoder(FORMAT)
            .wrap(new UnsafeBuffer(bytes), 0, bytes.length);
        assertEquals(0x3132333435363738L, request.newHolder());
        assertEquals(MessageType.LAYERED_COIN, request.instrumentType());
        assertEquals(Hex.bytes(LAYERED_COIN).length, request.instrumentLength());
        LayeredCoinDecoder layered = request.layeredCoin();
        assertEquals(8, layered.seq());
        assertEquals(7, layered.innerAssignment().seq());
        assertThrows(IllegalStateException.class, request::assignment);
    }

    @Test
    void shouldDecodeGoldenLayeredRenewalRequestDownToTheCoin() {
        byte[] bytes = Hex.bytes(RENEWAL_REQUEST_OF_LAYERED_COIN);
        RenewalRequestDecoder request = new RenewalRequestDecoder(FORMAT).wrap(new UnsafeBuffer(bytes), 0,
            bytes.length);
        assertEquals(MessageType.LAYERED_COIN, request.instrumentType());
        assertEquals(0x4142434445464748L, request.layeredCoin().to());
        assertThrows(IllegalStateException.class, request::assignment);
    }

    @Test
    void shouldRefuseARequestWhoseLayeredCoinHasMoreThanTheMaximumLayers() {
        WireFormat oneLayer = new WireFormat(4, 1);
        byte[] layer = Hex.bytes(LAYERED_COIN);
        UnsafeBuffer twoLayers = new UnsafeBuffer(new byte[512]);
        LayeredCoinEncoder outer = new LayeredCoinEncoder(FORMAT).wrap(twoLayers, 0).to(1).from(0x4142434445464748L)
            .seq(9).inner(new UnsafeBuffer(layer), 0, layer.length);
        outer.putSignature(Hex.signaturePattern(FORMAT, 0x50), 0);
        ReassignmentRequestEncoder request = new ReassignmentRequestEncoder(FORMAT).wrap(buffer, 0).newHolder(2)
            .assignment(twoLayers, 0, outer.encodedLength());
        request.putSignature(Hex.signaturePattern(FORMAT, 0xf0), 0);
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
            () -> WireMessages.validate(oneLayer, buffer, 0, request.encodedLength()));
        assertTrue(e.getMessage().contains("maximum of 1 layers"), e.getMessage());
    }

    @Test
    void shouldEncodeCashRequestOfLayeredCoinToGoldenBytes() {
        CashRequestEncoder request = new CashRequestEncoder(FORMAT).wrap(buffer, 0)
            .holder(0x4142434445464748L)
            .timestampSeconds(0x65020000L)
            .instrument(layeredCoin(buffer, 200, 300));
        request.putSignature(Hex.signaturePattern(FORMAT, 0x80), 0);
        assertGolden(CASH_REQUEST, request);
    }

    @Test
    void shouldEncodePaywordCommitmentToGoldenBytes() {
        byte[] root = new byte[PaywordCommitment.ROOT_LENGTH];
        for (int i = 0; i < root.length; i++) {
            root[i] = (byte) i;
        }
        PaywordCommitmentEncoder commitment = new PaywordCommitmentEncoder(FORMAT).wrap(buffer, 0)
            .payer(0x0102030405060708L)
            .vendor(0x1112131415161718L)
            .root(root, 0)
            .chainLength(1000)
            .expirySeconds(0x65030000L);
        commitment.putSignature(Hex.signaturePattern(FORMAT, 0x70), 0);
        assertGolden(PAYWORD_COMMITMENT, commitment);
    }

    @Test
    void shouldEncodeLotteryTicketToGoldenBytes() {
        LotteryTicketEncoder ticket = new LotteryTicketEncoder(FORMAT).wrap(buffer, 0)
            .payer(0x0102030405060708L)
            .payee(0x1112131415161718L)
            .serial(0x2122232425262728L)
            .timestampSeconds(0x65040000L);
        ticket.putSignature(Hex.signaturePattern(FORMAT, 0x60), 0);
        assertGolden(LOTTERY_TICKET, ticket);
    }

    @Test
    void shouldEncodeRawCoinWithAnEd25519SizedSignature() {
        WireFormat ed25519 = new WireFormat(64, 2);
        RawCoinEncoder coin = new RawCoinEncoder(ed25519).wrap(buffer, 0).owner(0x0102030405060708L)
            .serial(0x1112131415161718L);
        coin.putSignature(Hex.signaturePattern(ed25519, 0x00), 0);
        assertEquals("0101 0807060504030201 1817161514131211".replace(" ", "")
                + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
                + "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
            Hex.of(buffer.byteArray(), 0, coin.encodedLength()));
    }

    @Test
    void shouldDecodeGoldenCashRequestDownToTheCoin() {
        byte[] bytes = Hex.bytes(CASH_REQUEST);
        CashRequestDecoder request = new CashRequestDecoder(FORMAT).wrap(new UnsafeBuffer(bytes), 0, bytes.length);
        assertEquals(0x4142434445464748L, request.holder());
        assertEquals(0x65020000L, request.timestampSeconds());
        LayeredCoinDecoder layered = request.layeredCoin();
        assertEquals(1, layered.layers());
        assertEquals(0x4142434445464748L, layered.to());
        assertEquals(0x2122232425262728L, layered.from());
        assertEquals(8, layered.seq());
        AssignmentDecoder assignment = layered.innerAssignment();
        assertEquals(7, assignment.seq());
        assertEquals(0x1112131415161718L, assignment.rawCoin().serial());
    }

    @Test
    void shouldDecodeGoldenAssignmentFields() {
        byte[] bytes = Hex.bytes(BROKER_ASSIGNMENT);
        AssignmentDecoder decoder = new AssignmentDecoder(FORMAT).wrap(new UnsafeBuffer(bytes), 0, bytes.length);
        assertEquals(MessageType.BROKER_ASSIGNMENT, decoder.type());
        assertEquals(0x2122232425262728L, decoder.holder());
        assertEquals(7, decoder.seq());
        assertEquals(0x65000000L, decoder.timestampSeconds());
        assertEquals(0x65000100L, decoder.renewalBeginSeconds());
        assertEquals(0x65010000L, decoder.renewalEndSeconds());
        assertEquals(MessageType.SELF_PRINTED_COIN, decoder.coinType());
        assertEquals(0x180L, decoder.coinSerial());
        assertEquals(0x0102030405060708L, decoder.coinOwner());
        assertEquals(0x1ffL, decoder.selfPrintedCoin().limitCertificate().serialHigh());
    }

    static MessageEncoder rawCoin(UnsafeBuffer buffer, int offset) {
        RawCoinEncoder coin = new RawCoinEncoder(FORMAT).wrap(buffer, offset)
            .owner(0x0102030405060708L)
            .serial(0x1112131415161718L);
        coin.putSignature(Hex.signaturePattern(FORMAT, 0xb0), 0);
        return coin;
    }

    static MessageEncoder limitCertificate(UnsafeBuffer buffer, int offset) {
        LimitCertificateEncoder certificate = new LimitCertificateEncoder(FORMAT).wrap(buffer, offset)
            .owner(0x0102030405060708L)
            .serialLow(0x100L)
            .serialHigh(0x1ffL);
        certificate.putSignature(Hex.signaturePattern(FORMAT, 0xc0), 0);
        return certificate;
    }

    static MessageEncoder selfPrintedCoin(UnsafeBuffer buffer, int offset, int scratchOffset) {
        SelfPrintedCoinEncoder coin = new SelfPrintedCoinEncoder(FORMAT).wrap(buffer, offset)
            .serial(0x180L)
            .limitCertificate(limitCertificate(buffer, scratchOffset));
        coin.putSignature(Hex.signaturePattern(FORMAT, 0xd0), 0);
        return coin;
    }

    static MessageEncoder assignment(UnsafeBuffer buffer, int offset, int scratchOffset, boolean byBroker) {
        AssignmentEncoder assignment = new AssignmentEncoder(FORMAT);
        if (byBroker) {
            assignment.wrapBrokerAssignment(buffer, offset);
        } else {
            assignment.wrap(buffer, offset);
        }
        assignment.holder(0x2122232425262728L)
            .seq(7)
            .timestampSeconds(0x65000000L)
            .renewalBeginSeconds(0x65000100L)
            .renewalEndSeconds(0x65010000L)
            .coin(byBroker ? selfPrintedCoin(buffer, scratchOffset, scratchOffset + 100) : rawCoin(buffer, scratchOffset));
        assignment.putSignature(Hex.signaturePattern(FORMAT, 0xe0), 0);
        return assignment;
    }

    static MessageEncoder layeredCoin(UnsafeBuffer buffer, int offset, int scratchOffset) {
        LayeredCoinEncoder layer = new LayeredCoinEncoder(FORMAT).wrap(buffer, offset)
            .to(0x4142434445464748L)
            .from(0x2122232425262728L)
            .seq(8)
            .inner(assignment(buffer, scratchOffset, scratchOffset + 100, false));
        layer.putSignature(Hex.signaturePattern(FORMAT, 0x90), 0);
        return layer;
    }

    private static void assertGolden(String expectedHex, MessageEncoder encoder) {
        byte[] expected = Hex.bytes(expectedHex);
        assertEquals(expected.length, encoder.encodedLength(), "encoded length");
        assertEquals(Hex.of(expected, 0, expected.length),
            Hex.of(encoder.buffer().byteArray(), encoder.offset(), encoder.encodedLength()));
        assertEquals(encoder.type(), WireMessages.validate(FORMAT, new UnsafeBuffer(expected), 0, expected.length));
    }
}
