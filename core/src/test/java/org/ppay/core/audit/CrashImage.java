package org.ppay.core.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a killed writer leaves on disk: copies the files of a trail that is still open (its mapped records, synced or
 * not, as the page cache holds them) into another directory, where a test opens them as a restarted owner would.
 */
final class CrashImage {

    private CrashImage() {
    }

    /** Copies every file of {@code trailDirectory} into {@code image} (created if needed); the lock is not held there. */
    static void copy(final Path trailDirectory, final Path image) throws IOException {
        Files.createDirectories(image);
        final List<Path> files;
        try (Stream<Path> listing = Files.list(trailDirectory)) {
            files = listing.sorted().toList();
        }
        for (final Path file : files) {
            Files.copy(file, image.resolve(file.getFileName()));
        }
    }
}
