package org.ppay.core.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

class DecodedKeyCacheTest {

    @Test
    void shouldDecodeCorrectlyWhileThreadsEvictEachOther() throws Exception {
        Random random = new Random(31);
        int keyCount = 64;
        byte[][] keys = new byte[keyCount][32];
        for (byte[] key : keys) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            Ed25519.generatePublicKey(secret, 0, key, 0);
        }
        DecodedKeyCache cache = new DecodedKeyCache(4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    PointArithmetic arithmetic = new PointArithmetic();
                    EdwardsPoint point = new EdwardsPoint();
                    byte[] encoded = new byte[32];
                    Random order = new Random(seed);
                    int checked = 0;
                    for (int i = 0; i < 2000; i++) {
                        byte[] key = keys[order.nextInt(keyCount)];
                        assertTrue(cache.decode(key, 0, point, arithmetic));
                        arithmetic.compress(point, encoded, 0);
                        assertArrayEquals(key, encoded);
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> future : futures) {
                assertEquals(2000, future.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRememberRejectionsAndRefuseABadCapacity() {
        DecodedKeyCache cache = new DecodedKeyCache(3);
        assertEquals(4, cache.capacity());
        assertEquals(2, new DecodedKeyCache(1).capacity());
        PointArithmetic arithmetic = new PointArithmetic();
        byte[] smallOrder = HexFormat.of().parseHex("0100000000000000000000000000000000000000000000000000000000000000");
        assertFalse(cache.decode(smallOrder, 0, new EdwardsPoint(), arithmetic));
        assertFalse(cache.decode(smallOrder, 0, new EdwardsPoint(), arithmetic));
        assertThrows(IllegalArgumentException.class, () -> new DecodedKeyCache(0));
    }
}
