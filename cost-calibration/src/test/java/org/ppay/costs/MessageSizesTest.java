package org.ppay.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MessageSizesTest {

    @Test
    void shouldTakeTheSignatureLengthFromTheSuitesAlgorithm() {
        assertEquals(64, MessageSizes.signatureLength("ed25519-bc"));
        assertEquals(64, MessageSizes.signatureLength("ecdsa-p256-conscrypt"));
        assertEquals(256, MessageSizes.signatureLength("rsa2048-accp"));
        assertThrows(IllegalArgumentException.class, () -> MessageSizes.signatureLength("ed448-bc"));
    }

    @Test
    void shouldSizeEd25519MessagesAsTheWireFormatDocumentsThem() {
        int s = 64;
        assertEquals(18 + s, MessageSizes.bytes(CostAction.BROKER_PRINT_RAW_COIN, s));
        assertEquals(26 + s, MessageSizes.bytes(CostAction.BROKER_ISSUE_LIMIT_CERTIFICATE, s));
        int assignment = 62 + 3 * s;
        assertEquals(assignment, MessageSizes.bytes(CostAction.OWNER_ASSIGN, s));
        assertEquals(assignment, MessageSizes.bytes(CostAction.BROKER_REASSIGN, s));
        assertEquals(10 + assignment + s, MessageSizes.bytes(CostAction.HOLDER_REQUEST_REASSIGNMENT, s));
        assertEquals(22 + assignment + s, MessageSizes.bytes(CostAction.HOLDER_ADD_LAYER, s));
        assertEquals(2 + assignment + s, MessageSizes.bytes(CostAction.HOLDER_REQUEST_RENEWAL, s));
        assertEquals(14 + assignment + s, MessageSizes.bytes(CostAction.HOLDER_REQUEST_CASH, s));
        assertEquals(58 + s, MessageSizes.bytes(CostAction.PAYWORD_COMMIT, s));
        assertEquals(30 + s, MessageSizes.bytes(CostAction.LOTTERY_CHECK, s));
        assertEquals(0, MessageSizes.bytes(CostAction.HOLDER_CHECK_ASSIGNMENT, s));
    }
}
