package org.ppay.costs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the stages' text files (JMH results, host files, cost tables), naming the file and what it should be. */
final class TextFile {

    private TextFile() {
    }

    /**
     * The whole file as UTF-8 text.
     *
     * @param what what the file should hold, for the message: "JMH results", "cost table"
     * @throws IllegalArgumentException when the file is missing, a directory, or not UTF-8 text (a binary file)
     * @throws UncheckedIOException when it exists but cannot be read
     */
    static String read(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a directory, not a " + what + " file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such " + what + " file: " + file, e);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not text (not UTF-8), so not a " + what + " file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
