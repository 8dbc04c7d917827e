package org.ppay.core.broker;

import java.nio.file.Path;

/** The broker's ledger log cannot be read, replayed or written: names the file and, when known, the offset. */
public final class LedgerJournalException extends RuntimeException {

    private final transient Path path;
    private final long offset;

    public LedgerJournalException(Path path, long offset, String problem) {
        super(path + (offset < 0 ? "" : " at offset " + offset) + ": " + problem);
        this.path = path;
        this.offset = offset;
    }

    public LedgerJournalException(Path path, long offset, String problem, Throwable cause) {
        super(path + (offset < 0 ? "" : " at offset " + offset) + ": " + problem, cause);
        this.path = path;
        this.offset = offset;
    }

    public Path path() {
        return path;
    }

    /** The byte offset of the damaged or refused record, or -1. */
    public long offset() {
        return offset;
    }
}
