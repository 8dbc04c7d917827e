package org.ppay.sim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
