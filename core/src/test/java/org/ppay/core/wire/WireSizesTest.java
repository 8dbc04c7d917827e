package org.ppay.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sizes the calibration charges for bandwidth are the sizes the encoders write. */
class WireSizesTest {

    @ParameterizedTest
    @ValueSource(ints = {64, 256})
    void shouldMatchTheDocumentedFormulas(int s) {
        WireFormat format = new WireFormat(s, 2);
        assertEquals(18 + s, WireSizes.rawCoin(format));
        assertEquals(26 + s, WireSizes.limitCertificate(format));
        assertEquals(36 + 2 * s, WireSizes.selfPrintedCoin(format));
        assertEquals(44 + 2 * s, WireSizes.assignmentOfRawCoin(format));
        assertEquals(62 + 3 * s, WireSizes.assignmentOfSelfPrintedCoin(format));
        assertEquals(54 + 3 * s, WireSizes.reassignmentRequest(format, false));
        assertEquals(46 + 3 * s, WireSizes.renewalRequest(format, false));
        assertEquals(44 + 2 * s + 2 * (22 + s), WireSizes.layeredCoin(format, false, 2));
        assertEquals(14 + 18 + 2 * s, WireSizes.cashRequest(format, WireSizes.rawCoin(format)));
        assertEquals(58 + s, WireSizes.paywordCommitment(format));
        assertEquals(30 + s, WireSizes.lotteryTicket(format));
        assertThrows(IllegalArgumentException.class, () -> WireSizes.layeredCoin(format, false, 3));
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 256})
    void shouldEqualTheLengthsTheEncodersWrite(int s) {
        WireFormat format = new WireFormat(s, 2);
        RandomMessages random = new RandomMessages(format, s);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[16 * 1024]);
        assertEquals(WireSizes.rawCoin(format), random.write(MessageType.RAW_COIN, buffer, 0));
        assertEquals(WireSizes.limitCertificate(format), random.write(MessageType.LIMIT_CERTIFICATE, buffer, 0));
        assertEquals(WireSizes.selfPrintedCoin(format), random.write(MessageType.SELF_PRINTED_COIN, buffer, 0));
        assertEquals(WireSizes.paywordCommitment(format), random.write(MessageType.PAYWORD_COMMITMENT, buffer, 0));
        assertEquals(WireSizes.lotteryTicket(format), random.write(MessageType.LOTTERY_TICKET, buffer, 0));
        for (MessageType type : new MessageType[] {MessageType.ASSIGNMENT, MessageType.REASSIGNMENT_REQUEST,
            MessageType.RENEWAL_REQUEST}) {
            for (int i = 0; i < 24; i++) {
                int length = random.write(type, buffer, 0);
                LayeredCoinDecoder layered = layeredIn(format, type, buffer, length);
                AssignmentDecoder assignment = layered != null ? layered.innermostAssignment()
                    : assignmentIn(format, type, buffer, length);
                boolean selfPrinted = assignment.coinType() == MessageType.SELF_PRINTED_COIN;
                int layers = layered == null ? 0 : layered.layers();
                int expected = type == MessageType.ASSIGNMENT ? WireSizes.assignment(format, selfPrinted)
                    : type == MessageType.REASSIGNMENT_REQUEST
                    ? WireSizes.reassignmentRequest(format, selfPrinted, layers)
                    : WireSizes.renewalRequest(format, selfPrinted, layers);
                assertEquals(expected, length, type + " with " + layers + " layers");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 256})
    void shouldSizeRequestsOfLayeredCoinsAsTheAssignmentPlusEachLayer(int s) {
        WireFormat format = new WireFormat(s, 2);
        for (int layers = 0; layers <= 2; layers++) {
            assertEquals(54 + 3 * s + layers * (22 + s), WireSizes.reassignmentRequest(format, false, layers));
            assertEquals(46 + 3 * s + layers * (22 + s), WireSizes.renewalRequest(format, false, layers));
            assertEquals(72 + 4 * s + layers * (22 + s), WireSizes.reassignmentRequest(format, true, layers));
        }
        assertThrows(IllegalArgumentException.class, () -> WireSizes.renewalRequest(format, false, 3));
    }

    private static LayeredCoinDecoder layeredIn(WireFormat format, MessageType type, UnsafeBuffer buffer,
                                                int length) {
        if (type == MessageType.REASSIGNMENT_REQUEST) {
            ReassignmentRequestDecoder request = new ReassignmentRequestDecoder(format).wrap(buffer, 0, length);
            return request.instrumentType() == MessageType.LAYERED_COIN ? request.layeredCoin() : null;
        }
        if (type == MessageType.RENEWAL_REQUEST) {
            RenewalRequestDecoder request = new RenewalRequestDecoder(format).wrap(buffer, 0, length);
            return request.instrumentType() == MessageType.LAYERED_COIN ? request.layeredCoin() : null;
        }
        return null;
    }

    private static AssignmentDecoder assignmentIn(WireFormat format, MessageType type, UnsafeBuffer buffer,
                                                  int length) {
        switch (type) {
            case ASSIGNMENT:
                return new AssignmentDecoder(format).wrap(buffer, 0, length);
            case REASSIGNMENT_REQUEST:
                return new ReassignmentRequestDecoder(format).wrap(buffer, 0, length).assignment();
            default:
                return new RenewalRequestDecoder(format).wrap(buffer, 0, length).assignment();
        }
    }
}
