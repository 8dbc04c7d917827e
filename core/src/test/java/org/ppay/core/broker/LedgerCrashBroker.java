package org.ppay.core.broker;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.ProtocolException;

/**
 * The broker JVM of {@link LedgerCrashTest}: opens (replays) the ledger log, opens the accounts on a fresh log, prints
 * "ready", then cashes coins from several threads until it is killed. Every seventh serial the owner assigns twice,
 * so its second claim convicts the owner. A line "ack serial holder payout request-hex" is printed only after
 * {@link Broker#cash} returned for that request; now and then a thread cashes one of its requests again and expects
 * a replay refusal. Arguments: log file, seed, threads.
 */
public final class LedgerCrashBroker {

    static final long WORLD_SEED = 7;
    static final int DOUBLE_SPENT_EVERY = 7;

    private LedgerCrashBroker() {
    }

    public static void main(String[] args) throws Exception {
        final Path log = Path.of(args[0]);
        final long seed = Long.parseLong(args[1]);
        final int threads = Integer.parseInt(args[2]);
        final PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        final LedgerWorld world = new LedgerWorld(WORLD_SEED);
        final LedgerJournal journal = LedgerJournal.open(log);
        final Broker broker = world.broker(journal);
        try {
            broker.balanceCents(LedgerWorld.OWNER);
        } catch (ProtocolException freshLog) {
            world.openAccounts(broker);
        }
        out.println("ready");
        out.flush();
        final List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final SplittableRandom random = new SplittableRandom(seed + t);
            final Thread worker = new Thread(() -> cashForever(world, broker, random, out), "casher-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private static void cashForever(LedgerWorld world, Broker broker, SplittableRandom random, PrintStream out) {
        final List<byte[]> mine = new ArrayList<>();
        final HexFormat hex = HexFormat.of();
        try {
            while (true) {
                final byte[] coin = broker.buyRawCoins(LedgerWorld.OWNER, 1)[0];
                final long serial = ByteBuffer.wrap(coin).order(ByteOrder.LITTLE_ENDIAN).getLong(10);
                final int claims = serial % DOUBLE_SPENT_EVERY == 0 ? 2 : 1;
                final int firstHolder = random.nextInt(world.holderKeys.length);
                for (int c = 0; c < claims; c++) {
                    final PeerKeys holder = world.holderKeys[(firstHolder + c) % world.holderKeys.length];
                    final byte[] request = world.cashRequest(coin, holder);
                    final CashReceipt receipt = broker.cash(request);
                    mine.add(request);
                    synchronized (out) {
                        out.println("ack " + serial + " " + holder.peerId() + " " + receipt.payoutCents() + " "
                                + hex.formatHex(request));
                        out.flush();
                    }
                }
                if (random.nextInt(8) == 0) {
                    final byte[] again = mine.get(random.nextInt(mine.size()));
                    try {
                        broker.cash(again);
                        throw new IllegalStateException("a request was cashed twice");
                    } catch (ProtocolException e) {
                        if (e.reason() != ProtocolException.Reason.REPLAYED) {
                            throw e;
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            synchronized (out) {
                out.println("error " + e);
                out.flush();
            }
            System.exit(1);
        }
    }
}
