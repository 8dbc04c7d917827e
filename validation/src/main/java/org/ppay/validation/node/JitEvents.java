package org.ppay.validation.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the JIT did in this JVM since {@link #start()}: compilations and de-optimizations, from a JFR recording of
 * two events ({@code jdk.Compilation}, {@code jdk.Deoptimization}). The measured pass is meant to run
 * code compiled as the benchmarks' is; a de-optimization during it, or much compiled only then, says it did not.
 */
final class JitEvents {

    private static final String COMPILATION = "jdk.Compilation";
    private static final String DEOPTIMIZATION = "jdk.Deoptimization";
    /** At most this many distinct traps are named in a summary. */
    static final int TRAPS_NAMED = 5;

    private final Path scratch;
    private Recording recording;
    /** Events before this are forgotten ({@link #forgetSoFar()}). */
    private Instant since = Instant.MIN;

    /** @param scratch a directory for the recording's dump, removed again at once */
    JitEvents(Path scratch) {
        this.scratch = scratch;
    }

    /** Starts counting afresh. */
    synchronized void start() {
        close();
        recording = new Recording();
        recording.setName("ppay-jit");
        recording.enable(COMPILATION).withThreshold(Duration.ZERO);
        recording.enable(DEOPTIMIZATION);
        recording.start();
        since = Instant.now();
    }

    /**
     * Forgets what the JIT did so far, and keeps recording: the recording starts before the warm-up pass, so that
     * JFR's own start-up (its classes loaded and compiled, its threads started) is not counted in, nor costs, the
     * measured pass.
     */
    synchronized void forgetSoFar() {
        since = Instant.now();
    }

    /**
     * What happened since {@link #start()} or the last {@link #forgetSoFar()}, as one line of {@link #summary(List)}
     * ({@code not-recorded} if it was never started); the recording ends.
     */
    synchronized String summarize() {
        if (recording == null) {
            return "not-recorded";
        }
        recording.stop();
        final List<RecordedEvent> events;
        try {
            Files.createDirectories(scratch);
            final Path file = scratch.resolve("jit-" + ProcessHandle.current().pid() + ".jfr");
            try {
                recording.dump(file);
                events = RecordingFile.readAllEvents(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JIT recording: " + e.getMessage(), e);
        } finally {
            close();
        }
        final Instant from = since;
        return summary(events.stream().filter(e -> !e.getStartTime().isBefore(from)).map(JitEvents::event)
                .filter(e -> !e.jfrOwn()).toList());
    }

    synchronized void close() {
        if (recording != null) {
            recording.close();
            recording = null;
        }
    }

    /** One JIT event: a compilation (with its tier) or a de-optimization (with its reason). */
    record Event(boolean deoptimization, String thread, String method, int compileLevel, String reason) {

        /** JFR's own code, compiled because the recording runs: not the deployment's. */
        boolean jfrOwn() {
            return method.startsWith("jdk.jfr.") || method.startsWith("jdk.internal.jfr.");
        }
    }

    private static Event event(RecordedEvent e) {
        final RecordedMethod method = e.getValue("method");
        final String name = method == null ? "?" : method.getType().getName() + "." + method.getName();
        final RecordedThread thread = e.getThread();
        final String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        if (e.getEventType().getName().equals(DEOPTIMIZATION)) {
            return new Event(true, threadName, name, 0, e.getString("reason"));
        }
        return new Event(false, threadName, name, e.getShort("compileLevel"), "");
    }

    /**
     * {@code deopts=N compiles=M c2=K} and, per distinct de-optimization (at most {@value #TRAPS_NAMED}),
     * {@code trap=thread:method:reason}: one line of tokens without spaces.
     */
    static String summary(List<Event> events) {
        long deopts = 0;
        long compiles = 0;
        long c2 = 0;
        final Set<String> traps = new LinkedHashSet<>();
        for (Event event : events) {
            if (event.deoptimization()) {
                deopts++;
                if (traps.size() < TRAPS_NAMED) {
                    traps.add(("trap=" + event.thread() + ":" + event.method() + ":" + event.reason())
                            .replace(' ', '_'));
                }
            } else {
                compiles++;
                if (event.compileLevel() == 4) {
                    c2++;
                }
            }
        }
        final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "deopts=%d compiles=%d c2=%d",
                deopts, compiles, c2));
        traps.forEach(trap -> line.append(' ').append(trap));
        return line.toString();
    }
}
