package org.ppay.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static void assertGolden(String expectedHex, MessageEncoder encoder) {
        byte[] expected = Hex.bytes(expectedHex);
        assertEquals(expected.length, encoder.encodedLength(), "encoded length");
        assertEquals(Hex.of(expected, 0, expected.length),
            Hex.of(encoder.buffer().byteArray(), encoder.offset(), encoder.encodedLength()));
        assertEquals(encoder.type(), WireMessages.validate(FORMAT, new UnsafeBuffer(expected), 0, expected.length));
    }
}
