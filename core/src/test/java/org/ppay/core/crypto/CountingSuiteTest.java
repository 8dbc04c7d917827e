package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The counting suite counts every signature made and checked, and tells peers apart by their key bytes. */
class CountingSuiteTest {

    private static final byte[] MESSAGE = {1, 2, 3, 4};

    @Test
    void shouldCountEverySignatureMadeAndChecked() {
        final CountingSuite suite = new CountingSuite();
        final KeyPair keys = suite.generateKeyPair(new SecureRandom());
        final byte[] publicKey = suite.publicKeyBytes(keys.getPublic());

        final byte[] signature = suite.sign(keys.getPrivate(), MESSAGE);
        final byte[] out = new byte[80];
        Arrays.fill(out, (byte) 7);
        suite.sign(keys.getPrivate(), MESSAGE, 1, 2, out, 16);
        assertTrue(suite.verify(publicKey, MESSAGE, signature));
        assertTrue(suite.verify(publicKey, MESSAGE, 0, 4, out, 16));

        assertEquals(2, suite.signatures());
        assertEquals(2, suite.verifications());
        assertArrayEquals(new byte[64], signature);
        assertArrayEquals(new byte[64], Arrays.copyOfRange(out, 16, 80));
        assertEquals(7, out[15], "nothing written before the signature");
    }

    @Test
    void shouldGiveEveryPeerItsOwnKeyBytes() {
        final CountingSuite suite = new CountingSuite();
        final KeyPair keys = suite.generateKeyPair(new SecureRandom());
        final byte[] first = suite.publicKeyBytes(keys.getPublic());
        final byte[] second = suite.publicKeyBytes(keys.getPublic());
        assertNotEquals(Arrays.toString(first), Arrays.toString(second));
        assertEquals(SignatureAlgorithm.ED25519, suite.algorithm());
        assertEquals(SignatureAlgorithm.ED25519.signatureLength(), suite.signatureLength());
    }

    @Test
    void shouldRefuseSignaturesOutsideTheirArrayAsTheContractSays() {
        final CountingSuite suite = new CountingSuite();
        final KeyPair keys = suite.generateKeyPair(new SecureRandom());
        assertFalse(suite.verify(new byte[8], MESSAGE, 0, 4, new byte[64], 1));
        assertFalse(suite.verify(new byte[8], MESSAGE, new byte[63]));
        assertFalse(suite.verify(null, MESSAGE, new byte[64]));
        assertThrows(IndexOutOfBoundsException.class, () -> suite.verify(new byte[8], MESSAGE, 2, 4, new byte[64], 0));
        final byte[] out = new byte[64];
        Arrays.fill(out, (byte) 7);
        assertThrows(IndexOutOfBoundsException.class, () -> suite.sign(keys.getPrivate(), MESSAGE, 0, 4, out, 1));
        assertEquals(7, out[63], "nothing written");
        assertEquals(0, suite.signatures());
    }

    @Test
    void shouldCountCallsFromSeveralThreads() throws Exception {
        final CountingSuite suite = new CountingSuite();
        final KeyPair keys = suite.generateKeyPair(new SecureRandom());
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            final Future<?>[] done = new Future<?>[4];
            for (int t = 0; t < done.length; t++) {
                done[t] = pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        suite.verify(new byte[8], MESSAGE, suite.sign(keys.getPrivate(), MESSAGE));
                    }
                });
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40_000, suite.signatures());
        assertEquals(40_000, suite.verifications());
    }
}
