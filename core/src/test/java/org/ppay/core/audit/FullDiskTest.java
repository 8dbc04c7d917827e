package org.ppay.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk must be a clear exception naming the file, not a crash: a child JVM runs under a file-size limit
 * ({@code ulimit -f}, which makes writes fail as a full disk does) smaller than one segment.
 */
class FullDiskTest {

    private static final int SEGMENT_BYTES = 4 << 20;

    @TempDir
    Path root;

    @Test
    void shouldRefuseAppendsWithAnExceptionNamingTheSegmentWhenTheDiskIsFull() throws Exception {
        final Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "needs bash for ulimit");
        final Path directory = root.resolve("trail");
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final String command = "ulimit -f 1024 && exec \"$0\" --add-exports java.base/jdk.internal.misc=ALL-UNNAMED"
            + " -Xmx64m -XX:TieredStopAtLevel=1 -cp \"$1\" " + FullDiskWriter.class.getName() + " \"$2\" \"$3\"";
        final Process child = new ProcessBuilder(bash.toString(), "-c", command, java,
            System.getProperty("java.class.path"), directory.toString(), Integer.toString(SEGMENT_BYTES))
            .redirectErrorStream(true)
            .start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        final String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final List<String> lines = output.lines().toList();

        assertEquals(3, lines.size(), output);
        for (final String line : lines.subList(0, 2)) {
            assertTrue(line.startsWith("refused: cannot create audit segment: "), output);
            assertTrue(line.contains(directory.resolve("segment-0000000000.audit.tmp").toString()), output);
        }
        assertEquals("proofs 0", lines.get(2));
        try (Stream<Path> files = Files.list(directory)) {
            assertTrue(files.noneMatch(file -> file.toString().endsWith(".tmp")), "half-written segment left behind");
        }
    }
}
