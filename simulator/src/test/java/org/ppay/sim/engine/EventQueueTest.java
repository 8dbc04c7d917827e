package org.ppay.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    @Test
    void shouldPopByTimeThenBySchedulingOrder() {
        final EventQueue queue = new EventQueue();
        queue.schedule(5.0, 1, 10);
        queue.schedule(1.0, 2, 20);
        queue.schedule(5.0, 3, 30);
        queue.schedule(1.0, 4, 40);
        final List<Long> payloads = new ArrayList<>();
        while (!queue.isEmpty()) {
            queue.pop();
            payloads.add(queue.poppedPayload());
        }
        assertEquals(List.of(20L, 40L, 10L, 30L), payloads);
        assertEquals(5.0, queue.now());
    }

    @Test
    void shouldKeepOrderUnderManyRandomEvents() {
        final EventQueue queue = new EventQueue();
        final SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 5000; i++) {
            queue.schedule(random.nextInt(100), 0, i);
        }
        double lastTime = -1;
        long lastPayload = -1;
        while (!queue.isEmpty()) {
            queue.pop();
            if (queue.poppedTime() == lastTime) {
                assertEquals(true, queue.poppedPayload() > lastPayload, "ties pop in scheduling order");
            }
            assertEquals(true, queue.poppedTime() >= lastTime);
            lastTime = queue.poppedTime();
            lastPayload = queue.poppedPayload();
        }
    }

    @Test
    void shouldRefuseToScheduleIntoThePast() {
        final EventQueue queue = new EventQueue();
        queue.schedule(10, 0, 0);
        queue.pop();
        assertThrows(IllegalStateException.class, () -> queue.schedule(9.5, 0, 1));
        assertThrows(IllegalStateException.class, () -> queue.schedule(Double.NaN, 0, 1));
    }

    @Test
    void shouldPopSharedAndSingleEventsInOneTimeThenSequenceOrder() {
        final EventQueue mixed = new EventQueue();
        final EventQueue plain = new EventQueue();
        final SplittableRandom random = new SplittableRandom(7);
        long payload = 0;
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < 50; i++) {
                final boolean shared = random.nextBoolean();
                final double time = mixed.now() + (shared ? 10 * random.nextInt(1, 4) : random.nextInt(0, 40));
                final int type = random.nextInt(5);
                if (shared) {
                    mixed.scheduleShared(time, type, payload);
                } else {
                    mixed.schedule(time, type, payload);
                }
                plain.schedule(time, type, payload);
                payload++;
            }
            assertEquals(plain.size(), mixed.size());
            for (int i = 0; i < 30 && !plain.isEmpty(); i++) {
                plain.pop();
                mixed.pop();
                assertEquals(plain.poppedTime(), mixed.poppedTime());
                assertEquals(plain.poppedType(), mixed.poppedType());
                assertEquals(plain.poppedPayload(), mixed.poppedPayload());
            }
        }
        while (!plain.isEmpty()) {
            plain.pop();
            mixed.pop();
            assertEquals(plain.poppedPayload(), mixed.poppedPayload());
        }
        assertEquals(true, mixed.isEmpty());
    }

    @Test
    void shouldRefuseASharedTypeOutsideItsByte() {
        assertThrows(IllegalArgumentException.class, () -> new EventQueue().scheduleShared(1, 256, 0));
    }
}
