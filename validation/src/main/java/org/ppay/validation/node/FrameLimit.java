package org.ppay.validation.node;

import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.transport.FrameHeader;
import org.ppay.core.wire.WireFormat;
import org.ppay.core.wire.WireSizes;
import org.ppay.sim.load.Messages;

/**
 * The largest frame body a process reads or writes: the largest legal message of the deployment's wire format (its
 * suite's signature length S and its maximum number of layers) or of the few payloads the wire format has no message
 * for. A reader refuses a frame announcing more before allocating anything for it, so no frame can be larger than a
 * message the protocol can produce. The broker's stored requests go as one frame each ({@link Frame#STORED_REQUESTS}),
 * so no reply is a list of unbounded length.
 *
 * @param maxBodyBytes the largest body; a frame is at most {@link FrameHeader#BYTES} more
 */
record FrameLimit(int maxBodyBytes) {

    FrameLimit {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("a frame body limit must be positive, got " + maxBodyBytes);
        }
    }

    /** The limit of a deployment signing with {@code suite} and allowing {@code maxLayers} layers. */
    static FrameLimit of(SignatureSuite suite, int maxLayers) {
        return of(suite.signatureLength(), maxLayers);
    }

    static FrameLimit of(int signatureLength, int maxLayers) {
        final WireFormat format = new WireFormat(signatureLength, maxLayers);
        int largest = Math.max(SignedOrder.limitCertificateOrderBytes(signatureLength),
                SignedOrder.storedRequestsOrderBytes(signatureLength));
        largest = Math.max(largest, PeerHost.GUESS_HIT_BYTES - FrameHeader.BYTES);
        largest = Math.max(largest, Messages.CASH_RECEIPT_BYTES);
        largest = Math.max(largest, WireSizes.limitCertificate(format));
        for (boolean selfPrinted : new boolean[] {false, true}) {
            final int layered = WireSizes.layeredCoin(format, selfPrinted, maxLayers);
            largest = Math.max(largest, layered);
            largest = Math.max(largest, WireSizes.reassignmentRequest(format, selfPrinted, maxLayers));
            largest = Math.max(largest, WireSizes.renewalRequest(format, selfPrinted, maxLayers));
            largest = Math.max(largest, WireSizes.cashRequest(format, layered));
        }
        return new FrameLimit(largest);
    }

    int maxFrameBytes() {
        return FrameHeader.BYTES + maxBodyBytes;
    }

    /** Throws naming the limit when {@code bodyBytes} exceeds it. */
    void check(int bodyBytes, String what) {
        if (bodyBytes > maxBodyBytes) {
            throw new IllegalArgumentException(what + " of " + bodyBytes + " bytes exceeds the frame body limit of "
                    + maxBodyBytes + " bytes");
        }
    }
}
