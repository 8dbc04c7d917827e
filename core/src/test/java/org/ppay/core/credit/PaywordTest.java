package org.ppay.core.credit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ppay.core.peer.ProtocolException;

class PaywordTest {

    private static byte[] seed(int b) {
        final byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) b);
        return seed;
    }

    @Test
    void shouldAcceptEachNextPaywordAndRefuseForgeriesWithoutChangingState() {
        final PaywordChain chain = new PaywordChain(seed(1), 10);
        final PaywordReceiver vendor = new PaywordReceiver(chain.root(), 10);
        vendor.accept(1, chain.payword(1));
        vendor.accept(2, chain.payword(2));
        assertThrows(ProtocolException.class, () -> vendor.accept(3, seed(9)));
        assertThrows(ProtocolException.class, () -> vendor.accept(2, chain.payword(2)));
        assertThrows(ProtocolException.class, () -> vendor.accept(4, chain.payword(4)));
        assertEquals(2, vendor.paidUnits());
        assertArrayEquals(chain.payword(2), vendor.lastWord());
        vendor.accept(3, chain.payword(3));
        assertEquals(3, vendor.paidUnits());
    }

    @Test
    void shouldLetTheBrokerCheckAPartialChain() {
        final PaywordChain chain = new PaywordChain(seed(2), 50);
        assertTrue(PaywordChain.reachesRoot(chain.root(), chain.payword(17), 17));
        assertFalse(PaywordChain.reachesRoot(chain.root(), chain.payword(17), 16));
        assertFalse(PaywordChain.reachesRoot(chain.root(), new PaywordChain(seed(3), 50).payword(17), 17));
    }

    @Test
    void shouldBeDeterministicForASeed() {
        assertArrayEquals(new PaywordChain(seed(4), 8).root(), new PaywordChain(seed(4), 8).root());
    }

    @Test
    void shouldRefuseWordsBeyondTheChain() {
        final PaywordChain chain = new PaywordChain(seed(5), 1);
        final PaywordReceiver vendor = new PaywordReceiver(chain.root(), 1);
        vendor.accept(1, chain.payword(1));
        assertThrows(ProtocolException.class, () -> vendor.accept(2, seed(6)));
        assertThrows(IllegalArgumentException.class, () -> chain.payword(2));
    }
}
