package org.ppay.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Encoding, validating and decoding nested messages allocates nothing per message once the flyweights exist. */
class CodecAllocationTest {

    private static final int MESSAGES = 20_000;
    private static final WireFormat FORMAT = new WireFormat(64, 2);

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[4096]);
    private final UnsafeBuffer wire = new UnsafeBuffer(new byte[4096]);
    private final RawCoinEncoder coin = new RawCoinEncoder(FORMAT);
    private final AssignmentEncoder assignment = new AssignmentEncoder(FORMAT);
    private final LayeredCoinEncoder firstLayer = new LayeredCoinEncoder(FORMAT);
    private final LayeredCoinEncoder secondLayer = new LayeredCoinEncoder(FORMAT);
    private final CashRequestEncoder cashRequest = new CashRequestEncoder(FORMAT);
    private final CashRequestDecoder decoder = new CashRequestDecoder(FORMAT);
    private long checksum;

    @Test
    void shouldEncodeAndDecodeNestedMessagesWithoutAllocating() {
        com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        roundTrips(); // first use: the lazily created inner-layer flyweight
        long threadId = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(threadId); // its first call allocates
        long before = threads.getThreadAllocatedBytes(threadId);
        roundTrips();
        long allocatedBytes = threads.getThreadAllocatedBytes(threadId) - before;
        // one allocation per message would be >= 16 * MESSAGES bytes; JIT deoptimization may allocate a little once
        assertTrue(allocatedBytes < 1024, "bytes allocated by " + MESSAGES + " round trips: " + allocatedBytes);
    }

    private void roundTrips() {
        long expected = 0;
        checksum = 0;
        for (int serial = 0; serial < MESSAGES; serial++) {
            coin.wrap(scratch, 0).owner(1).serial(serial);
            assignment.wrap(scratch, 200).holder(2).seq(serial).timestampSeconds(3).renewalBeginSeconds(4)
                .renewalEndSeconds(5).coin(coin);
            firstLayer.wrap(scratch, 600).to(3).from(2).seq(serial + 1L).inner(assignment);
            secondLayer.wrap(scratch, 1200).to(4).from(3).seq(serial + 2L).inner(firstLayer);
            cashRequest.wrap(wire, 0).holder(4).timestampSeconds(6).instrument(secondLayer);

            decoder.wrap(wire, 0, cashRequest.encodedLength());
            LayeredCoinDecoder layered = decoder.layeredCoin();
            checksum += layered.layers() + layered.innerLayer().seq() + layered.innermostAssignment().coinSerial()
                + layered.innerLayer().innerAssignment().rawCoin().serial();
            expected += 2 + (serial + 1L) + serial + serial;
        }
        assertEquals(expected, checksum);
    }
}
