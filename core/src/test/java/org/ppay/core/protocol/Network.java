package org.ppay.core.protocol;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ppay.core.audit.InMemoryAuditTrail;
import org.ppay.core.broker.Broker;
import org.ppay.core.broker.Tariff;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.holder.Holder;
import org.ppay.core.owner.Owner;
import org.ppay.core.peer.InMemoryKeyDirectory;
import org.ppay.core.peer.ManualClock;
import org.ppay.core.peer.PeerKeys;
import org.ppay.core.peer.RenewalSchedule;

/** A broker and N peers, each both owner and holder, wired in process. Peer ids are 1..N; the broker is 0. */
final class Network {

    static final long BROKER_ID = 0;
    static final long START_SECONDS = 1_000_000;
    static final long DEPOSIT_CENTS = 10_000;
    static final Tariff TARIFF = new Tariff(100, 2, 5, 50, 1_000, 1, 3_600);
    static final RenewalSchedule SCHEDULE = new RenewalSchedule(30 * 86_400, 5 * 86_400);

    final SignatureSuite suite;
    final ManualClock clock = new ManualClock(START_SECONDS);
    final InMemoryKeyDirectory directory = new InMemoryKeyDirectory();
    final Broker broker;
    final int maxLayers;
    private final Map<Long, Peer> peers = new HashMap<>();

    /** One peer's roles and keys. */
    record Peer(long id, PeerKeys keys, Owner owner, Holder holder) {
    }

    Network(SignatureSuite suite, int peerCount, int maxLayers, SecureRandom random) {
        this.suite = suite;
        this.maxLayers = maxLayers;
        this.broker = new Broker(keys(BROKER_ID, random), suite, directory, clock, SCHEDULE, maxLayers, TARIFF,
                id -> peers.containsKey(id) ? peers.get(id).owner() : null);
        for (long id = 1; id <= peerCount; id++) {
            final PeerKeys keys = keys(id, random);
            broker.openAccount(id, keys.publicKey(), DEPOSIT_CENTS);
            final Owner owner = new Owner(keys, BROKER_ID, suite, directory, clock, new InMemoryAuditTrail(),
                    SCHEDULE, maxLayers);
            owner.connect(broker);
            final Holder holder = new Holder(keys, BROKER_ID, suite, directory, clock, maxLayers);
            peers.put(id, new Peer(id, keys, owner, holder));
        }
    }

    private PeerKeys keys(long id, SecureRandom random) {
        final KeyPair pair = suite.generateKeyPair(random);
        return new PeerKeys(id, pair.getPrivate(), suite.publicKeyBytes(pair.getPublic()));
    }

    Peer peer(long id) {
        return peers.get(id);
    }

    List<Peer> peers() {
        final List<Peer> all = new ArrayList<>();
        for (long id = 1; id <= peers.size(); id++) {
            all.add(peers.get(id));
        }
        return all;
    }
}
