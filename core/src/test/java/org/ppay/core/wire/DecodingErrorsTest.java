package org.ppay.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Each kind of malformed input gets an exception naming the type, the offset and the problem. */
class DecodingErrorsTest {

    private static final WireFormat FORMAT = new WireFormat(4, 3);

    @Test
    void shouldNameAnUnknownType() {
        byte[] bytes = Hex.bytes("7f01 0000");
        MalformedMessageException e = decodeFails(bytes);
        assertEquals(0x7f, e.typeCode());
        assertTrue(e.messageType().isEmpty());
        assertEquals("message of unknown type 0x7f at offset 0: unknown message type 0x7f", e.getMessage());
    }

    @Test
    void shouldNameAnUnsupportedVersion() {
        byte[] bytes = Hex.bytes(GoldenBytesTest.RAW_COIN);
        bytes[1] = 2;
        MalformedMessageException e = decodeFails(bytes);
        assertEquals(MessageType.RAW_COIN, e.messageType().orElseThrow());
        assertTrue(e.problem().contains("unsupported version 2"), e.problem());
    }

    @Test
    void shouldNameAnEmbeddedVersionErrorAtItsOffset() {
        byte[] bytes = Hex.bytes(GoldenBytesTest.REASSIGNMENT_REQUEST);
        int coinOffset = ReassignmentRequest.ASSIGNMENT_OFFSET + Assignment.COIN_OFFSET;
        bytes[coinOffset + 1] = 0;
        MalformedMessageException e = decodeFails(bytes);
        assertEquals(MessageType.RAW_COIN, e.messageType().orElseThrow());
        assertEquals(coinOffset, e.offset());
    }

    @Test
    void shouldRejectAnEmbeddedMessageOfATypeNotAllowedThere() {
        byte[] bytes = Hex.bytes(GoldenBytesTest.ASSIGNMENT);
        bytes[Assignment.COIN_OFFSET] = (byte) MessageType.LIMIT_CERTIFICATE.code();
        MalformedMessageException e = decodeFails(bytes);
        assertEquals(MessageType.LIMIT_CERTIFICATE, e.messageType().orElseThrow());
        assertEquals(Assignment.COIN_OFFSET, e.offset());
        assertEquals("LIMIT_CERTIFICATE is not allowed here; expected one of RAW_COIN, SELF_PRINTED_COIN",
            e.problem());
    }

    @Test
    void shouldRejectAMessageOfAnotherTypeThanTheDecoderReads() {
        byte[] bytes = Hex.bytes(GoldenBytesTest.RAW_COIN);
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
            () -> new AssignmentDecoder(FORMAT).wrap(new UnsafeBuffer(bytes), 0, bytes.length));
        assertTrue(e.problem().contains("expected one of ASSIGNMENT, BROKER_ASSIGNMENT"), e.problem());
    }

    @Test
    void shouldNameTruncationWithTheSignatureLength() {
        byte[] bytes = Hex.bytes(GoldenBytesTest.RAW_COIN);
        UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
            () -> new RawCoinDecoder(FORMAT).wrap(buffer, 0, bytes.length - 1));
        assertEquals("RAW_COIN at offset 0: truncated: needs at least 22 bytes with signature length 4, only 21"
            + " available", e.getMessage());
    }

    @Test
    void shouldLeaveADecoderOnItsPreviousMessageWhenWrapFails() {
        byte[] good = Hex.bytes(GoldenBytesTest.RAW_COIN);
        RawCoinDecoder decoder = new RawCoinDecoder(FORMAT).wrap(new UnsafeBuffer(good), 0, good.length);
        byte[] bad = good.clone();
        bad[0] = 0x03;
        assertThrows(MalformedMessageException.class, () -> decoder.wrap(new UnsafeBuffer(bad), 0, bad.length));
        assertEquals(0x1112131415161718L, decoder.serial());
        assertEquals(good.length, decoder.encodedLength());
    }

    @Test
    void shouldRejectARangeOutsideTheBufferAsAnArgumentError() {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[10]);
        assertThrows(IllegalArgumentException.class, () -> WireMessages.validate(FORMAT, buffer, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> WireMessages.validate(FORMAT, buffer, -1, 2));
        assertThrows(IllegalArgumentException.class,
            () -> WireMessages.validate(FORMAT, buffer, 2, Integer.MAX_VALUE));
    }

    @Test
    void shouldRefuseToEmbedAMessageOfTheWrongType() {
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[512]);
        MessageEncoder certificate = GoldenBytesTest.limitCertificate(scratch, 0);
        AssignmentEncoder assignment = new AssignmentEncoder(FORMAT).wrap(new UnsafeBuffer(new byte[512]), 0);
        assertThrows(MalformedMessageException.class, () -> assignment.coin(certificate));
        assertThrows(IllegalStateException.class, assignment::encodedLength);
    }

    @Test
    void shouldRefuseUnsignedFieldsOutOfRange() {
        AssignmentEncoder assignment = new AssignmentEncoder(FORMAT).wrap(new UnsafeBuffer(new byte[512]), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> assignment.seq(-1));
        assertTrue(e.getMessage().startsWith("seq must be an unsigned 32-bit value"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> assignment.timestampSeconds(0x1_0000_0000L));
        assignment.renewalEndSeconds(0xFFFF_FFFFL);
    }

    @Test
    void shouldPeekAtTheTypeToDispatchWithoutReadingFurther() {
        byte[] bytes = Hex.bytes(GoldenBytesTest.LOTTERY_TICKET);
        assertEquals(MessageType.LOTTERY_TICKET, WireMessages.peekType(new UnsafeBuffer(bytes), 0, 2));
        bytes[1] = 9;
        assertThrows(MalformedMessageException.class,
            () -> WireMessages.peekType(new UnsafeBuffer(bytes), 0, bytes.length));
        assertThrows(MalformedMessageException.class, () -> WireMessages.peekType(new UnsafeBuffer(bytes), 0, 1));
    }

    @Test
    void shouldRefuseAnInvalidWireFormat() {
        assertThrows(IllegalArgumentException.class, () -> new WireFormat(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new WireFormat(64, -1));
        assertThrows(IllegalArgumentException.class,
            () -> new WireFormat(64, WireFormat.MAX_LAYERS_LIMIT + 1));
        assertEquals(new WireFormat(256, 1), WireFormat.of(org.ppay.core.crypto.SignatureAlgorithm.RSA2048, 1));
        assertEquals(new WireFormat(64, 0), WireFormat.of(org.ppay.core.crypto.SignatureSuite.of("ed25519-jdk"), 0));
    }

    private static MalformedMessageException decodeFails(byte[] bytes) {
        return assertThrows(MalformedMessageException.class,
            () -> WireMessages.validate(FORMAT, new UnsafeBuffer(bytes), 0, bytes.length));
    }
}
