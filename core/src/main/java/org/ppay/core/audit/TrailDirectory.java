package org.ppay.core.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory of one trail: its lock, its segment files and its control file ({@link TrailControl}: the purge
 * horizon and the live segments, replaced atomically, so a purged epoch stays closed after a restart).
 */
final class TrailDirectory implements AutoCloseable {

    static final String LOCK_FILE = "trail.lock";
    /** The purge horizon of format 1, a text file; its presence marks a trail this build does not open. */
    static final String LEGACY_OLDEST_EPOCH_FILE = "oldest-epoch";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private TrailDirectory(final Path path, final FileChannel lockChannel, final FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static TrailDirectory lock(final Path path) {
        if (path == null) {
            throw new IllegalArgumentException("trail directory must not be null");
        }
        try {
            Files.createDirectories(path);
        } catch (final IOException ex) {
            throw new AuditTrailException(path, "cannot create audit trail directory", ex);
        }
        if (!Files.isWritable(path)) {
            throw new AuditTrailException(path, "audit trail directory is not writable");
        }
        final Path lockPath = path.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            final FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new AuditTrailException(path, "audit trail is open in another process");
            }
            return new TrailDirectory(path, channel, lock);
        } catch (final IOException ex) {
            closeQuietly(channel);
            throw new AuditTrailException(lockPath, "cannot lock audit trail directory", ex);
        } catch (final OverlappingFileLockException ex) {
            closeQuietly(channel);
            throw new AuditTrailException(path, "audit trail is already open in this process");
        } catch (final AuditTrailException ex) {
            closeQuietly(channel);
            throw ex;
        }
    }

    Path path() {
        return path;
    }

    /** Segment files, by name (which is by segment number). */
    List<Path> segmentFiles() {
        return list(TrailLayout.SEGMENT_SUFFIX);
    }

    /** Segment files whose creation was interrupted before they were renamed into place. */
    List<Path> temporaryFiles() {
        return list(TrailLayout.SEGMENT_SUFFIX + TrailLayout.TEMPORARY_SUFFIX);
    }

    /** Purged segments a trail kept for reuse when it stopped (a crash; a clean close deletes them). */
    List<Path> spareFiles() {
        return list(TrailLayout.SEGMENT_SUFFIX + TrailLayout.SPARE_SUFFIX);
    }

    /**
     * The control file, or null when there is none (a directory no trail has used yet).
     *
     * @throws AuditTrailException when it is damaged, or the directory holds a trail of the format before it
     */
    TrailControl readControl() {
        final Path legacy = path.resolve(LEGACY_OLDEST_EPOCH_FILE);
        if (Files.exists(legacy)) {
            throw new AuditTrailException(legacy, "audit trail has format 1 (an oldest-epoch file, no sync marks); "
                + "this build opens format " + TrailLayout.SEGMENT_VERSION + " only (open the trail with the build "
                + "that wrote it and copy its proofs out)");
        }
        final Path file = path.resolve(TrailControl.FILE);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return TrailControl.parse(file, Files.readAllBytes(file));
        } catch (final IOException ex) {
            throw new AuditTrailException(file, "cannot read the audit trail control file", ex);
        }
    }

    /** Replaces the control file atomically and durably (temporary file forced, renamed, directory forced). */
    void writeControl(final TrailControl control) {
        final Path file = path.resolve(TrailControl.FILE);
        final Path temporary = path.resolve(TrailControl.FILE + TrailLayout.TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                final ByteBuffer bytes = ByteBuffer.wrap(control.toBytes());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (final IOException ex) {
            throw new AuditTrailException(file, "cannot write the audit trail control file", ex);
        }
        force();
    }

    void delete(final Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (final IOException ex) {
            throw new AuditTrailException(file, "cannot delete audit segment", ex);
        }
    }

    /** Makes file creations, renames and deletions in the directory durable. */
    void force() {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (final IOException ex) {
            throw new AuditTrailException(path, "cannot force audit trail directory", ex);
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (final IOException ignored) {
            // closing the channel below releases the lock anyway
        }
        closeQuietly(lockChannel);
    }

    private List<Path> list(final String suffix) {
        try (Stream<Path> files = Files.list(path)) {
            final List<Path> found = new ArrayList<>();
            files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().forEach(found::add);
            return found;
        } catch (final IOException ex) {
            throw new AuditTrailException(path, "cannot list audit trail directory", ex);
        }
    }

    private static void closeQuietly(final FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (final IOException ignored) {
                // nothing more to release
            }
        }
    }
}
