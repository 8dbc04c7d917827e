package org.ppay.core.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ppay.core.audit.InMemoryAuditTrail;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.RenewalSchedule;
import org.ppay.core.protocol.TestSuites;

/**
 * Many threads cash the same and different coins at once: exactly one payout from each coin's value, every other
 * claim becomes evidence, and money is conserved.
 */
class BrokerConcurrencyTest {

    private static final int THREADS = 8;
    private static final int COINS = 20;
    private static final int CLAIMS_PER_COIN = 4;

    @Test
    void shouldPayEachCoinOnceFromItsValueWhenManyThreadsCashAtOnce() throws Exception {
        final var suite = TestSuites.ed25519();
        final SecureRandom random = new SecureRandom();
        final ManualClock clock = new ManualClock(1_000_000);
        final InMemoryKeyDirectory directory = new InMemoryKeyDirectory();
        final RenewalSchedule schedule = new RenewalSchedule(86_400, 3_600);
        final Tariff tariff = new Tariff(100, 2, 5, 50, 0, 1, 0);
        final ConcurrentHashMap<Long, Owner> owners = new ConcurrentHashMap<>();
        final Broker broker = new Broker(keys(suite, 0, random), suite, directory, clock, schedule, 2, tariff,
                owners::get);
        final PeerKeys cheat = keys(suite, 1, random);
        broker.openAccount(1, cheat.publicKey(), 1_000_000);
        final Owner owner = new Owner(cheat, 0, suite, directory, clock, new InMemoryAuditTrail(), schedule, 2);
        owner.connect(broker);
        owners.put(1L, owner);
        final List<PeerKeys> holders = new ArrayList<>();
        for (long id = 2; id < 2 + CLAIMS_PER_COIN; id++) {
            final PeerKeys holder = keys(suite, id, random);
            broker.openAccount(id, holder.publicKey(), 0);
            holders.add(holder);
        }
        final MessageWriter writer = new MessageWriter(suite);
        final List<byte[]> requests = new ArrayList<>();
        final byte[][] coins = broker.buyRawCoins(1, COINS);
        for (byte[] coin : coins) {
            // the owner double-spends every coin to every holder, and each holder also replays its request
            for (PeerKeys holder : holders) {
                final long begin = schedule.firstWindowBegin(clock.nowSeconds());
                final byte[] assignment = writer.assignment(cheat, false, holder.peerId(), 1, clock.nowSeconds(),
                        begin, schedule.windowEnd(begin), coin, 0, coin.length);
                final byte[] request = writer.cashRequest(holder, clock.nowSeconds(), assignment, 0,
                        assignment.length);
                requests.add(request);
                requests.add(request);
            }
        }
        Collections.shuffle(requests, new java.util.Random(7));
        final AtomicInteger fromValue = new AtomicInteger();
        final AtomicInteger withEvidence = new AtomicInteger();
        final AtomicInteger replays = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        final CountDownLatch start = new CountDownLatch(1);
        final List<Future<?>> done = new ArrayList<>();
        for (byte[] request : requests) {
            done.add(pool.submit(() -> {
                start.await();
                try {
                    final CashReceipt receipt = broker.cash(request);
                    if (receipt.evidence() == null) {
                        fromValue.incrementAndGet();
                    } else {
                        assertEquals(1, receipt.evidence().culprit());
                        assertEquals(tariff.coinValueCents() - tariff.cashFeeCents(), receipt.payoutCents());
                        withEvidence.incrementAndGet();
                    }
                } catch (ProtocolException e) {
                    assertEquals(ProtocolException.Reason.REPLAYED, e.reason());
                    replays.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(COINS, fromValue.get(), "exactly one payout from each coin's value");
        assertEquals(COINS * (CLAIMS_PER_COIN - 1), withEvidence.get(), "every other claim is double-spend evidence");
        assertEquals(COINS * CLAIMS_PER_COIN, replays.get(), "every replayed request is refused");
        assertEquals(0, broker.ledger().imbalanceCents());
        assertEquals(0, broker.ledger().outstandingCents());
        assertEquals(COINS, broker.convictions(1), "the owner is convicted once per coin it double-spent");
        assertEquals(COINS, broker.convictions().size(), "one conviction per double-spent coin");
        for (PeerKeys holder : holders) {
            assertEquals(COINS * (tariff.coinValueCents() - tariff.cashFeeCents()), broker.balanceCents(
                    holder.peerId()), "every honest holder is paid for every coin it holds");
        }
    }

    private static PeerKeys keys(org.ppay.core.crypto.SignatureSuite suite, long id, SecureRandom random) {
        final KeyPair pair = suite.generateKeyPair(random);
        return new PeerKeys(id, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
    }
}
