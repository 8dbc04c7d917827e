package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PublicKeyCacheTest {

    @Test
    void shouldDecodeAKeyOnceAndServeLaterLookupsFromTheCache() {
        PublicKeyCache<String> cache = new PublicKeyCache<>(16);
        AtomicInteger decodes = new AtomicInteger();

        String first = cache.get(new byte[] {1, 2, 3}, raw -> "key" + decodes.incrementAndGet());
        String second = cache.get(new byte[] {1, 2, 3}, raw -> "key" + decodes.incrementAndGet());

        assertSame(first, second);
        assertEquals(1, decodes.get());
    }

    @Test
    void shouldNotBeFooledByTheCallerChangingItsArrayAfterwards() {
        PublicKeyCache<String> cache = new PublicKeyCache<>(16);
        byte[] raw = {1, 2, 3};
        cache.get(raw, r -> "one-two-three");
        raw[2] = 4;

        assertEquals("one-two-four", cache.get(raw, r -> "one-two-four"));
    }

    @Test
    void shouldStayBoundedByReplacingAKeyThatSharesASlot() {
        PublicKeyCache<Integer> cache = new PublicKeyCache<>(1);
        AtomicInteger decodes = new AtomicInteger();
        for (int round = 0; round < 3; round++) {
            cache.get(new byte[] {1}, raw -> decodes.incrementAndGet());
            cache.get(new byte[] {2}, raw -> decodes.incrementAndGet());
        }

        assertEquals(6, decodes.get());
    }

    @Test
    void shouldRememberNothingWhenDecodingFails() {
        PublicKeyCache<String> cache = new PublicKeyCache<>(16);

        assertThrows(IllegalArgumentException.class, () -> cache.get(new byte[] {9}, raw -> {
            throw new IllegalArgumentException("malformed");
        }));

        assertEquals("decoded", cache.get(new byte[] {9}, raw -> "decoded"));
    }

    @Test
    void shouldRefuseASlotCountThatIsNotAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new PublicKeyCache<String>(12));
        assertThrows(IllegalArgumentException.class, () -> new PublicKeyCache<String>(0));
    }
}
