package org.ppay.validation.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ppay.core.audit.Durability;
import org.ppay.core.audit.MappedAuditTrail;
import org.ppay.core.broker.Broker;
import org.ppay.core.coin.CoinKey;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.holder.Holder;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.RenewalSchedule;

/**
 * Brings a child's code to steady state before the replay, as JMH's warm-up does for the cost table: a private
 * broker, an owner with a memory-mapped audit trail (as the deployment's) and two holders in this process pay,
 * reassign, layer, peel, renew and cash coins with the real suite (the broker taking the signed orders the
 * deployment's peers send for a certificate and their stored requests), until {@code coins} coins went through
 * every step or the time budget ran out. A path is compiled by C2 only after thousands of calls, and a deployment
 * process sees only tens of most operations in a run. Nothing of it is measured, and none of it touches the
 * deployment's roles or sockets.
 */
final class WarmUp {

    private static final long PERIOD_SECONDS = 1_000;
    private static final long START_SECONDS = 10;
    private static final int COINS_PER_ROUND = 64;
    /** Small segments: the same append path as the deployment's, without writing megabytes of zeros per round. */
    private static final int SEGMENT_BYTES = 256 << 10;

    private WarmUp() {
    }

    /** @return how many coins went through every step */
    static int run(SignatureSuite suite, long budgetNanos, int coins, Path directory) {
        final long end = System.nanoTime() + budgetNanos;
        final SecureRandom random = new SecureRandom();
        final RenewalSchedule schedule = new RenewalSchedule(PERIOD_SECONDS, PERIOD_SECONDS);
        int done = 0;
        for (int round = 0; done < coins && System.nanoTime() < end; round++) {
            final Path trailDirectory = directory.resolve("warm-up-" + ProcessHandle.current().pid() + "-" + round);
            try (MappedAuditTrail trail = MappedAuditTrail.open(trailDirectory, SEGMENT_BYTES, Durability.none())) {
                done += round(suite, random, schedule, trail, end);
            } finally {
                delete(trailDirectory);
            }
        }
        return done;
    }

    private static int round(SignatureSuite suite, SecureRandom random, RenewalSchedule schedule,
            MappedAuditTrail trail, long endNanos) {
        final ManualClock clock = new ManualClock(START_SECONDS);
        final InMemoryKeyDirectory directory = new InMemoryKeyDirectory();
        final Broker broker = new Broker(keys(suite, 0, random), suite, directory, clock, schedule, 2,
                PeerHost.TARIFF, id -> null);
        final PeerKeys a = keys(suite, 1, random);
        final PeerKeys b = keys(suite, 2, random);
        broker.openAccount(1, a.publicKey(), 1_000_000);
        broker.openAccount(2, b.publicKey(), 1_000_000);
        final Owner owner = new Owner(a, 0, suite, directory, clock, trail, schedule, 2);
        final Holder holderA = new Holder(a, 0, suite, directory, clock, 2);
        final Holder holderB = new Holder(b, 0, suite, directory, clock, 2);
        owner.addLimitCertificate(broker.buyLimitCertificate(ordered(Frame.LIMIT_CERTIFICATE, a, suite, directory,
                ByteBuffer.allocate(SignedOrder.COUNT_BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(COINS_PER_ROUND)
                        .array()), COINS_PER_ROUND));
        final List<CoinKey> moved = new ArrayList<>();
        for (int i = 0; i < COINS_PER_ROUND && System.nanoTime() < endNanos; i++) {
            final long serial = owner.printCoin();
            final CoinKey coin = new CoinKey(1, serial);
            holderB.receive(owner.assign(serial, 2));
            holderA.receive(holderB.payViaOwner(coin, 1, owner));
            holderB.receive(holderA.payByLayer(coin, 2));
            holderA.receive(holderB.payByPeeling(coin, 1, owner));
            holderB.receive(holderA.payViaOwner(coin, 2, owner));
            moved.add(coin);
        }
        // one clock move for the whole round, so its proofs share two epochs (two segments), as an owner's do
        clock.setSeconds(schedule.firstWindowBegin(clock.nowSeconds()));
        for (CoinKey coin : moved) {
            holderB.renew(coin, owner, null);
            holderB.cash(coin, broker);
        }
        final long taker = ordered(Frame.STORED_REQUESTS, a, suite, directory, SignedOrder.count(0));
        broker.acknowledgeStoredRequests(taker, broker.storedRequests(taker).size());
        return moved.size();
    }

    /** The signer of an order {@code keys} signs and the broker's side opens, as the deployment's orders go. */
    private static long ordered(byte kind, PeerKeys keys, SignatureSuite suite, InMemoryKeyDirectory directory,
            byte[] payload) {
        return SignedOrder.open(kind, SignedOrder.sign(kind, keys, suite, 1, payload), payload.length, directory, suite,
                new SignedOrder.Counters()).signer();
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the warm-up trail " + directory, e);
        }
    }

    private static PeerKeys keys(SignatureSuite suite, long id, SecureRandom random) {
        final KeyPair pair = suite.generateKeyPair(random);
        return new PeerKeys(id, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
    }
}
