package org.ppay.core.broker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The layout of the broker's ledger log and its recovery. Little-endian throughout.
 *
 * <pre>
 * file   := header record*
 * header := magic "PPAYLDGR" (8) | version (4) | CRC32C of the 12 bytes before (4)            16 bytes
 * record := marker 0x52474C50 (4) | length L (4) | CRC32C of length and payload (4) | payload (L)
 * </pre>
 *
 * The payload is one {@link LedgerEvent} ({@link LedgerCodec}). A file is created whole (written beside, synced and
 * renamed), so a short or foreign header is damage. Recovery reads records from the header on; at the first record
 * that is not intact (cut short, no marker, length out of range, checksum mismatch) it looks for any intact record
 * after it. None: the rest is a torn tail, written after the last sync, and dropped. One: the damage is inside what
 * was synced, and the log is refused, since dropping the records after it would lose acknowledged payments.
 */
final class LedgerLog {

    static final byte[] MAGIC = "PPAYLDGR".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_BYTES = 16;
    static final int MARKER = 0x52474C50;
    static final int RECORD_HEADER_BYTES = 12;
    static final int MAX_PAYLOAD_BYTES = 1 << 20;

    /** What recovery found: the intact events and where the valid log ends (the torn tail starts). */
    record Recovery(List<LedgerJournal.Recorded> events, long validEnd, long tornBytes) {
    }

    private LedgerLog() {
    }

    static ByteBuffer header() {
        final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(VERSION);
        final CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 12);
        header.putInt((int) crc.getValue());
        return header.flip();
    }

    /** Reads and checks the whole log; changes nothing on disk. */
    static Recovery recover(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            final long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new LedgerJournalException(path, -1, "a log of " + size + " bytes is larger than 2 GiB, which"
                        + " recovery reads in one mapping");
            }
            final ByteBuffer file = channel.map(FileChannel.MapMode.READ_ONLY, 0, size)
                    .order(ByteOrder.LITTLE_ENDIAN);
            checkHeader(path, file);
            final List<LedgerJournal.Recorded> events = new ArrayList<>();
            int at = HEADER_BYTES;
            while (at < size) {
                final String problem = problem(file, at);
                if (problem != null) {
                    final int intact = intactRecordAfter(file, at + 1);
                    if (intact >= 0) {
                        throw new LedgerJournalException(path, at, problem + ", yet an intact record follows at"
                                + " offset " + intact + ": the log is damaged inside what was synced; it is left as"
                                + " it is");
                    }
                    return new Recovery(events, at, size - at);
                }
                final int length = file.getInt(at + 4);
                final ByteBuffer payload = file.slice(at + RECORD_HEADER_BYTES, length)
                        .order(ByteOrder.LITTLE_ENDIAN);
                try {
                    events.add(new LedgerJournal.Recorded(at, LedgerCodec.decode(payload)));
                } catch (IllegalArgumentException e) {
                    throw new LedgerJournalException(path, at, "an intact record is not a ledger event: "
                            + e.getMessage(), e);
                }
                at += RECORD_HEADER_BYTES + length;
            }
            return new Recovery(events, at, 0);
        } catch (IOException e) {
            throw new LedgerJournalException(path, -1, "cannot read the log: " + e.getMessage(), e);
        }
    }

    private static void checkHeader(Path path, ByteBuffer file) {
        if (file.limit() < HEADER_BYTES) {
            throw new LedgerJournalException(path, 0, "a header of " + file.limit() + " bytes, not "
                    + HEADER_BYTES + ": not a ledger log, or a damaged one");
        }
        final ByteBuffer expected = header();
        for (int i = 0; i < HEADER_BYTES; i++) {
            if (file.get(i) != expected.get(i)) {
                throw new LedgerJournalException(path, i, "not a ledger log of version " + VERSION
                        + " (its header differs at byte " + i + ")");
            }
        }
    }

    /** Why the record at {@code at} is not intact, or null when it is. */
    private static String problem(ByteBuffer file, int at) {
        final int left = file.limit() - at;
        if (left < RECORD_HEADER_BYTES) {
            return "a record header cut short (" + left + " bytes)";
        }
        if (file.getInt(at) != MARKER) {
            return "no record marker";
        }
        final int length = file.getInt(at + 4);
        if (length < 1 || length > MAX_PAYLOAD_BYTES) {
            return "a record length of " + length + " bytes";
        }
        if (length > left - RECORD_HEADER_BYTES) {
            return "a record of " + length + " bytes cut short at " + (left - RECORD_HEADER_BYTES);
        }
        final CRC32C crc = new CRC32C();
        crc.update(file.slice(at + 4, 4));
        crc.update(file.slice(at + RECORD_HEADER_BYTES, length));
        if ((int) crc.getValue() != file.getInt(at + 8)) {
            return "a checksum mismatch in a record of " + length + " bytes";
        }
        return null;
    }

    private static int intactRecordAfter(ByteBuffer file, int from) {
        for (int at = from; at <= file.limit() - RECORD_HEADER_BYTES; at++) {
            if (file.getInt(at) == MARKER && problem(file, at) == null) {
                return at;
            }
        }
        return -1;
    }
}
