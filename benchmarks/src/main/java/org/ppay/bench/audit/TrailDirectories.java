package org.ppay.bench.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh directory for a benchmark's trail, and its removal afterwards. */
final class TrailDirectories {

    private TrailDirectories() {
    }

    /** A new directory under {@code root}, or under the system temporary directory when {@code root} is empty. */
    static Path create(final String root) {
        try {
            final Path parent = root.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(root);
            return Files.createTempDirectory(parent, "ppay-audit-bench-");
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot create a trail directory under '" + root + "'", ex);
        }
    }

    static void delete(final Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot delete trail directory " + directory, ex);
        }
    }
}
