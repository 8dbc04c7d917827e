package org.ppay.core.broker;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the broker records every change of its ledger before it answers (see docs/protocol.md, "The durable
 * ledger"). {@link #memoryOnly()} records nothing: the broker keeps its ledger in memory and loses it when it stops.
 * {@link #open(Path)} appends to a checksummed log file and replays it into the broker built on it.
 *
 * <p>The broker calls {@link #append} under its money lock, so the log's order is the order in which effects were
 * applied, and {@link #commit} with no lock of its own held, so concurrent callers share one sync (group commit).
 */
public abstract class LedgerJournal implements AutoCloseable {

    /** One recovered event and the file offset of its record, for messages. */
    record Recorded(long offset, LedgerEvent event) {
    }

    /** A journal that records nothing: the broker's ledger lives in memory only. */
    public static LedgerJournal memoryOnly() {
        return MemoryOnly.INSTANCE;
    }

    /**
     * Opens (or creates) the log file at {@code file}. A torn tail after the last sync is dropped; any other damage
     * refuses with a {@link LedgerJournalException} naming the file and offset, and leaves the file as it was.
     */
    public static FileLedgerJournal open(Path file) {
        return FileLedgerJournal.openLog(file);
    }

    /** Where the log is, for messages; "memory" when there is none. */
    abstract String source();

    /**
     * The events recovered when the journal was opened, oldest first, handed over once: a journal serves one
     * broker.
     */
    abstract List<Recorded> takeRecovered();

    /** Appends an event and returns the position {@link #commit} must reach for it to be durable. */
    abstract long append(LedgerEvent event);

    /** Returns once every event appended up to {@code position} is durable. */
    abstract void commit(long position);

    @Override
    public abstract void close();

    private static final class MemoryOnly extends LedgerJournal {

        static final MemoryOnly INSTANCE = new MemoryOnly();

        @Override
        String source() {
            return "memory";
        }

        @Override
        List<Recorded> takeRecovered() {
            return List.of();
        }

        @Override
        long append(LedgerEvent event) {
            return 0;
        }

        @Override
        void commit(long position) {
            // nothing is kept
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
