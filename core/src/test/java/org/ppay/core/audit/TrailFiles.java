package org.ppay.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads and damages the files of a trail directory, for the recovery tests. */
final class TrailFiles {

    private TrailFiles() {
    }

    /** Every file of {@code directory} by name, with the SHA-256 of its bytes. */
    static Map<String, String> hashes(final Path directory) throws IOException {
        final Map<String, String> hashes = new TreeMap<>();
        for (final Path file : list(directory)) {
            hashes.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
        }
        return hashes;
    }

    static List<Path> list(final Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    static boolean nonEmpty(final Path file) {
        try {
            return Files.size(file) > 0;
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static List<Path> segments(final Path directory) throws IOException {
        return list(directory).stream().filter(file -> file.toString().endsWith(TrailLayout.SEGMENT_SUFFIX)).toList();
    }

    static Path segment(final Path directory, final int number) {
        return directory.resolve(TrailLayout.segmentFileName(number));
    }

    static int getInt(final Path file, final long offset) throws IOException {
        final ByteBuffer bytes = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.read(bytes, offset);
        }
        return bytes.getInt(0);
    }

    static void putInt(final Path file, final long offset, final int value) throws IOException {
        write(file, offset, ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value).array());
    }

    static void flipBit(final Path file, final long offset, final int bit) throws IOException {
        final ByteBuffer bytes = ByteBuffer.allocate(1);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.read(bytes, offset);
            bytes.put(0, (byte) (bytes.get(0) ^ (1 << bit))).rewind();
            channel.write(bytes, offset);
        }
    }

    static void zero(final Path file, final long offset, final int length) throws IOException {
        write(file, offset, new byte[length]);
    }

    static void write(final Path file, final long offset, final byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    static void truncate(final Path file, final long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static String sha256(final byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (final NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
