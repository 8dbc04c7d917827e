package org.ppay.core.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ppay.core.credit.PaywordChain;
import org.ppay.core.fraud.Evidence;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;

/** The broker's ledger written to a {@link FileLedgerJournal}, replayed after a restart, and a damaged log refused. */
class LedgerJournalTest {

    private static final long LEAVER = 5;

    @TempDir
    Path root;

    private final LedgerWorld world = new LedgerWorld(16);

    /** Everything a history touches, as the broker's public API shows it. */
    private record Snapshot(Ledger ledger, List<String> accounts, List<String> convictions) {
    }

    /** The requests and answers of a history, to ask a restarted broker again. */
    private static final class History {
        final List<byte[]> cashed = new ArrayList<>();
        byte[] commitment;
        byte[] word;
        final List<byte[]> tickets = new ArrayList<>();
        byte[] downtimeRequest;
        byte[] downtimeAnswer;
        long nextSerial;
    }

    @Test
    void shouldReplayTheLedgerAsItWasBeforeTheRestart() {
        final Path log = root.resolve("ledger.log");
        final History history = new History();
        final Snapshot before;
        try (LedgerJournal journal = LedgerJournal.open(log)) {
            final Broker broker = world.broker(journal);
            live(broker, history);
            before = snapshot(broker);
        }
        try (FileLedgerJournal journal = LedgerJournal.open(log)) {
            final long length = size(log);
            final Broker restarted = world.broker(journal);
            assertEquals(before, snapshot(restarted));
            assertEquals(0, journal.tornBytesDropped());
            assertEquals(0, restarted.ledger().imbalanceCents());
            assertTrue(before.convictions().size() >= 1, "the history convicts the owner");
            for (byte[] request : history.cashed) {
                assertEquals(Reason.REPLAYED, assertThrows(ProtocolException.class,
                        () -> restarted.cash(request)).reason(), "a cashed coin is refused after the restart");
            }
            assertEquals(Reason.REPLAYED, assertThrows(ProtocolException.class, () -> restarted.redeemPayword(
                    history.commitment, 6, history.word)).reason());
            for (byte[] ticket : history.tickets) {
                assertEquals(Reason.REPLAYED, assertThrows(ProtocolException.class,
                        () -> restarted.redeemLotteryTicket(ticket, 4)).reason());
            }
            assertArrayEquals(history.downtimeAnswer, restarted.reassignForOwner(history.downtimeRequest),
                    "a downtime request served before the restart gets the same answer");
            assertEquals(length, size(log), "refusals and repeated answers add nothing to the log");
            assertEquals(1, restarted.storedRequests(LedgerWorld.OWNER).size(),
                    "the stored request the owner had not acknowledged is still waiting, the acknowledged one is not");
            assertEquals(history.nextSerial + 1, serialAfter(restarted), "serials continue where they stopped");
        }
    }

    @Test
    void shouldRefuseADamagedLogNamingTheFileAndOffsetAndLeaveItUnchanged() throws IOException {
        final Path log = root.resolve("pristine.log");
        try (LedgerJournal journal = LedgerJournal.open(log)) {
            live(world.broker(journal), new History());
        }
        final byte[] pristine = Files.readAllBytes(log);
        final List<Integer> starts = recordStarts(pristine);
        final int lastStart = starts.get(starts.size() - 1);
        final Path damaged = root.resolve("damaged.log");
        qt().withFixedSeed(20261206L).withExamples(200)
                .forAll(integers().between(LedgerLog.HEADER_BYTES, lastStart - 1), integers().between(1, 255))
                .checkAssert((position, flip) -> {
                    final byte[] bytes = pristine.clone();
                    bytes[position] ^= flip.byteValue();
                    write(damaged, bytes);
                    final LedgerJournalException refused = assertThrows(LedgerJournalException.class,
                            () -> LedgerJournal.open(damaged));
                    final int record = recordAt(starts, position);
                    assertEquals(record, refused.offset(), refused.getMessage());
                    assertTrue(refused.getMessage().contains(damaged.toAbsolutePath() + " at offset " + record),
                            refused.getMessage());
                    assertArrayEquals(bytes, read(damaged), "a refused log is left as it is");
                });
        final byte[] header = pristine.clone();
        header[3] ^= 1;
        write(damaged, header);
        assertEquals(3, assertThrows(LedgerJournalException.class, () -> LedgerJournal.open(damaged)).offset());
        assertArrayEquals(header, read(damaged));
    }

    @Test
    void shouldDropATornTailAndKeepEverySyncedRecord() throws IOException {
        final Path log = root.resolve("torn.log");
        final Snapshot synced;
        final History history = new History();
        try (LedgerJournal journal = LedgerJournal.open(log)) {
            final Broker broker = world.broker(journal);
            live(broker, history);
            synced = snapshot(broker);
        }
        final byte[] whole = Files.readAllBytes(log);
        final byte[] extra = cashRecord(whole);
        for (int cut : new int[] {1, 11, 12, extra.length / 2, extra.length - 1}) {
            final byte[] torn = new byte[whole.length + cut];
            System.arraycopy(whole, 0, torn, 0, whole.length);
            System.arraycopy(extra, 0, torn, whole.length, cut);
            write(log, torn);
            try (FileLedgerJournal journal = LedgerJournal.open(log)) {
                assertEquals(cut, journal.tornBytesDropped(), "cut at " + cut);
                assertEquals(synced, snapshot(world.broker(journal)), "cut at " + cut);
            }
            assertArrayEquals(whole, read(log), "the torn tail is cut off, nothing else");
        }
        final byte[] zeros = new byte[whole.length + 4096];
        System.arraycopy(whole, 0, zeros, 0, whole.length);
        write(log, zeros);
        try (FileLedgerJournal journal = LedgerJournal.open(log)) {
            assertEquals(4096, journal.tornBytesDropped());
            final Broker broker = world.broker(journal);
            final byte[] coin = broker.buyRawCoins(LedgerWorld.OWNER, 1)[0];
            assertTrue(broker.cash(world.cashRequest(coin, world.holderKeys[0])).paid());
        }
        try (FileLedgerJournal journal = LedgerJournal.open(log)) {
            assertEquals(0, journal.tornBytesDropped(), "a log written after its torn tail reopens clean");
            assertEquals(synced.ledger().revenueCents() + LedgerWorld.TARIFF.cashFeeCents(),
                    world.broker(journal).ledger().revenueCents());
        }
    }

    @Test
    void shouldRefuseALogWrittenUnderAnotherTariff() {
        final Path log = root.resolve("other.log");
        try (LedgerJournal journal = LedgerJournal.open(log)) {
            world.openAccounts(world.broker(journal));
        }
        try (LedgerJournal journal = LedgerJournal.open(log)) {
            final LedgerJournalException refused = assertThrows(LedgerJournalException.class, () -> new Broker(
                    world.brokerKeys, world.suite, new org.ppay.core.peer.InMemoryKeyDirectory(), world.clock,
                    LedgerWorld.SCHEDULE, 2, new Tariff(200, 2, 5, 50, 1_000, 1, 3_600), id -> null, journal));
            assertEquals(LedgerLog.HEADER_BYTES, refused.offset());
            assertTrue(refused.getMessage().contains("coinValueCents=100"), refused.getMessage());
        }
    }

    @Test
    void shouldCoverEveryRecordAppendedBeforeItWithOneSync() {
        try (FileLedgerJournal journal = LedgerJournal.open(root.resolve("group.log"))) {
            long last = 0;
            for (int i = 0; i < 10; i++) {
                last = journal.append(new LedgerEvent.LeaveRequested(i, i));
            }
            journal.commit(last - 1);
            journal.commit(last);
            assertEquals(1, journal.syncs(), "one force for ten records: the second commit finds its record durable");
            assertEquals(10, journal.appendedRecords());
        }
    }

    /** A history touching every kind of record; fills {@code history} with what to ask again. */
    private void live(Broker broker, History history) {
        world.openAccounts(broker);
        final PeerKeys leaver = new LedgerWorld(99).holderKeys[0];
        broker.openAccount(LEAVER, leaver.publicKey(), LedgerWorld.DEPOSIT_CENTS);
        final byte[][] coins = broker.buyRawCoins(LedgerWorld.OWNER, 10);
        broker.buyLimitCertificate(LedgerWorld.OWNER, 5);
        for (int i = 0; i < 6; i++) {
            final byte[] request = world.cashRequest(coins[i], world.holderKeys[i % 3]);
            assertTrue(broker.cash(request).paid());
            history.cashed.add(request);
        }
        Evidence evidence = null;
        for (PeerKeys holder : new PeerKeys[] {world.holderKeys[0], world.holderKeys[1]}) {
            final byte[] request = world.cashRequest(coins[6], holder);   // the owner assigned coin 6 twice
            evidence = broker.cash(request).evidence();
            history.cashed.add(request);
        }
        assertNotNull(evidence, "the second claim on coin 6 convicts its owner");
        broker.reportFraud(evidence);
        final PaywordChain chain = new PaywordChain(new byte[32], 10);
        history.commitment = world.writer().paywordCommitment(world.holderKeys[0], LedgerWorld.HOLDERS[1],
                chain.root(), 10, world.clock.nowSeconds() + 3_600);
        history.word = chain.payword(6);
        assertEquals(6, broker.redeemPayword(history.commitment, 6, history.word));
        for (int serial = 0; serial < 8; serial++) {
            final byte[] ticket = world.writer().lotteryTicket(world.holderKeys[1], LedgerWorld.HOLDERS[2], serial,
                    world.clock.nowSeconds());
            broker.redeemLotteryTicket(ticket, 4);
            history.tickets.add(ticket);
        }
        for (int i = 7; i < 9; i++) {
            final byte[] assignment = world.assignment(coins[i], world.holderKeys[0]);
            final byte[] request = world.writer().reassignmentRequest(world.holderKeys[0], LedgerWorld.HOLDERS[1],
                    assignment, 0, assignment.length);
            history.downtimeRequest = request;
            history.downtimeAnswer = broker.reassignForOwner(request);
            if (i == 7) {
                assertEquals(1, broker.storedRequests(LedgerWorld.OWNER).size());
                broker.acknowledgeStoredRequests(LedgerWorld.OWNER, 1);
            }
        }
        broker.requestLeave(LEAVER);
        world.clock.advanceSeconds(LedgerWorld.TARIFF.recallSeconds());
        assertEquals(LedgerWorld.DEPOSIT_CENTS, broker.closeAccount(LEAVER));
        history.nextSerial = serialAfter(broker);
    }

    /** The serial the owner's next coin gets; buys one (a limit certificate's first serial). */
    private static long serialAfter(Broker broker) {
        final byte[] certificate = broker.buyLimitCertificate(LedgerWorld.OWNER, 1);
        return ByteBuffer.wrap(certificate).order(ByteOrder.LITTLE_ENDIAN).getLong(10);
    }

    private static Snapshot snapshot(Broker broker) {
        final List<String> accounts = new ArrayList<>();
        for (long peer = 1; peer <= LEAVER; peer++) {
            accounts.add(peer + ": balance " + broker.balanceCents(peer) + ", deposit " + broker.depositCents(peer)
                    + ", convictions " + broker.convictions(peer));
        }
        final List<String> convictions = new ArrayList<>();
        final HexFormat hex = HexFormat.of();
        for (Evidence e : broker.convictions()) {
            convictions.add(e.kind() + " " + e.culprit() + " " + e.owner() + " " + e.serial() + " "
                    + hex.formatHex(e.first()) + " " + hex.formatHex(e.second()) + " "
                    + (e.brokerAttestation() == null ? "-" : hex.formatHex(e.brokerAttestation())));
        }
        return new Snapshot(broker.ledger(), accounts, convictions);
    }

    /** The offsets of the records of a log, parsed by their length fields. */
    static List<Integer> recordStarts(byte[] log) {
        final ByteBuffer buffer = ByteBuffer.wrap(log).order(ByteOrder.LITTLE_ENDIAN);
        final List<Integer> starts = new ArrayList<>();
        for (int at = LedgerLog.HEADER_BYTES; at < log.length; at += LedgerLog.RECORD_HEADER_BYTES
                + buffer.getInt(at + 4)) {
            starts.add(at);
        }
        return starts;
    }

    private static int recordAt(List<Integer> starts, int position) {
        int record = starts.get(0);
        for (int start : starts) {
            if (start <= position) {
                record = start;
            }
        }
        return record;
    }

    /** The bytes of one more complete record, as a log of a cash on a fresh broker writes it. */
    private byte[] cashRecord(byte[] whole) throws IOException {
        final Path scratch = root.resolve("scratch.log");
        write(scratch, whole);
        try (LedgerJournal journal = LedgerJournal.open(scratch)) {
            final Broker broker = world.broker(journal);
            final byte[] coin = broker.buyRawCoins(LedgerWorld.OWNER, 1)[0];
            final long before = size(scratch);
            broker.cash(world.cashRequest(coin, world.holderKeys[2]));
            final byte[] after = Files.readAllBytes(scratch);
            final byte[] record = new byte[(int) (after.length - before)];
            System.arraycopy(after, (int) before, record, 0, record.length);
            return record;
        }
    }

    private static long size(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
