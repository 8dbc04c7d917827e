package org.ppay.sim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ppay.core.wire.WireFormat;
import org.ppay.core.wire.WireSizes;

/** The simulator prices messages with the sizes of the core's wire format, for every signature length. */
class MessagesTest {

    @ParameterizedTest
    @ValueSource(ints = {64, 256})
    void shouldMatchTheWireFormatOfTheCore(int s) {
        final WireFormat format = new WireFormat(s, 4);
        assertEquals(WireSizes.limitCertificate(format), Messages.LIMIT_CERTIFICATE_BYTES + s);
        assertEquals(WireSizes.selfPrintedCoin(format), Messages.COIN_BYTES + Messages.COIN_SIGNATURES * s);
        assertEquals(WireSizes.assignmentOfSelfPrintedCoin(format),
                Messages.ASSIGNMENT_BYTES + Messages.ASSIGNMENT_SIGNATURES * s);
        assertEquals(WireSizes.reassignmentRequest(format, true),
                Messages.reassignmentRequestBytes(0) + Messages.reassignmentRequestSignatures(0) * s);
        assertEquals(WireSizes.renewalRequest(format, true),
                Messages.renewalRequestBytes(0) + Messages.renewalRequestSignatures(0) * s);
        assertEquals(WireSizes.paywordCommitment(format), Messages.PAYWORD_COMMITMENT_BYTES + s);
        for (int layers = 0; layers <= 4; layers++) {
            final int instrument = WireSizes.layeredCoin(format, true, layers);
            assertEquals(instrument, Messages.instrumentBytes(layers) + Messages.instrumentSignatures(layers) * s);
            assertEquals(WireSizes.cashRequest(format, instrument),
                    Messages.cashRequestBytes(layers) + Messages.cashRequestSignatures(layers) * s);
        }
    }

    /** The sizes of the paper's notes: section 6 prices coins, assignments and layers this way. */
    @Test
    void shouldSplitEachMessageIntoTheFixedBytesAndSignaturesOfTheNotes() {
        assertEquals(36, Messages.COIN_BYTES);
        assertEquals(2, Messages.COIN_SIGNATURES);
        assertEquals(62, Messages.ASSIGNMENT_BYTES);
        assertEquals(3, Messages.ASSIGNMENT_SIGNATURES);
        assertEquals(22, Messages.LAYER_BYTES);
        assertEquals(26, Messages.LIMIT_CERTIFICATE_BYTES);
        assertEquals(58, Messages.PAYWORD_COMMITMENT_BYTES);
        assertEquals(62 + 2 * 22 + 10, Messages.reassignmentRequestBytes(2));
        assertEquals(3 + 2 + 1, Messages.reassignmentRequestSignatures(2));
        assertEquals(62 + 2, Messages.renewalRequestBytes(0));
        assertEquals(62 + 22 + 14, Messages.cashRequestBytes(1));
        assertEquals(3 + 1 + 1, Messages.cashRequestSignatures(1));
    }
}
