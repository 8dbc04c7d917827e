package org.ppay.core.broker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * The broker's ledger log in one append-only file ({@link LedgerLog} has the layout and the recovery rules).
 *
 * <p>Group commit: {@link #append} encodes a record into an in-memory batch and returns its end offset, cheap
 * enough to run under the broker's money lock. {@link #commit} returns at once when that offset is already durable;
 * otherwise the caller that takes the sync lock first becomes the leader: it takes the whole batch appended so far,
 * writes it and forces the file once, and every caller whose record was in the batch (waiting on the lock meanwhile)
 * finds its offset durable and returns. No thread of its own: the callers take turns.
 *
 * <p>A failed write or force leaves the broker's memory ahead of the file: the journal then refuses every later
 * append and commit, so the broker answers nothing more until it is restarted from the log.
 */
public final class FileLedgerJournal extends LedgerJournal {

    private static final int INITIAL_BATCH_BYTES = 64 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final long recoveredRecords;
    private final long tornBytes;
    private final Object appendLock = new Object();
    private final ReentrantLock syncLock = new ReentrantLock();
    private final CRC32C crc = new CRC32C();
    private List<Recorded> recovered;
    /** Records appended and not yet written; guarded by appendLock. */
    private ByteBuffer batch = newBatch(INITIAL_BATCH_BYTES);
    /** The leader's empty buffer, swapped in for the batch it takes; guarded by syncLock. */
    private ByteBuffer spare = newBatch(INITIAL_BATCH_BYTES);
    /** File offset after the last appended record; guarded by appendLock. */
    private long appended;
    private long appendedRecords;
    /** File offset up to which the file is forced; written under syncLock. */
    private volatile long durable;
    private volatile long syncs;
    private volatile boolean failed;
    private volatile boolean closed;

    private FileLedgerJournal(Path path, FileChannel channel, LedgerLog.Recovery recovery) {
        this.path = path;
        this.channel = channel;
        this.recovered = recovery.events();
        this.recoveredRecords = recovery.events().size();
        this.tornBytes = recovery.tornBytes();
        this.appended = recovery.validEnd();
        this.durable = recovery.validEnd();
    }

    static FileLedgerJournal openLog(Path file) {
        final Path path = file.toAbsolutePath();
        try {
            if (!Files.exists(path)) {
                create(path);
            }
            final LedgerLog.Recovery recovery = LedgerLog.recover(path);
            final FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                if (recovery.tornBytes() > 0) {
                    channel.truncate(recovery.validEnd());
                    channel.force(true);
                }
                return new FileLedgerJournal(path, channel, recovery);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new LedgerJournalException(path, -1, "cannot open the log: " + e.getMessage(), e);
        }
    }

    /** Writes the header beside the log, syncs it and renames it into place, so a log is never half created. */
    private static void create(Path path) throws IOException {
        final Path directory = path.getParent();
        Files.createDirectories(directory);
        final Path temporary = directory.resolve(path.getFileName() + ".new");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            final ByteBuffer header = LedgerLog.header();
            while (header.hasRemaining()) {
                channel.write(header);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename " + temporary + " atomically", e);
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the rename is then as durable as the platform makes it
        }
    }

    public Path path() {
        return path;
    }

    /** How many records recovery read when the log was opened. */
    public long recoveredRecords() {
        return recoveredRecords;
    }

    /** How many bytes of torn tail recovery dropped when the log was opened. */
    public long tornBytesDropped() {
        return tornBytes;
    }

    /** Records appended since the log was opened. */
    public long appendedRecords() {
        synchronized (appendLock) {
            return appendedRecords;
        }
    }

    /** Forces of the file since it was opened: fewer than the records appended when commits were grouped. */
    public long syncs() {
        return syncs;
    }

    @Override
    String source() {
        return path.toString();
    }

    @Override
    synchronized List<Recorded> takeRecovered() {
        if (recovered == null) {
            throw new IllegalStateException(path + " is already replayed into a broker: a journal serves one");
        }
        final List<Recorded> events = recovered;
        recovered = null;
        return events;
    }

    @Override
    long append(LedgerEvent event) {
        final int bound = LedgerLog.RECORD_HEADER_BYTES + LedgerCodec.maxLength(event);
        synchronized (appendLock) {
            refuseWhenBroken();
            if (batch.remaining() < bound) {
                batch = grown(batch, bound);
            }
            final int start = batch.position();
            batch.position(start + LedgerLog.RECORD_HEADER_BYTES);
            LedgerCodec.encode(event, batch);
            final int length = batch.position() - start - LedgerLog.RECORD_HEADER_BYTES;
            if (length > LedgerLog.MAX_PAYLOAD_BYTES) {
                batch.position(start);
                throw new IllegalArgumentException("a ledger event of " + length + " bytes exceeds "
                        + LedgerLog.MAX_PAYLOAD_BYTES);
            }
            batch.putInt(start, LedgerLog.MARKER).putInt(start + 4, length);
            crc.reset();
            crc.update(batch.slice(start + 4, 4));
            crc.update(batch.slice(start + LedgerLog.RECORD_HEADER_BYTES, length));
            batch.putInt(start + 8, (int) crc.getValue());
            appended += LedgerLog.RECORD_HEADER_BYTES + length;
            appendedRecords++;
            return appended;
        }
    }

    @Override
    void commit(long position) {
        if (durable >= position) {
            return;
        }
        syncLock.lock();
        try {
            if (durable >= position) {
                return;   // a leader's sync covered this record while this caller waited
            }
            refuseWhenBroken();
            final ByteBuffer taken;
            final long end;
            synchronized (appendLock) {
                taken = batch;
                batch = spare;
                end = appended;
            }
            taken.flip();
            long at = durable;
            while (taken.hasRemaining()) {
                at += channel.write(taken, at);
            }
            channel.force(false);
            syncs++;
            durable = end;
            spare = taken.clear();
        } catch (IOException e) {
            failed = true;
            throw new LedgerJournalException(path, durable, "cannot write the log: " + e.getMessage(), e);
        } finally {
            syncLock.unlock();
        }
    }

    /** Syncs what was appended and closes the file. */
    @Override
    public void close() {
        syncLock.lock();
        try {
            if (closed) {
                return;
            }
            final long end;
            synchronized (appendLock) {
                end = appended;
            }
            try {
                if (!failed) {
                    commit(end);
                }
            } finally {
                closed = true;
                synchronized (appendLock) {
                    failed = true;   // refuses appends after close
                }
                channel.close();
            }
        } catch (IOException e) {
            throw new LedgerJournalException(path, -1, "cannot close the log: " + e.getMessage(), e);
        } finally {
            syncLock.unlock();
        }
    }

    private void refuseWhenBroken() {
        if (failed) {
            throw new LedgerJournalException(path, -1, closed ? "the log is closed" : "an earlier write of the log"
                    + " failed: the broker must be restarted from the log");
        }
    }

    private static ByteBuffer grown(ByteBuffer full, int needed) {
        int capacity = full.capacity();
        while (capacity - full.position() < needed) {
            capacity *= 2;
        }
        final ByteBuffer bigger = newBatch(capacity);
        bigger.put(full.flip());
        return bigger;
    }

    private static ByteBuffer newBatch(int capacity) {
        return ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }
}
