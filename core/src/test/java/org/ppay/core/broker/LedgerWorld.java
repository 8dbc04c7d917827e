package org.ppay.core.broker;

import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.ppay.core.coin.MessageWriter;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.RenewalSchedule;

/**
 * A broker's world made again, key for key, from a seed: the broker (0), an owner (1) and holders (2..4), as a
 * restarted broker process and the test checking it both need them. Owners are unreachable for arbitration.
 */
final class LedgerWorld {

    static final long OWNER = 1;
    static final long[] HOLDERS = {2, 3, 4};
    static final long START_SECONDS = 1_000_000;
    static final long DEPOSIT_CENTS = 100_000;
    static final Tariff TARIFF = new Tariff(100, 2, 5, 50, 1_000, 1, 3_600);
    static final RenewalSchedule SCHEDULE = new RenewalSchedule(30 * 86_400, 5 * 86_400);
    static final int MAX_LAYERS = 2;

    final SignatureSuite suite = SignatureSuite.of("ed25519-jdk");
    final ManualClock clock = new ManualClock(START_SECONDS);
    /** A writer per thread: a writer is a flyweight over its own buffer. */
    private final ThreadLocal<MessageWriter> writers = ThreadLocal.withInitial(() -> new MessageWriter(suite));
    final PeerKeys brokerKeys;
    final PeerKeys ownerKeys;
    final PeerKeys[] holderKeys = new PeerKeys[HOLDERS.length];

    LedgerWorld(long seed) {
        final SecureRandom random;
        try {
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        random.setSeed(seed);
        brokerKeys = keys(0, random);
        ownerKeys = keys(OWNER, random);
        for (int i = 0; i < HOLDERS.length; i++) {
            holderKeys[i] = keys(HOLDERS[i], random);
        }
    }

    /** A broker as a fresh process builds it: its own key directory, filled by the journal's replay. */
    Broker broker(LedgerJournal journal) {
        return new Broker(brokerKeys, suite, new InMemoryKeyDirectory(), clock, SCHEDULE, MAX_LAYERS, TARIFF,
                id -> null, journal);
    }

    void openAccounts(Broker broker) {
        broker.openAccount(OWNER, ownerKeys.publicKey(), DEPOSIT_CENTS);
        for (PeerKeys holder : holderKeys) {
            broker.openAccount(holder.peerId(), holder.publicKey(), DEPOSIT_CENTS);
        }
    }

    /** The owner's assignment of a raw coin to {@code holder} (sequence 1). */
    byte[] assignment(byte[] coin, PeerKeys holder) {
        final long begin = SCHEDULE.firstWindowBegin(clock.nowSeconds());
        return writer().assignment(ownerKeys, false, holder.peerId(), 1, clock.nowSeconds(), begin,
                SCHEDULE.windowEnd(begin), coin, 0, coin.length);
    }

    /** {@code holder}'s cash request for the coin the owner assigned it. */
    byte[] cashRequest(byte[] coin, PeerKeys holder) {
        final byte[] assignment = assignment(coin, holder);
        return writer().cashRequest(holder, clock.nowSeconds(), assignment, 0, assignment.length);
    }

    MessageWriter writer() {
        return writers.get();
    }

    private PeerKeys keys(long id, SecureRandom random) {
        final KeyPair pair = suite.generateKeyPair(random);
        return new PeerKeys(id, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
    }
}
