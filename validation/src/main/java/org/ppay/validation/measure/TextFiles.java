package org.ppay.validation.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing validate's outputs: a table or a report, its folder made first, an I/O failure naming the file. */
public final class TextFiles {

    private TextFiles() {
    }

    /** Writes {@code text} to {@code file} as UTF-8, creating its folder; replaces what was there. */
    public static void write(Path file, CharSequence text) {
        try {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
