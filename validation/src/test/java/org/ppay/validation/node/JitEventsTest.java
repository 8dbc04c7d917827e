package org.ppay.validation.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JitEventsTest {

    @Test
    void shouldCountCompilationsAndNameEachDistinctTrapUpToALimit() {
        final List<JitEvents.Event> events = new ArrayList<>();
        events.add(new JitEvents.Event(false, "main", "a.B.c", 3, ""));
        events.add(new JitEvents.Event(false, "main", "a.B.c", 4, ""));
        for (int i = 0; i < 7; i++) {
            events.add(new JitEvents.Event(true, "conn-1", "a.B.m" + i, 0, "unstable if"));
        }
        events.add(new JitEvents.Event(true, "conn-1", "a.B.m0", 0, "unstable if"));

        final String summary = JitEvents.summary(events);

        assertTrue(summary.startsWith("deopts=8 compiles=2 c2=1 "), summary);
        assertTrue(summary.contains("trap=conn-1:a.B.m0:unstable_if"), "spaces replaced, one token: " + summary);
        assertEquals(JitEvents.TRAPS_NAMED, summary.split(" ").length - 3, "at most five traps named: " + summary);
        assertEquals("deopts=0 compiles=0 c2=0", JitEvents.summary(List.of()));
    }

    @Test
    void shouldRecordTheCompilationsOfCodeRunHotAfterItStarted(@TempDir Path scratch) throws Exception {
        final JitEvents jit = new JitEvents(scratch.resolve("jit"));
        try {
            jit.start();
            final IntUnaryOperator fresh = x -> x * 31 + 7;
            int sink = 0;
            for (int i = 0; i < 200_000; i++) {
                sink += fresh.applyAsInt(i);
            }
            Thread.sleep(200);
            final String summary = jit.summarize();

            final long compiles = Long.parseLong(summary.split(" ")[1].substring("compiles=".length()));
            assertTrue(compiles > 0, "a lambda run 200,000 times is compiled: " + summary + " " + sink);
            try (var files = Files.list(scratch.resolve("jit"))) {
                assertEquals(0, files.count(), "the recording's dump is removed");
            }
        } finally {
            jit.close();
        }
    }
}
